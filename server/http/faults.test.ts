// Bad input and faults: clear 4xx answers with field errors, JSON 404s, 413, and 500s that reveal nothing.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 4096 });
});
afterAll(async () => t.close());

const json = { 'content-type': 'application/json' };

describe('bad input', () => {
  it('answers malformed JSON with 400 and a plain message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: json, payload: '{"email": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'invalid', message: 'The request body is not valid JSON.' });
  });

  it('answers wrong types with 400 and an error per field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: json, payload: { email: 42, password: ['x'] } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid');
    expect(Object.keys(body.fields).sort()).toEqual(['email', 'password']);
  });

  it('answers a body over the limit with 413', async () => {
    const payload = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(5000) });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: json, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('never inflates a compressed body: gzip that would unpack past the limit is just bad JSON', async () => {
    const bomb = gzipSync(JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(100_000) }));
    expect(bomb.length).toBeLessThan(4096);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { ...json, 'content-encoding': 'gzip' }, payload: bomb });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid');
  });

  it('answers unknown API routes with a JSON 404 and other paths with the web app', async () => {
    const api = await t.app.inject({ method: 'POST', url: '/api/nothing/here', headers: json, payload: {} });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ code: 'not_found', message: 'Not found.' });
  });
});

describe('faults', () => {
  it('never shows a stack trace or SQL in a 500', async () => {
    const deps: Deps = { ...t.deps };
    const app = await createApp(deps);
    app.get('/api/test/boom', { config: { access: access.public() } }, async () => {
      throw new Error('select secret_column from account where email = $1');
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'internal', message: 'Something went wrong.' });
    expect(res.body).not.toMatch(/select|stack|at /i);
    await app.close();
  });

  it('answers a transaction PostgreSQL aborted for another (deadlock, serialization) with 409: send it again', async () => {
    const app = await createApp({ ...t.deps });
    for (const code of ['40P01', '40001']) {
      app.get(`/api/test/abort-${code}`, { config: { access: access.public() } }, async () => {
        throw Object.assign(new Error('deadlock detected'), { code });
      });
    }
    await app.ready();
    for (const code of ['40P01', '40001']) {
      const res = await app.inject({ method: 'GET', url: `/api/test/abort-${code}` });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'conflict', message: expect.stringMatching(/try again/) });
      expect(res.body).not.toMatch(/deadlock/);
    }
    await app.close();
  });

  it('reports not ready with 503 while the database is unreachable, and stays up', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    pool.on('error', () => undefined);
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false' });
    const app = await createApp({ ...t.deps, config, db });
    await app.ready();
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not_ready', database: 'unreachable' });
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'ph_session=abc' } });
    expect(me.statusCode).toBe(503);
    expect(me.json()).toEqual({ code: 'unavailable', message: 'The service is temporarily unavailable.' });
    expect(me.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    await app.close();
    await db.destroy();
  });
});
