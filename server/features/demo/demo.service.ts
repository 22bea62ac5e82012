// Demo data: on a fresh, non-production database the platform fills itself with fictional organisations and
// one account per role, so that a first-time user can try every part of it. Never in production.
import { sql } from 'kysely';
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { hashPassword } from '#server/features/auth/password.ts';
import { listOrganisationForRequests } from '#server/features/access-requests/access-request-admin.service.ts';
import { insertAccountAudited } from '#server/features/organisations/operator.service.ts';
import { insertOrganisationAudited } from '#server/features/organisations/organisation.service.ts';
import { seedDemoLibrary } from '#server/features/library/content.service.ts';
import { seedDemoDirectory } from '#server/features/directory/directory-demo.ts';
import { OrganisationCreateSchema } from '#shared/organisations/organisation.schema.ts';
import { DEMO_ACCOUNTS, DEMO_LEARNERS, DEMO_ORGANISATIONS, DEMO_PASSWORD, type DemoAccount, type DemoOrganisationKey } from './demo-data.ts';
import { countOrganisations, findDemoAccountEmails } from './demo.queries.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoCertificates } from './demo-certificates.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoEvaluations } from './demo-evaluations.ts';
import { seedDemoRegistrations } from './demo-registrations.ts';
import { seedDemoLearning } from './demo-learning.ts';
import { seedDemoCourseHistory } from './demo-course-history.ts';

export type SeedOutcome = 'seeded' | 'not_empty';

/** Seeds the demo organisations and accounts into an empty database, in one transaction with audit entries. */
export async function seedDemo(ctx: Ctx, via: 'startup' | 'cli' = 'startup'): Promise<SeedOutcome> {
  if (ctx.config.env === 'production') throw new AppError('forbidden', 'Demo data is never seeded in production.');
  // NOTE: checked again under the lock below; this first look keeps argon2 off every later start-up.
  if ((await countOrganisations(ctx.db)) > 0) return 'not_empty';
  // NOTE: one hash for every demo account (same password); argon2 is slow on purpose, eleven hashes would add up.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ctx.db.transaction().execute(async (trx) => {
    // NOTE: a transaction-scoped lock, so two instances starting together do not both seed.
    await sql`select pg_advisory_xact_lock(hashtext('pro-health:demo-seed'))`.execute(trx);
    if ((await countOrganisations(trx)) > 0) return 'not_empty';
    const details = { via, demo: true };
    const ids = {} as Record<DemoOrganisationKey, string>;
    for (const [key, organisation] of Object.entries(DEMO_ORGANISATIONS) as [DemoOrganisationKey, unknown][]) {
      const input = OrganisationCreateSchema.parse(organisation);
      ids[key] = (await insertOrganisationAudited(ctx, trx, input, { isDemo: true, details })).id;
      // NOTE: demo organisations are offered on the request-access form, so that journey can be tried end to end.
      await listOrganisationForRequests(trx, ids[key], ctx.now);
    }
    const accountIds = new Map<string, string>();
    for (const demo of [...DEMO_ACCOUNTS, ...DEMO_LEARNERS]) {
      const account = { email: demo.email, displayName: demo.displayName, passwordHash, language: demo.language, isPlatformAdmin: demo.shows === 'platform_admin', isDemo: true };
      const made = await insertAccountAudited(ctx, trx, { account, organisationId: demo.organisation ? ids[demo.organisation] : null, roles: demo.roles }, details);
      accountIds.set(demo.email.split('@')[0]!, made.accountId);
    }
    await seedDemoDirectory(ctx, trx, ids);
    // NOTE: the association's cases belong to the demo case manager; the foundation's to its social worker (its
    // caseworker in the demo); the psychologist (Aurora institute) joins the current cases under a share consent.
    const owners = { association: accountIds.get('case-manager')!, ancora: accountIds.get('social-worker')! };
    await seedDemoCases(ctx, trx, ids, { owners, psychologist: accountIds.get('psychologist')! });
    // NOTE: events, then their registrations, then evaluations and certificates (each finds the one before it).
    await seedDemoEvents(ctx, trx, ids, accountIds);
    await seedDemoRegistrations(ctx, trx, ids, accountIds);
    await seedDemoEvaluations(ctx, trx);
    await seedDemoCertificates(ctx, trx, ids, accountIds);
    return 'seeded';
  });
}

/** The demo sign-ins present in the database, as a table for the console; null when there are none. */
export async function demoSignInTable(ctx: Ctx): Promise<string | null> {
  const present = new Set((await findDemoAccountEmails(ctx.db)).map((e) => e.toLowerCase()));
  const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.email.toLowerCase()));
  return accounts.length === 0 ? null : formatTable(accounts);
}

/** At start-up: seed an empty database when demo data is on, then list the demo sign-ins. */
export async function prepareDemo(ctx: Ctx): Promise<string | null> {
  if (!ctx.config.demoData || ctx.config.env === 'production') return null;
  await seedDemo(ctx);
  await seedDemoLibrary(ctx);
  await seedDemoLearning(ctx);
  // NOTE: after the courses, which it takes; outside the seed's transaction, as the learners' own steps are.
  await seedDemoCourseHistory(ctx);
  return demoSignInTable(ctx);
}

function formatTable(accounts: DemoAccount[]): string {
  const rows = [['Role', 'Email', 'Password'], ...accounts.map((a) => [a.shows.replaceAll('_', ' '), a.email, DEMO_PASSWORD])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [
    'Demo sign-ins (fictional demo data; two-factor roles set up an authenticator app at first sign-in):',
    line(rows[0]!),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
  ].join('\n');
}
