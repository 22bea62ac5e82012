// The world the route fuzzer calls into: a small library, events, a course and a certificate, one organisation, and
// four callers (anonymous, a session still missing its second factor, a low role and a high role), restored after any
// request that changed them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Role } from '#shared/auth/roles.ts';
import { markSecondFactor } from '#server/features/auth/session.queries.ts';
import { startSession } from '#server/features/auth/session.service.ts';
import { importDemoLibrary } from '#server/features/library/library.fixtures.ts';
import { insertApiToken, insertReferral, referralWorld } from '#server/features/fhir/fhir.fixtures.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import type { TestApp } from '#tests/test-app.ts';
import { eventsAndLearning } from './fuzz-world-events.ts';

export type CallerName = 'anonymous' | 'password_only' | 'low_role' | 'high_role';
export const CALLERS: readonly CallerName[] = ['anonymous', 'password_only', 'low_role', 'high_role'];

interface CallerSpec {
  roles: Role[];
  isPlatformAdmin: boolean;
  withTotp: boolean;
  secondFactor: boolean;
}

const SPECS: Record<Exclude<CallerName, 'anonymous'>, CallerSpec> = {
  password_only: { roles: ['coordinator'], isPlatformAdmin: false, withTotp: true, secondFactor: false },
  low_role: { roles: ['participant'], isPlatformAdmin: false, withTotp: false, secondFactor: false },
  high_role: { roles: ['org_admin', 'editor', 'reviewer', 'coordinator'], isPlatformAdmin: true, withTotp: true, secondFactor: true },
};

export interface FuzzWorld {
  organisationId: string;
  /** Ids that exist (organisation, accounts, sections, revisions…), so that some requests reach real records. */
  ids: string[];
  cookieOf(caller: CallerName): string | undefined;
  /** The caller's API token for /fhir (Authorization header): read and write, read only, revoked, none. */
  authorizationOf(caller: CallerName): string | undefined;
  /** Puts the callers back as they were (sessions, roles, passwords, locks) after a request changed them. */
  restore(): Promise<void>;
}

/** Two chapters of each publication from content/: enough for every library route, quick to import. */
function smallLibrary(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-library-'));
  const outline = JSON.parse(readFileSync('content/outline.json', 'utf8')) as { publications: { slug: string; chapters: { id: string }[] }[] };
  for (const publication of outline.publications) {
    publication.chapters = publication.chapters.slice(0, 2);
    for (const language of readdirSync(path.join('content', publication.slug))) {
      for (const chapter of publication.chapters) {
        const file = readdirSync(path.join('content', publication.slug, language)).find((f) => f.endsWith(`-${chapter.id}.md`));
        if (file) cpSync(path.join('content', publication.slug, language, file), path.join(dir, publication.slug, language, file), { recursive: true });
      }
    }
  }
  writeFileSync(path.join(dir, 'outline.json'), `${JSON.stringify(outline, null, 2)}\n`);
  return dir;
}

export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const db = t.deps.db;
  const { organisationId } = await importDemoLibrary(t, smallLibrary());
  const organisation = await createOrganisation(db);
  const accounts = new Map<CallerName, { id: string; password: string }>();
  const cookies = new Map<CallerName, string>();
  for (const [name, spec] of Object.entries(SPECS) as [Exclude<CallerName, 'anonymous'>, CallerSpec][]) {
    const account = await createAccount(db, { organisationId, roles: spec.roles, isPlatformAdmin: spec.isPlatformAdmin, withTotp: spec.withTotp });
    accounts.set(name, account);
  }
  const openSession = async (name: Exclude<CallerName, 'anonymous'>) => {
    const account = accounts.get(name)!;
    const session = await startSession(db, t.deps.config, t.deps.now(), { accountId: account.id, organisationId, ip: null, userAgent: 'fuzzer' });
    if (SPECS[name].secondFactor) await markSecondFactor(db, session.id, t.deps.now());
    cookies.set(name, `ph_session=${session.token}`);
    return session.id;
  };
  const sessionIds = new Map<CallerName, string>();
  for (const name of Object.keys(SPECS) as Exclude<CallerName, 'anonymous'>[]) sessionIds.set(name, await openSession(name));
  const snapshot = await sql<{ id: string; password_hash: string; totp_secret: string | null; totp_enabled_at: Date | null }>`
    select id, password_hash, totp_secret, totp_enabled_at from account where id in (${sql.join([...accounts.values()].map((a) => a.id))})`.execute(db);
  const ids = await knownIds(t, [organisationId, organisation.id]);
  // NOTE: events, courses and certificates of the callers' organisation, so their routes reach real records too.
  ids.push(...(await eventsAndLearning(t, organisationId, { id: accounts.get('high_role')!.id, cookie: cookies.get('high_role')! })));
  // NOTE: referrals received by the callers' organisation, so the FHIR routes reach real records, and a token per caller.
  const referrals = await referralWorld(db, { receiverId: organisationId });
  for (const status of ['requested', 'accepted', 'draft'] as const) {
    const referral = await insertReferral(db, referrals, { status });
    ids.push(referral.id, referral.consentId);
  }
  const tokens = new Map<CallerName, string>([
    ['high_role', (await insertApiToken(db, organisationId)).authorization],
    ['low_role', (await insertApiToken(db, organisationId, { scopes: ['referrals:read'], expiresAt: new Date('2199-01-01T00:00:00Z') })).authorization],
    ['password_only', (await insertApiToken(db, organisationId, { revokedAt: new Date() })).authorization],
  ]);

  async function restore(): Promise<void> {
    for (const [name, spec] of Object.entries(SPECS) as [Exclude<CallerName, 'anonymous'>, CallerSpec][]) {
      const account = accounts.get(name)!;
      const saved = snapshot.rows.find((r) => r.id === account.id)!;
      await db
        .updateTable('account')
        .set({ passwordHash: saved.password_hash, totpSecret: saved.totp_secret, totpEnabledAt: saved.totp_enabled_at, failedSignIns: 0, lockedUntil: null, disabledAt: null, isPlatformAdmin: spec.isPlatformAdmin })
        .where('id', '=', account.id)
        .execute();
      await db
        .insertInto('membership')
        .values({ accountId: account.id, organisationId, roles: spec.roles })
        .onConflict((oc) => oc.columns(['accountId', 'organisationId']).doUpdateSet({ roles: spec.roles }))
        .execute();
      const alive = await db.selectFrom('authSession').select('id').where('id', '=', sessionIds.get(name)!).where('organisationId', '=', organisationId).executeTakeFirst();
      if (!alive) sessionIds.set(name, await openSession(name));
    }
    await db.deleteFrom('rateLimit').execute();
  }

  return { organisationId, ids, cookieOf: (caller) => cookies.get(caller), authorizationOf: (caller) => tokens.get(caller), restore };
}

async function knownIds(t: TestApp, organisationIds: string[]): Promise<string[]> {
  const db = t.deps.db;
  const pickIds = async (table: 'section' | 'sectionRevision' | 'account' | 'publication' | 'chapter') =>
    (await db.selectFrom(table).select('id').limit(5).execute()).map((r) => String(r.id));
  return [...organisationIds, ...(await pickIds('section')), ...(await pickIds('sectionRevision')), ...(await pickIds('account')), ...(await pickIds('publication'))];
}
