// A worker thread that opens sealed values for the main thread (bank files: the HMAC checks of a
// million lines are CPU work that can run beside the database reads and the file writing).
// A batch travels as one transferred buffer with end offsets (-1 = null), and the values come back
// as one string joined by NUL: cloning thousands of small buffers and strings cost more than the
// copy into one.
import { parentPort, workerData } from 'node:worker_threads';
import { deriveKeys, keyedHmacSm3, openMany } from './sealed-values.mjs';

const { encKey, macKey } = deriveKeys(Buffer.from(workerData.masterKeyHex, 'hex'));
const mac = keyedHmacSm3(macKey);

parentPort.on('message', (/** @type {{ id: number; data: ArrayBuffer; ends: Int32Array }} */ m) => {
  try {
    const all = Buffer.from(m.data);
    /** @type {(Buffer | null)[]} */
    const blobs = [];
    let start = 0;
    for (const end of m.ends) {
      if (end < 0) blobs.push(null);
      else {
        blobs.push(all.subarray(start, end));
        start = end;
      }
    }
    parentPort.postMessage({ id: m.id, joined: openMany(encKey, mac, blobs).join('\0') });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
