import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#server/config.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 's'.repeat(40),
  DATA_ENCRYPTION_KEYS: `k1:${KEY}`,
  BLIND_INDEX_KEYS: `b1:${Buffer.alloc(32, 9).toString('base64')}`,
  PUBLIC_URL: 'https://health.example.org',
};

describe('configuration', () => {
  it('gives a development setup that needs nothing', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, dataDir: './data', demoData: true, secureCookies: false });
  });

  it('refuses to start in production without secrets, naming each missing one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET, DATA_ENCRYPTION_KEYS, BLIND_INDEX_KEYS, PUBLIC_URL/);
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

  it('refuses a blind-index key that is also an encryption key (the index needs a secret of its own)', () => {
    const shared = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ DATA_ENCRYPTION_KEYS: `k1:${shared}`, BLIND_INDEX_KEYS: `b1:${shared}` })).toThrow(/BLIND_INDEX_KEYS: key "b1" is also/);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 8).toString('base64')},k1:${shared}`, BLIND_INDEX_KEYS: `b1:${shared}` })).toThrow(ConfigError);
    expect(loadConfig({ DATA_ENCRYPTION_KEYS: `k1:${shared}`, BLIND_INDEX_KEYS: `b1:${Buffer.alloc(32, 9).toString('base64')}` }).blindIndexKeys[0]!.id).toBe('b1');
  });

  it('reads a keyring of several keys for rotation', () => {
    const config = loadConfig({ DATA_ENCRYPTION_KEYS: `new:${KEY},old:${Buffer.alloc(32, 1).toString('base64')}` });
    expect(config.encryptionKeys.map((k) => k.id)).toEqual(['new', 'old']);
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses, and refuses "true"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*number of proxies.*addresses/s);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.internal' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a hop count when the server listens beyond this machine', () => {
    expect(() => loadConfig({ TRUST_PROXY: '1', HOST: '0.0.0.0' })).toThrow(/TRUST_PROXY.*HOST/s);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5', HOST: '0.0.0.0' }).trustProxy).toEqual(['10.0.0.5']);
    expect(loadConfig({ TRUST_PROXY: '1', HOST: '::1' }).trustProxy).toBe(1);
  });

  it('answers to the public host name, plus ALLOWED_HOSTS', () => {
    expect(loadConfig(production).allowedHosts).toEqual(['health.example.org']);
    expect(loadConfig({ ...production, ALLOWED_HOSTS: 'Health.Example.NET, 10.1.2.3' }).allowedHosts).toEqual(['health.example.org', 'health.example.net', '10.1.2.3']);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'https://x.example' })).toThrow(/ALLOWED_HOSTS/);
  });
});
