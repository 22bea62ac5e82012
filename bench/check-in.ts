// Offline check-in sync benchmark (part of `npm run bench`; alone: `npm run bench -- --only=check-in`): a phone comes
// back with 500 scans queued offline (one in twenty a second scan of the same person, ten of cancelled places) and
// sends them in 5 batches of 100 to POST /api/events/:id/check-in/sync, through a real listening server in this
// process; then sends them all again (a retry after a lost answer: every key replayed). On PGlite, and on PostgreSQL
// when one answers. Prints a markdown table; writes it into docs/performance.md between the check-in bench markers.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/db.ts';
import { signRegistrationCode } from '#server/features/events/registration-code.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { measuredOn, onBothEngines, withBenchServer } from './bench-server.ts';
import { signInWithTotp } from './sign-in.ts';
import { publishTable } from './doc.ts';

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
  return withBenchServer(engine, databaseUrl, (db) => seed(db), async ({ db, config, base }, { eventId, organisationId, registrationIds }) => {
    const cookie = await signInWithTotp(base, await createAccount(db, { organisationId, roles: ['trainer'], withTotp: true }));
    const items = queuedScans(config, registrationIds);
    const first = await syncAll(base, eventId, cookie, items);
    const replay = await syncAll(base, eventId, cookie, items);
    const checkedIn = await db.selectFrom('registration').select((eb) => eb.fn.countAll<number>().as('n')).where('eventId', '=', eventId).where('checkedInAt', 'is not', null).executeTakeFirstOrThrow();
    const expected = SCANS - SCANS / 20 - CANCELLED;
    if (Number(checkedIn.n) !== expected || first.results.ok !== expected) throw new Error(`${engine}: ${checkedIn.n} checked in, ${first.results.ok} ok; expected ${expected}`);
    const mix = Object.entries(first.results).map(([k, v]) => `${v} ${k}`).join(', ');
    console.log(`${engine}: first sync ${first.ms.toFixed(0)} ms (${mix}); replay ${replay.ms.toFixed(0)} ms`);
    return [
      `| ${engine} | first sync (${mix}) | ${(first.ms / 1000).toFixed(2)} | ${(first.ms / items.length).toFixed(2)} |`,
      `| ${engine} | the same ${items.length} again (every key replayed) | ${(replay.ms / 1000).toFixed(2)} | ${(replay.ms / items.length).toFixed(2)} |`,
    ];
  });
}

/** Runs the offline check-in sync benchmark on both engines; returns the markdown table. */
export async function benchCheckIn(): Promise<string> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = await onBothEngines('pro_health_check_in_bench', benchEngine);
  const markdown = [
    measuredOn(`${SCANS} scans queued offline, sent in batches of ${BATCH}, one after another`, loadBefore),
    '',
    '| Engine | Sync | Total s | ms per scan |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
  return publishTable(START, END, markdown);
}

if (import.meta.main) {
  benchCheckIn().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
