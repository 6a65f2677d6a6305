import { DEMO_PASSWORD, isEmpty, runDemo } from '../demo/run.ts';
import { createServer } from './app.ts';
import type { Config } from './config.ts';
import { scheduleCareMissedVisits } from './modules/care/care.jobs.ts';
import { scheduleReminders } from './modules/cases/reminders.usecases.ts';
import { scheduleEscalation } from './modules/monitoring/monitoring.jobs.ts';
import { redactUrl } from './platform/http.ts';
import { createProgressBar } from './platform/progress-bar.ts';
import { createServices } from './services.ts';

// config → db → migrate → (demo on an empty database) → HTTP + job runner.
export async function serve(config: Config, opts: { demoIfEmpty: boolean }) {
  const s = await createServices(config);
  if (opts.demoIfEmpty && (await isEmpty(s))) {
    const bar = createProgressBar('演示数据 demo district');
    const t0 = performance.now();
    const r = await runDemo(s, { onProgress: (p) => bar.update(p) });
    bar.done(
      `${r.households} households, ${r.persons} persons, ${r.users} accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const app = await createServer(s, {
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
            // A search text may be a full name or an ID number: it never reaches the log.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: redactUrl(req.url),
              }),
            },
          },
  });
  s.jobs.start();
  // The daily reminder run: enqueued at start and re-checked every 10 minutes (one run per county and
  // day, so a restart or a clock moved in test mode never raises a reminder twice).
  // The daily escalation of overdue alerts (§7.4) runs on the same schedule, one per county and day.
  const schedule = () => {
    void scheduleReminders(s).catch((err) => app.log.error({ err }, 'reminder scheduling failed'));
    void scheduleEscalation(s).catch((err) => app.log.error({ err }, 'alert escalation scheduling failed'));
    // §5.4 missed care visits of the month just over, one run per county and day (idempotent alerts).
    void scheduleCareMissedVisits(s).catch((err) =>
      app.log.error({ err }, 'care missed-visit scheduling failed'),
    );
  };
  schedule();
  const scheduler = setInterval(schedule, 10 * 60_000);
  scheduler.unref();
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${(app.server.address() as { port: number }).port}/`;
  process.stdout.write(
    `\n汇救 Huijiu is running at ${url}\n  API docs: ${url}api/docs\n  Demo sign-in: admin / district / auditor / town001 / v001201 …, password ${DEMO_PASSWORD}\n\n`,
  );
  const shutdown = async () => {
    await app.close();
    await s.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, services: s };
}
