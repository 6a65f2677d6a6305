// A worker thread that opens sealed values for the main thread (bank files: the HMAC checks of a
// million lines are CPU work that can run beside the database reads and the file writing).
import { parentPort, workerData } from 'node:worker_threads';
import { deriveKeys, keyedHmacSm3, openMany } from './sealed-values.mjs';

const { encKey, macKey } = deriveKeys(Buffer.from(workerData.masterKeyHex, 'hex'));
const mac = keyedHmacSm3(macKey);

parentPort.on('message', (/** @type {{ id: number; blobs: (Uint8Array | null)[] }} */ m) => {
  try {
    const values = openMany(
      encKey,
      mac,
      m.blobs.map((b) => (b === null ? null : Buffer.from(b.buffer, b.byteOffset, b.byteLength))),
    );
    parentPort.postMessage({ id: m.id, values });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
