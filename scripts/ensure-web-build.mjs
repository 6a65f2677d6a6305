// Builds the console (vite) when web/dist is missing or older than any source file, so that
// `npm start` on a fresh clone serves the console without a separate build step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/index.html', 'contracts', 'vite.config.ts', 'server/rules'];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((f) => newest(path.join(p, f))));
}

const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
if (built < Math.max(...sources.map(newest))) {
  process.stdout.write('Building the console (vite build)…\n');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { stdio: 'inherit', cwd: root },
  );
}
