import { TimezoneSchema } from '@customer-chair/shared/schemas/common';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where `pnpm --filter @customer-chair/server build` puts the dashboard. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../dist/dashboard/', import.meta.url));

/** Treats an empty variable as unset, as shells and .env files often produce them. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The environment the server reads at start-up, and nowhere else. */
export const EnvSchema = z.object({
  PORT: optional(int(0, 65_535)).default(8787),
  HOST: optional(z.string().min(1)).default('127.0.0.1'),
  DATABASE_PATH: optional(z.string().min(1)).default('./data/customer-chair.db'),
  // Set, everything is stored in PostgreSQL (15 or newer) instead of the SQLite file.
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// (or postgresql://) connection URL')),
  DATABASE_POOL_SIZE: optional(int(1, 1000)).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: optional(int(100, 3_600_000)).default(30_000),
  // Tokens are compared hashed, and a correct one works even while guessers are throttled: only length keeps them unguessable.
  ADMIN_TOKEN: optional(z.string().min(32, 'must be at least 32 characters').max(256)),
  ENROLLMENT_KEY: optional(z.string().min(8, 'must be at least 8 characters').max(256)),
  EXTENSION_IDS: optional(
    z
      .string()
      .transform((ids) => ids.split(',').map((id) => id.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9-]{1,64}$/i, 'must be extension ids (letters, digits, "-") separated by commas')).min(1, 'must name at least one extension id')),
  ),
  MIN_GROUP_SIZE: optional(int(1, 1000)).default(5),
  RETENTION_DAYS: optional(int(1, 3650)).default(90),
  TIMEZONE: optional(TimezoneSchema).default('UTC'),
  RATE_LIMIT_EVENTS_PER_MINUTE: optional(int(0, 1_000_000)).default(1000),
  RATE_LIMIT_EVENTS_PER_ADDRESS_PER_MINUTE: optional(int(0, 100_000_000)).default(100_000),
  NEW_INSTALLS_PER_ADDRESS_PER_DAY: optional(int(0, 100_000_000)).default(10_000),
});

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  /** PostgreSQL's connection URL; when set, `databasePath` is not used. */
  databaseUrl?: string;
  /** Connections each instance keeps to PostgreSQL at most. */
  databasePoolSize: number;
  /** PostgreSQL cancels a statement running longer than this. */
  databaseStatementTimeoutMs: number;
  /** Set from the environment; otherwise tokens live only as hashes in the database. */
  adminToken?: string;
  /** When set, extensions must present it to read content and send events. */
  enrollmentKey?: string;
  /** When set, only these extensions (chrome-extension:// or moz-extension://<id>) may call the API cross-origin; otherwise any extension. */
  extensionIds?: string[];
  minGroupSize: number;
  retentionDays: number;
  timezone: string;
  /**
   * Events one install may send per minute (0: no ingest limit at all), and
   * all installs behind one address together (0: no per-address cap) — a
   * company's browsers often share one NAT address.
   */
  rateLimitEventsPerMinute: number;
  rateLimitEventsPerAddressPerMinute: number;
  /**
   * Install ids never stored before that one address may bring in 24 hours
   * (0: no limit). Generous, because a whole company may roll the extension
   * out through one NAT address or proxy; it bounds mass-forged installs made
   * with the enrollment key, which every managed browser holds.
   */
  newInstallsPerAddressPerDay: number;
  /** The built dashboard's files. */
  dashboardDir: string;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the configuration from an environment; every problem names its variable. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      databasePath: e.DATABASE_PATH,
      databaseUrl: e.DATABASE_URL,
      databasePoolSize: e.DATABASE_POOL_SIZE,
      databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      adminToken: e.ADMIN_TOKEN,
      enrollmentKey: e.ENROLLMENT_KEY,
      extensionIds: e.EXTENSION_IDS,
      minGroupSize: e.MIN_GROUP_SIZE,
      retentionDays: e.RETENTION_DAYS,
      timezone: e.TIMEZONE,
      rateLimitEventsPerMinute: e.RATE_LIMIT_EVENTS_PER_MINUTE,
      rateLimitEventsPerAddressPerMinute: e.RATE_LIMIT_EVENTS_PER_ADDRESS_PER_MINUTE,
      newInstallsPerAddressPerDay: e.NEW_INSTALLS_PER_ADDRESS_PER_DAY,
      dashboardDir: DASHBOARD_DIR,
    },
  };
}

/** Defaults for tests and embedding: everything `loadConfig({})` would give. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  const result = loadConfig({});
  if (!result.ok) throw new Error(result.problems.join('; '));
  return { ...result.config, ...overrides };
}
