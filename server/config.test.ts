import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#server/config.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 's'.repeat(40),
  DATA_ENCRYPTION_KEYS: `k1:${KEY}`,
  PUBLIC_URL: 'https://health.example.org',
};

describe('configuration', () => {
  it('gives a development setup that needs nothing', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, dataDir: './data', demoData: true, secureCookies: false });
  });

  it('refuses to start in production without secrets, naming each missing one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET, DATA_ENCRYPTION_KEYS, PUBLIC_URL/);
  });

  it('never seeds demo data in production, even when asked', () => {
    const config = loadConfig({ ...production, DEMO_DATA: 'true' });
    expect(config.demoData).toBe(false);
    expect(config.secureCookies).toBe(true);
  });

  it('rejects malformed values with the variable name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEYS: 'k1:short' })).toThrow(/DATA_ENCRYPTION_KEYS/);
  });

  it('reads a keyring of several keys for rotation', () => {
    const config = loadConfig({ DATA_ENCRYPTION_KEYS: `new:${KEY},old:${Buffer.alloc(32, 1).toString('base64')}` });
    expect(config.encryptionKeys.map((k) => k.id)).toEqual(['new', 'old']);
  });
});
