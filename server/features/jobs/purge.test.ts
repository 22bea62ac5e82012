import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { PURGE_JOB, purgeExpired, schedulePurge } from './purge.service.ts';
import { runDueJobs } from './jobs.worker.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const NOW = new Date('2032-06-15T03:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const handlers = { [PURGE_JOB]: purgeExpired };

describe('daily purge', () => {
  it('is queued once per day however often it is scheduled', async () => {
    await schedulePurge(t.deps.db, handlers, NOW);
    await schedulePurge(t.deps.db, handlers, new Date(NOW.getTime() + 60_000));
    await schedulePurge(t.deps.db, {}, new Date(NOW.getTime() + DAY)); // no handler here: nothing queued
    const jobs = await t.deps.db.selectFrom('job').select(['uniqueKey', 'status']).where('kind', '=', PURGE_JOB).execute();
    expect(jobs).toEqual([{ uniqueKey: 'purge:2032-06-15', status: 'pending' }]);
  });

  it('removes expired sessions, spent tokens, old rate-limit windows and finished jobs, and audits the counts', async () => {
    const org = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['coordinator'] });
    const session = (token: string, expiresAt: Date) => ({ tokenHash: token, accountId: account.id, expiresAt });
    await t.deps.db.insertInto('authSession').values([session('s-old', ago(2)), session('s-recent', ago(0.5)), session('s-live', ago(-1))]).execute();
    const reset = (token: string, expiresAt: Date, usedAt: Date | null) => ({ tokenHash: token, accountId: account.id, expiresAt, usedAt });
    await t.deps.db
      .insertInto('passwordReset')
      .values([reset('r-used-old', ago(40), ago(31)), reset('r-expired-old', ago(31), null), reset('r-used-recent', ago(10), ago(10)), reset('r-live', ago(-1), null)])
      .execute();
    const invitation = (token: string, expiresAt: Date, acceptedAt: Date | null) => ({ tokenHash: token, organisationId: org.id, email: 'x@example.test', roles: ['coordinator'], expiresAt, acceptedAt });
    await t.deps.db.insertInto('invitation').values([invitation('i-accepted-old', ago(20), ago(35)), invitation('i-expired-recent', ago(5), null), invitation('i-live', ago(-7), null)]).execute();
    await t.deps.db.insertInto('rateLimit').values([{ key: 'purge-old', hits: 3, windowStart: ago(2) }, { key: 'purge-live', hits: 1, windowStart: ago(0.01) }]).execute();
    await t.deps.db.insertInto('job').values({ kind: 'old_done', status: 'done', finishedAt: ago(31), runAt: ago(31) }).execute();

    t.setNow(NOW);
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 1, retried: 0, failed: 0 });

    const tokens = async (table: 'authSession' | 'passwordReset' | 'invitation') =>
      (await t.deps.db.selectFrom(table).select('tokenHash').orderBy('tokenHash').execute()).map((r) => r.tokenHash);
    expect(await tokens('authSession')).toEqual(['s-live', 's-recent']);
    expect(await tokens('passwordReset')).toEqual(['r-live', 'r-used-recent']);
    expect(await tokens('invitation')).toEqual(['i-expired-recent', 'i-live']);
    const limits = await t.deps.db.selectFrom('rateLimit').select('key').where('key', 'like', 'purge-%').execute();
    expect(limits).toEqual([{ key: 'purge-live' }]);
    expect(await t.deps.db.selectFrom('job').select('id').where('kind', '=', 'old_done').execute()).toEqual([]);

    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'organisationId', 'details', 'at']).where('action', '=', 'system.purged').execute();
    expect(audit).toEqual([
      { action: 'system.purged', actorAccountId: null, organisationId: null, at: NOW, details: { sessions: 1, passwordResets: 2, invitations: 1, rateLimits: 1, jobs: 1, accessRequests: 0 } },
    ]);
  });

  it.skipIf(!!process.env.DATABASE_URL)('on PGlite, which has no autovacuum, also vacuums the tables whose rows churn', async () => {
    const vacuums = async () => {
      const { rows } = await sql<{ vacuumCount: number }>`select vacuum_count from pg_stat_user_tables
        where relname in ('section_search', 'auth_session') order by relname`.execute(t.deps.db);
      return rows.map((row) => Number(row.vacuumCount));
    };
    const before = await vacuums();
    t.setNow(new Date(NOW.getTime() + 2 * DAY));
    await schedulePurge(t.deps.db, handlers, t.deps.now());
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(before).toHaveLength(2);
    expect(await vacuums()).toEqual(before.map((count) => count + 1));
  });
});
