// The Host check (DNS rebinding) and which client address the app believes behind a proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

describe('the Host header', () => {
  let dev: TestApp;
  let prod: TestApp;
  beforeAll(async () => {
    dev = await createTestApp();
    prod = await createTestApp({ env: 'production', publicUrl: 'https://health.example.org', allowedHosts: ['health.example.org', 'ph.internal'] });
  });
  afterAll(async () => {
    await dev.close();
    await prod.close();
  });

  it('refuses a host name that is not ours, as a rebound DNS name would send', async () => {
    const res = await dev.app.inject({ method: 'GET', url: '/api/me', headers: { host: 'rebind.attacker.example:3000' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'invalid', message: 'This server does not answer to this host name.' });
    const signIn = await dev.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { host: 'rebind.attacker.example' }, payload: { email: 'a@example.test', password: 'x' } });
    expect(signIn.statusCode).toBe(400);
  });

  it('answers to loopback names on any port outside production', async () => {
    for (const host of ['localhost:80', '127.0.0.1:3300', '[::1]:3000', 'LOCALHOST']) {
      expect((await dev.app.inject({ method: 'GET', url: '/healthz', headers: { host } })).statusCode).toBe(200);
      expect((await dev.app.inject({ method: 'GET', url: '/api/me', headers: { host } })).statusCode).toBe(401);
    }
  });

  it('in production answers only to PUBLIC_URL and ALLOWED_HOSTS, whatever the port', async () => {
    const me = (host: string) => prod.app.inject({ method: 'GET', url: '/api/me', headers: { host } });
    expect((await me('health.example.org')).statusCode).toBe(401);
    expect((await me('Health.Example.org:443')).statusCode).toBe(401);
    expect((await me('ph.internal:3000')).statusCode).toBe(401);
    expect((await me('localhost:3000')).statusCode).toBe(400);
    expect((await me('health.example.org.attacker.example')).statusCode).toBe(400);
  });

  it('lets load-balancer probes through whatever host they name', async () => {
    expect((await prod.app.inject({ method: 'GET', url: '/healthz', headers: { host: '10.0.3.7:3000' } })).statusCode).toBe(200);
    expect((await prod.app.inject({ method: 'GET', url: '/readyz', headers: { host: '10.0.3.7:3000' } })).statusCode).toBe(200);
    expect((await prod.app.inject({ method: 'GET', url: '/healthz/', headers: { host: '10.0.3.7' } })).statusCode).toBe(200);
  });
});

describe('the client address behind a proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
  });
  afterAll(async () => t.close());

  async function auditedIp(email: string, headers: Record<string, string>, remoteAddress: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers, remoteAddress, payload: { email, password: 'wrong password' } });
    expect(res.statusCode).toBe(401);
    const rows = await t.deps.db.selectFrom('auditEvent').select('ip').where('action', '=', 'sign_in.failed').orderBy('seq', 'desc').limit(1).execute();
    return rows[0]?.ip;
  }

  it('with one trusted hop, takes the address the proxy appended, not a forged leftmost one', async () => {
    // NOTE: the proxy appends the peer it saw; everything left of that was written by the client.
    const ip = await auditedIp('nobody-1@example.test', { 'x-forwarded-for': '198.51.100.66, 203.0.113.7' }, '127.0.0.1');
    expect(ip).toBe('203.0.113.7');
    const rotated = await auditedIp('nobody-1@example.test', { 'x-forwarded-for': '198.51.100.67, 203.0.113.7' }, '127.0.0.1');
    expect(rotated).toBe('203.0.113.7');
  });

  it('checks the Host header itself, not an X-Forwarded-Host a rebinding page can add', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { host: 'rebind.attacker.example', 'x-forwarded-host': 'localhost' },
      remoteAddress: '127.0.0.1',
    });
    expect(res.statusCode).toBe(400);
  });

  it('keeps the per-address limit however the client rotates the forged part', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.8` },
        remoteAddress: '127.0.0.1',
        payload: { email: 'rotating@example.test', password: 'wrong password' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([...Array(10).fill(401), 429]);
  });
});
