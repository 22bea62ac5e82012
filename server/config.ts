// The only reader of process.env: every setting is parsed and validated here, once.
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_ENCRYPTION_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, 'must be "keyId:base64key[,…]" with 32-byte keys')
    .optional(),
  /** The blind index's own key (HMAC-SHA-256, base64, 32 bytes): duplicate detection without plaintext. */
  BLIND_INDEX_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, 'must be "keyId:base64key[,…]" with 32-byte keys')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Pro Health <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().optional(),
  ALLOWED_HOSTS: z.string().optional(),
  DEMO_DATA: bool.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  JOBS: bool.default(true),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  encryptionKeys: { id: string; key: Buffer }[];
  /** The first key indexes new values; older keys are still searched until rotation re-indexes their rows. */
  blindIndexKeys: { id: string; key: Buffer }[];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** false, a number of proxy hops in front of the app, or the proxies' addresses and CIDR ranges (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Host names (no port, lower case) the app answers to: PUBLIC_URL's and ALLOWED_HOSTS. */
  allowedHosts: string[];
  demoData: boolean;
  bodyLimitBytes: number;
  jobs: boolean;
  secureCookies: boolean;
  /** Where logs go instead of standard output (never from the environment: tests capture logs with it). */
  logStream?: { write(line: string): void };
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {}

// NOTE: development-only fallbacks; production refuses to start without real secrets.
const DEV_SESSION_SECRET = 'development-only-session-secret-not-for-production';
const DEV_KEYS = 'dev1:ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=';
const DEV_BLIND_KEYS = 'bidev1:ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LTMyYnl0ZXM=';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production) requireProductionSecrets(e);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    encryptionKeys: parseKeyring(e.DATA_ENCRYPTION_KEYS ?? DEV_KEYS, 'DATA_ENCRYPTION_KEYS'),
    blindIndexKeys: separateBlindKeys(parseKeyring(e.DATA_ENCRYPTION_KEYS ?? DEV_KEYS, 'DATA_ENCRYPTION_KEYS'), parseKeyring(e.BLIND_INDEX_KEYS ?? DEV_BLIND_KEYS, 'BLIND_INDEX_KEYS')),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY, e.HOST),
    allowedHosts: parseAllowedHosts(publicUrl, e.ALLOWED_HOSTS),
    demoData: production ? false : (e.DEMO_DATA ?? true),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    jobs: e.JOBS,
    secureCookies: publicUrl.startsWith('https://'),
  };
}

function requireProductionSecrets(e: z.output<typeof EnvSchema>): void {
  const missing = [
    e.SESSION_SECRET ? null : 'SESSION_SECRET',
    e.DATA_ENCRYPTION_KEYS ? null : 'DATA_ENCRYPTION_KEYS',
    e.BLIND_INDEX_KEYS ? null : 'BLIND_INDEX_KEYS',
    e.PUBLIC_URL ? null : 'PUBLIC_URL',
  ].filter((v) => v !== null);
  if (missing.length > 0) {
    throw new ConfigError(`NODE_ENV=production needs ${missing.join(', ')} to be set`);
  }
}

/**
 * The blind index must have keys of its own: with an encryption key reused as an HMAC key, one leaked secret would
 * both open the vault and let anyone confirm a guessed name or phone number against the index.
 */
function separateBlindKeys(encryptionKeys: { key: Buffer }[], blindIndexKeys: { id: string; key: Buffer }[]): { id: string; key: Buffer }[] {
  const reused = blindIndexKeys.find((b) => encryptionKeys.some((k) => k.key.equals(b.key)));
  if (reused) throw new ConfigError(`BLIND_INDEX_KEYS: key "${reused.id}" is also a DATA_ENCRYPTION_KEYS key; give the blind index a key of its own`);
  return blindIndexKeys;
}

function parseKeyring(value: string, name: string): { id: string; key: Buffer }[] {
  return value.split(',').map((entry) => {
    const [id = '', b64 = ''] = entry.split(':');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`${name}: key "${id}" is not 32 bytes`);
    return { id, key };
  });
}

// NOTE: proxy-addr's names for the loopback, link-local and private ranges.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const LOOPBACK_LISTEN = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * TRUST_PROXY: unset/false/0 = no proxy; a number = that many proxies in front; otherwise the proxies' addresses.
 * NOTE: "true" made Fastify believe the leftmost X-Forwarded-For entry, which the client writes itself: anyone could
 * pick the address that rate limits and the audit trail see.
 */
function parseTrustProxy(value: string | undefined, host: string): TrustProxy {
  const v = value?.trim().toLowerCase();
  if (v === undefined || v === 'false' || v === '0') return false;
  if (v === 'true') {
    throw new ConfigError(
      'Invalid configuration:\n  TRUST_PROXY: "true" would believe any X-Forwarded-For a client sends. Set the number of proxies in front of ' +
        'the server (TRUST_PROXY=1 for one reverse proxy on this machine) or their addresses (TRUST_PROXY=10.0.0.5,10.1.0.0/16).',
    );
  }
  if (/^\d+$/.test(v)) {
    // NOTE: a hop count trusts whoever connects, so it is safe only when nothing but the proxy can connect.
    if (!LOOPBACK_LISTEN.has(host)) {
      throw new ConfigError(
        `Invalid configuration:\n  TRUST_PROXY: a number of proxies needs HOST to be a loopback address (HOST is ${host}); ` +
          'list the proxies\' addresses instead (TRUST_PROXY=10.0.0.5,10.1.0.0/16).',
      );
    }
    return Number(v);
  }
  const entries = v.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (entries.length === 0 || bad.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  TRUST_PROXY: must be false, a number of proxies, or addresses/CIDR ranges such as 10.0.0.5,10.1.0.0/16 (not: ${bad.join(', ')})`,
    );
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The option Fastify gets: a hop count becomes a function, since Fastify itself ignores numbers. */
export function trustProxyOption(trustProxy: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

function parseAllowedHosts(publicUrl: string, extra: string | undefined): string[] {
  const hosts = [new URL(publicUrl).hostname];
  for (const entry of (extra ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h.length > 0)) {
    // NOTE: names only: a port or scheme here is a mistake, and the check compares host names (host.hook.ts).
    if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(entry)) {
      throw new ConfigError(`Invalid configuration:\n  ALLOWED_HOSTS: "${entry}" is not a host name (give names or addresses, without scheme or port)`);
    }
    if (!hosts.includes(entry)) hosts.push(entry);
  }
  return hosts;
}

function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => !!kv[1]));
}
