import fs from 'node:fs';
import { NodeFS } from '@electric-sql/pglite/nodefs';

// Emscripten's NODEFS has no fsync: PostgreSQL's WAL flush at commit reaches the kernel's page
// cache but never the disk, so a power cut could lose acknowledged commits. This file system
// forwards fsync/fdatasync to the host, which makes PGlite durable like a server with fsync=on.
type EmscriptenStream = { nfd?: number };
type EmscriptenModule = {
  FS: { filesystems: { NODEFS: { stream_ops: { fsync?: (s: EmscriptenStream) => number } } } };
};

export class DurableNodeFS extends NodeFS {
  syncCalls = 0;
  // biome-ignore lint/suspicious/noExplicitAny: PGlite's init signature is internal.
  override async init(pg: any, opts: any) {
    const base = await super.init(pg, opts);
    const preRun = [
      ...(base.emscriptenOpts.preRun ?? []),
      (mod: EmscriptenModule) => {
        mod.FS.filesystems.NODEFS.stream_ops.fsync = (stream) => {
          if (stream.nfd !== undefined) {
            fs.fdatasyncSync(stream.nfd);
            this.syncCalls++;
          }
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...base.emscriptenOpts, preRun } };
  }
}
