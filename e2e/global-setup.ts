import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

// Starts `huijiu serve --demo-if-empty` on a fresh data folder with the clock fixed and test mode
// on, and hands the URL to the journeys.
let child: ChildProcess | null = null;
let dataDir = '';

export default async function setup(project: TestProject) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-e2e-'));
  const port = String(3900 + Math.floor(Math.random() * 90));
  child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve', '--demo-if-empty'], {
    env: {
      ...process.env,
      HUIJIU_DATA_DIR: dataDir,
      PORT: port,
      HUIJIU_TEST_MODE: '1',
      HUIJIU_CLOCK: '2026-11-29T09:00:00+08:00',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    // The demo district is generated on first start (about a minute; several on a loaded CI machine).
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 600_000);
    child!.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    });
    child!.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  project.provide('baseUrl', url);
  return async () => {
    child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
