import fs from 'node:fs';
import { z } from 'zod';
import type { Role } from '../../../contracts/roles.ts';
import { type JobDefinition, jobActor } from '../../platform/jobs.ts';
import type { Services } from '../../services.ts';
import { IMPORT_JOB, runHouseholdImport } from './imports.usecases.ts';

const payload = z.object({
  file: z.string(),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  actor: jobActor,
  requestId: z.string(),
  clientIp: z.string(),
});
export type ImportJobPayload = z.infer<typeof payload>;

export function importJob(
  s: Pick<Services, 'db' | 'clock' | 'cipher' | 'config'>,
): JobDefinition<ImportJobPayload> {
  return {
    name: IMPORT_JOB,
    payload,
    async handler(job, p) {
      const ctx = {
        actor: { ...p.actor, role: p.actor.role as Role, mustChangePassword: false },
        requestId: p.requestId,
        clientIp: p.clientIp,
      };
      try {
        const result = await runHouseholdImport(
          { db: s.db, clock: s.clock, cipher: s.cipher, dataDir: s.config.dataDir },
          ctx,
          job,
          p.file,
          p.format,
        );
        return { ...result, filename: p.filename };
      } finally {
        // The uploaded sheet holds ID numbers and names in clear: once its rows are sealed in the
        // database (or refused), it must not stay on disk. A crash before this point leaves it for
        // the resumed run.
        fs.rmSync(p.file, { force: true });
      }
    },
  };
}
