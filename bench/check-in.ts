// Offline check-in sync benchmark (part of `npm run bench`; alone: `npm run bench -- --only=check-in`): a phone comes
// back with 500 scans queued offline (one in twenty a second scan of the same person, ten of cancelled places) and
// sends them in 5 batches of 100 to POST /api/events/:id/check-in/sync, through a real listening server in this
// process; then sends them all again (a retry after a lost answer: every key replayed). On PGlite, and on PostgreSQL
// when one answers. Prints a markdown table; writes it into docs/performance.md between the check-in bench markers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { createApp } from '#server/app.ts';
import { loadConfig, type Config } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase, type Db } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { signRegistrationCode } from '#server/features/events/registration-code.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { DOC, writeDocSection } from './doc.ts';

const SCANS = 500;
const BATCH = 100;
const CANCELLED = 10;
const START = '<!-- bench:check-in:start -->';
const END = '<!-- bench:check-in:end -->';

async function seed(db: Db): Promise<{ eventId: string; organisationId: string; registrationIds: string[] }> {
  const organisation = await createOrganisation(db);
  const now = new Date();
  const event = await db
    .insertInto('event')
    .values({ organisationId: organisation.id, type: 'conference', status: 'published', sourceLanguage: 'ro', startsAt: now, endsAt: new Date(now.getTime() + 8 * 3600e3), capacity: SCANS })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('eventOrganiser').values({ eventId: event.id, organisationId: organisation.id }).execute();
  await sql`
    insert into registration (event_id, full_name, email, language, status, manage_token_hash)
    select ${event.id}::uuid, 'Participant ' || g, 'p' || g || '@example.test', 'ro',
           case when g <= ${CANCELLED} then 'cancelled' else 'confirmed' end, md5(random()::text || g)
    from generate_series(1, ${SCANS}) as g`.execute(db);
  const rows = await db.selectFrom('registration').select('id').where('eventId', '=', event.id).orderBy('status').orderBy('email').execute();
  return { eventId: event.id, organisationId: organisation.id, registrationIds: rows.map((r) => r.id) };
}

async function trainerCookie(db: Db, base: string, organisationId: string): Promise<string> {
  const account = await createAccount(db, { organisationId, roles: ['trainer'], withTotp: true });
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
  const half = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ph_session='))!;
  const totp = await fetch(`${base}/api/auth/totp`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: half }, body: JSON.stringify({ code: await generate({ secret: account.totpSecret! }) }) });
  if (totp.status !== 200) throw new Error(`two-factor step failed: ${totp.status}`);
  return totp.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ph_session='))!;
}

/** The phone's queue: one scan per registration, every twentieth person scanned twice, in the order of arrival. */
function queuedScans(config: Config, registrationIds: string[]) {
  const ids = registrationIds.slice(0, SCANS - SCANS / 20);
  const twice = ids.filter((_, i) => i % 19 === 0).slice(0, SCANS / 20);
  const start = Date.now() - 3600e3;
  return [...ids, ...twice].map((id, i) => ({ idempotencyKey: randomUUID(), deviceId: 'bench-phone', scannedAt: new Date(start + i * 5000).toISOString(), offline: true, code: signRegistrationCode(config.blindIndexKeys, id) }));
}

async function syncAll(base: string, eventId: string, cookie: string, items: ReturnType<typeof queuedScans>): Promise<{ ms: number; results: Record<string, number> }> {
  const results: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < items.length; i += BATCH) {
    const res = await fetch(`${base}/api/events/${eventId}/check-in/sync`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ items: items.slice(i, i + BATCH) }) });
    if (res.status !== 200) throw new Error(`sync answered ${res.status}: ${await res.text()}`);
    for (const a of ((await res.json()) as { answers: { result: string }[] }).answers) results[a.result] = (results[a.result] ?? 0) + 1;
  }
  return { ms: performance.now() - started, results };
}

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<string[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pro-health-check-in-bench-'));
  const handle = await openDatabase({ databaseUrl, dataDir: path.join(folder, 'data') });
  try {
    await migrateToLatest(handle.db);
    const { eventId, organisationId, registrationIds } = await seed(handle.db);
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder });
    const deps: Deps = { config, db: handle.db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const cookie = await trainerCookie(handle.db, base, organisationId);
      const items = queuedScans(config, registrationIds);
      const first = await syncAll(base, eventId, cookie, items);
      const replay = await syncAll(base, eventId, cookie, items);
      const checkedIn = await handle.db.selectFrom('registration').select((eb) => eb.fn.countAll<number>().as('n')).where('eventId', '=', eventId).where('checkedInAt', 'is not', null).executeTakeFirstOrThrow();
      const expected = SCANS - SCANS / 20 - CANCELLED;
      if (Number(checkedIn.n) !== expected || first.results.ok !== expected) throw new Error(`${engine}: ${checkedIn.n} checked in, ${first.results.ok} ok; expected ${expected}`);
      const mix = Object.entries(first.results).map(([k, v]) => `${v} ${k}`).join(', ');
      console.log(`${engine}: first sync ${first.ms.toFixed(0)} ms (${mix}); replay ${replay.ms.toFixed(0)} ms`);
      return [
        `| ${engine} | first sync (${mix}) | ${(first.ms / 1000).toFixed(2)} | ${(first.ms / items.length).toFixed(2)} |`,
        `| ${engine} | the same ${items.length} again (every key replayed) | ${(replay.ms / 1000).toFixed(2)} | ${(replay.ms / items.length).toFixed(2)} |`,
      ];
    } finally {
      await app.close();
    }
  } finally {
    await handle.db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the offline check-in sync benchmark on both engines; returns the markdown table. */
export async function benchCheckIn(): Promise<string> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = await benchEngine('PGlite', undefined);
  const pg = await postgresUrl();
  if (pg) rows.push(...(await withFreshPostgres(pg, 'pro_health_check_in_bench', (url) => benchEngine('PostgreSQL', url))));
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; ${SCANS} scans queued offline, sent in batches of ${BATCH}, one after another; load average ${loadBefore.toFixed(1)} before the run.`,
    '',
    '| Engine | Sync | Total s | ms per scan |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(`\n${markdown}\n`);
  if (readFileSync(DOC, 'utf8').includes(START)) writeDocSection(START, END, markdown);
  return markdown;
}

if (import.meta.main) {
  benchCheckIn().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
