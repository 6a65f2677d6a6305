import type { JobProgress } from './jobs.ts';

/** A one-line progress bar on stderr for CLI jobs (redrawn in place on a terminal). */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let last = '';
  const width = 30;
  return {
    update(p: JobProgress) {
      const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      const filled = Math.round(ratio * width);
      const bar =
        p.total > 0
          ? `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${(ratio * 100).toFixed(0).padStart(3)}%`
          : `${'▒'.repeat(width)}  …`;
      const line = `${label} ${bar} ${p.message ?? `${p.done}/${p.total}`}`;
      if (line === last) return;
      last = line;
      if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
      else stream.write(`${line}\n`);
    },
    done(message: string) {
      stream.write(`${stream.isTTY ? '\r\x1b[2K' : ''}${label} ${message}\n`);
    },
  };
}
