import { Worker } from 'node:worker_threads';

// Opens sealed values on a worker thread (decrypt-worker.mjs, the same code as crypto.ts), so a
// long export checks tags and decrypts beside its database reads and its file writing instead of
// after them. One worker: the work is one stream of batches, in order.

export type DecryptPool = {
  decryptMany(blobs: readonly (Buffer | null)[]): Promise<string[]>;
  close(): Promise<void>;
};

type Reply = { id: number; values?: string[]; error?: string };

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
    else w.resolve(m.values ?? []);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    if (waiting.size > 0) failAll(new Error(`decrypt worker exited with code ${code}`));
  });
  return {
    decryptMany(blobs) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise<string[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, blobs });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
