import path from 'node:path';
import { z } from 'zod';

// Environment is parsed once at the edge; everything below receives a typed Config.
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  HUIJIU_DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** 64 hex chars (32 bytes): the personal-data master key. Generated into the data folder when absent. */
  HUIJIU_MASTER_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'HUIJIU_MASTER_KEY must be 64 hexadecimal characters')
    .optional(),
  /** Test mode lets e2e journeys set the clock through /api/test/clock. Never enable in production. */
  HUIJIU_TEST_MODE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** Fixed start time (ISO 8601) for the injected clock, used by demos and tests. */
  HUIJIU_CLOCK: z.string().datetime({ offset: true }).optional(),
  /** PGlite durability: 'full' syncs every commit to disk; 'relaxed' trades the last commits for speed. */
  HUIJIU_PGLITE_DURABILITY: z.enum(['full', 'relaxed']).default('full'),
  /** Set when the app is reachable only through a reverse proxy that sets X-Forwarded-For. */
  HUIJIU_TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  HUIJIU_SECURE_COOKIES: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** The public address of the site (https://jiuzhu.example.gov.cn), printed in the posters' QR codes. */
  HUIJIU_PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/[\x21-\x7e]+$/, 'HUIJIU_PUBLIC_URL must be an http(s) address in ASCII')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  masterKeyHex: string | undefined;
  testMode: boolean;
  clockStart: string | undefined;
  pgliteDurability: 'full' | 'relaxed';
  secureCookies: boolean;
  trustProxy: boolean;
  /** Without it, a poster carries the address its request came to. */
  publicUrl: string | undefined;
  logLevel: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (配置无效):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.HUIJIU_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    masterKeyHex: e.HUIJIU_MASTER_KEY,
    testMode: e.HUIJIU_TEST_MODE,
    clockStart: e.HUIJIU_CLOCK,
    pgliteDurability: e.HUIJIU_PGLITE_DURABILITY,
    secureCookies: e.HUIJIU_SECURE_COOKIES,
    trustProxy: e.HUIJIU_TRUST_PROXY,
    publicUrl: e.HUIJIU_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
  };
}
