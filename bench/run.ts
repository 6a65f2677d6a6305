import { benchRegistry } from './registry.ts';

// `npm run bench -- <name>`: each benchmark prints its figures beside the raw-SQL floor measured
// in the same run.
const benches: Record<string, () => Promise<unknown>> = {
  registry: benchRegistry,
  api: async () => (await import('./api.ts')).benchApi(),
  recalc: async () => (await import('./recalc.ts')).benchRecalc(),
  payroll: async () => (await import('./payroll.ts')).benchPayroll(),
  compare: async () => (await import('./compare.ts')).benchCompare(),
};

const names = process.argv.slice(2).filter((a) => a !== '--');
const run = names.length > 0 ? names : Object.keys(benches);
for (const n of run) {
  const b = benches[n];
  if (!b) {
    process.stderr.write(`unknown bench ${n}; known: ${Object.keys(benches).join(', ')}\n`);
    process.exit(64);
  }
  await b();
}
