import { Worker } from 'node:worker_threads';

// Opens sealed values on a worker thread (decrypt-worker.mjs, the same code as crypto.ts), so a
// long export checks tags and decrypts beside its database reads and its file writing instead of
// after them. One worker: the work is one stream of batches, in order.

export type DecryptPool = {
  decryptMany(blobs: readonly (Buffer | null)[]): Promise<string[]>;
  close(): Promise<void>;
};

type Reply = { id: number; joined?: string; error?: string };

export function createDecryptPool(masterKeyHex: string): DecryptPool {
  const worker = new Worker(new URL('./decrypt-worker.mjs', import.meta.url), {
    workerData: { masterKeyHex },
  });
  const waiting = new Map<number, { resolve(v: string[]): void; reject(e: Error): void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (err: Error) => {
    failed = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error !== undefined) w.reject(new Error(m.error));
    else w.resolve(m.joined === undefined || m.joined === '' ? [] : m.joined.split('\0'));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    if (waiting.size > 0) failAll(new Error(`decrypt worker exited with code ${code}`));
  });
  return {
    decryptMany(blobs) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      // One buffer with end offsets (-1 = null), transferred, not cloned value by value.
      let size = 0;
      for (const b of blobs) size += b?.length ?? 0;
      const data = new ArrayBuffer(size);
      const bytes = new Uint8Array(data);
      const ends = new Int32Array(blobs.length);
      let at = 0;
      blobs.forEach((b, i) => {
        if (b === null) ends[i] = -1;
        else {
          bytes.set(b, at);
          at += b.length;
          ends[i] = at;
        }
      });
      return new Promise<string[]>((resolve, reject) => {
        waiting.set(id, {
          // Plain text never holds NUL, but an empty batch joins to '' and splits to [''].
          resolve: (v) => resolve(blobs.length === 0 ? [] : v.length === 0 ? [''] : v),
          reject,
        });
        worker.postMessage({ id, data, ends }, [data, ends.buffer]);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
