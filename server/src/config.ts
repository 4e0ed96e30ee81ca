import { AdminRoleSchema, type AdminRole } from '@customer-chair/shared/schemas/admin-role';
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
  // `pnpm demo`'s own SQLite file (never DATABASE_PATH's): generated usage goes only there.
  DEMO_DATABASE_PATH: optional(z.string().min(1)).default('./data/demo.db'),
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
  // Company sign-in (OpenID Connect): the first four together, or none of them.
  OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, message: 'must be the provider\'s issuer URL (https://…), as its discovery document names it' })),
  OIDC_CLIENT_ID: optional(z.string().min(1).max(512)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1).max(2048)),
  OIDC_REDIRECT_URL: optional(
    z.url({ protocol: /^https?$/, message: 'must be this server\'s callback URL, https://<dashboard host>/auth/oidc/callback' }).refine((url) => new URL(url).pathname === '/auth/oidc/callback', 'must end in /auth/oidc/callback (the path this server answers the provider on)'),
  ),
  OIDC_PROVIDER_NAME: optional(z.string().trim().min(1).max(80)).default('your company account'),
  OIDC_GROUPS_CLAIM: optional(z.string().trim().min(1).max(200)).default('groups'),
  OIDC_DEPARTMENT_CLAIM: optional(z.string().trim().min(1).max(200)),
  OIDC_ROLE_GROUPS: optional(z.string().transform((text, ctx) => parseRoleGroups(text, ctx))),
  TOKEN_SIGN_IN: optional(z.enum(['on', 'off'], { message: 'must be "on" or "off"' })).default('on'),
});

/** Which identity-provider groups give which role (OIDC_ROLE_GROUPS). */
export type RoleGroups = Record<AdminRole, string[]>;

/**
 * OIDC_ROLE_GROUPS: `role=group,group;role=group`, e.g.
 * `admin=cx-leads;judge=judges,exec-panel;viewer=execs`. Group names are
 * matched exactly as the provider sends them (trimmed here); a group may
 * give one role only, and a role appears once.
 */
function parseRoleGroups(text: string, ctx: z.RefinementCtx): RoleGroups {
  const groups: RoleGroups = { admin: [], judge: [], viewer: [] };
  const seenRoles = new Set<string>();
  const roleOf = new Map<string, AdminRole>();
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message: `${message} (write it as "admin=cx-leads;judge=judges,exec-panel;viewer=execs")` });
    return z.NEVER;
  };
  for (const entry of text.split(';').map((part) => part.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    if (at < 0) return fail(`"${entry}" has no "=": each entry is role=group,group`);
    const roleName = entry.slice(0, at).trim();
    const role = AdminRoleSchema.safeParse(roleName);
    if (!role.success) return fail(`"${roleName}" is not a role: use admin, judge or viewer`);
    if (seenRoles.has(role.data)) return fail(`${role.data} appears twice: list all its groups in one entry, separated by commas`);
    seenRoles.add(role.data);
    const names = entry.slice(at + 1).split(',').map((name) => name.trim()).filter(Boolean);
    if (names.length === 0) return fail(`${role.data} has no group after "="`);
    for (const name of names) {
      const other = roleOf.get(name);
      if (other) return fail(`group "${name}" is given two roles (${other} and ${role.data}): a group gives one role`);
      roleOf.set(name, role.data);
      groups[role.data].push(name);
    }
  }
  if (roleOf.size === 0) return fail('names no group');
  return groups;
}

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  /** The SQLite file `pnpm demo` (main.ts demo) serves instead, marked as a demo and filled with generated usage on its first start. */
  demoDatabasePath: string;
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
  /** Company sign-in through an OpenID Connect provider; absent when OIDC_ISSUER and the rest are unset. */
  oidc?: OidcConfig;
  /** Whether the dashboard's sign-in page takes admin tokens (TOKEN_SIGN_IN); tokens always work as bearer tokens for scripts. */
  tokenSignIn: boolean;
  /** The built dashboard's files. */
  dashboardDir: string;
};

export type OidcConfig = {
  /** The issuer URL; its settings come from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's `/auth/oidc/callback`, as registered with the provider. */
  redirectUrl: string;
  /** "Sign in with <providerName>". */
  providerName: string;
  /** The ID token claim listing the person's groups. */
  groupsClaim: string;
  /** The claim naming a person's department (a judge's, for conflicts of interest), if the provider sends one. */
  departmentClaim?: string;
  /** Groups that give each role; a person in none (and granted none) is refused. */
  roleGroups: RoleGroups;
};

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const;

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
  const oidcSet = OIDC_REQUIRED.filter((name) => e[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < OIDC_REQUIRED.length) {
    const missing = OIDC_REQUIRED.filter((name) => e[name] === undefined);
    return { ok: false, problems: [`${missing.join(', ')}: not set, but ${oidcSet.join(', ')} ${oidcSet.length === 1 ? 'is' : 'are'}: company sign-in needs all of ${OIDC_REQUIRED.join(', ')}`] };
  }
  if (e.TOKEN_SIGN_IN === 'off' && oidcSet.length === 0) {
    return { ok: false, problems: ['TOKEN_SIGN_IN="off": nobody could sign in to the dashboard; set up company sign-in (OIDC_ISSUER and the rest) first'] };
  }
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      databasePath: e.DATABASE_PATH,
      demoDatabasePath: e.DEMO_DATABASE_PATH,
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
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && e.OIDC_REDIRECT_URL
          ? {
              issuer: e.OIDC_ISSUER,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET,
              redirectUrl: e.OIDC_REDIRECT_URL,
              providerName: e.OIDC_PROVIDER_NAME,
              groupsClaim: e.OIDC_GROUPS_CLAIM,
              departmentClaim: e.OIDC_DEPARTMENT_CLAIM,
              roleGroups: e.OIDC_ROLE_GROUPS ?? { admin: [], judge: [], viewer: [] },
            }
          : undefined,
      tokenSignIn: e.TOKEN_SIGN_IN === 'on',
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
