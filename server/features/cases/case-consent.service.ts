// The consent ledger of a case: versioned records of what the person agreed to or refused, per scope (and receiving
// organisation, for a share), with the seven HTCDS guidance items each kept apart, the language it was explained in
// and the interpreter. A new record for a scope supersedes the one before (supersedes_id); the history stays. The
// rows live in the referral feature's `consent` table (one ledger), with subject_code set to the case code so that
// the referral flow reads them as before.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { findServiceFacts } from '#server/features/referrals/referral-sharing.ts';
import { consentState } from '#server/features/referrals/consent.policy.ts';
import type { CaseConsentCreate, CaseConsentLedger, CaseConsentView, ConsentScope } from '#shared/cases/case-consent.schema.ts';
import { CONSENT_GUIDANCE_ITEMS } from '#shared/cases/case-vocabulary.ts';
import type { TaskStatus } from '#shared/referrals/task-status.ts';
import { auditRead, requireCase } from './case-access.ts';
import { mayOnCase, type CaseGrant } from './case.policy.ts';
import { consentCovers } from './case-share.ts';
import { findCaseConsent, listCaseConsents, lockCaseForLedger, outgoingReferrals, type CaseConsentRow } from './case-consent.queries.ts';
import { open, seal } from './vault.ts';

const DAY_MS = 86_400_000;
const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/**
 * The seven items as the contract names them. NOTE: the database layer camel-cases keys of JSON it reads
 * (data_use → dataUse), so each item is looked up under both spellings; one never asked reads as "not asked".
 */
function guidanceOf(stored: Record<string, unknown>): CaseConsentView['guidance'] {
  const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return Object.fromEntries(CONSENT_GUIDANCE_ITEMS.map((item) => [item, (stored[item] ?? stored[camel(item)] ?? { informed: 'not_asked' }) as { informed: 'yes' | 'no' | 'not_asked' }]));
}

type KeyFacts = Pick<CaseConsentRow, 'scopes' | 'receiverOrganisationId' | 'receiverDirectoryOrganizationId'>;
/** What a record speaks for: each scope, a share together with the organisation it names. */
const keysOf = (c: KeyFacts) => c.scopes.map((s) => (s === 'share' ? `share:${c.receiverOrganisationId ?? ''}:${c.receiverDirectoryOrganizationId ?? ''}` : s));

/** Records (newest first) whose every scope a newer record speaks for: history, no longer in force. */
function supersededIds(rows: CaseConsentRow[]): Set<string> {
  const seen = new Set<string>();
  const superseded = new Set<string>();
  for (const row of rows) {
    const keys = keysOf(row);
    if (keys.every((k) => seen.has(k))) superseded.add(row.id);
    for (const k of keys) seen.add(k);
  }
  return superseded;
}

export function presentCaseConsent(ctx: Ctx, c: CaseConsentRow, superseded: boolean): CaseConsentView {
  return {
    id: c.id,
    scopes: c.scopes as ConsentScope[],
    receiverOrganisationId: c.receiverOrganisationId,
    receiverDirectoryOrganizationId: c.receiverDirectoryOrganizationId,
    receiverName: c.receiverName,
    decision: c.decision === 'given' ? 'given' : 'refused',
    state: consentState(c, ctx.now),
    coversIdentity: c.coversIdentity,
    guidance: guidanceOf(c.guidance),
    language: c.language,
    withInterpreter: c.withInterpreter,
    interpreterLanguage: c.interpreterLanguage,
    recordedByName: c.recordedByName,
    recordedAt: c.recordedAt,
    expiresAt: c.expiresAt,
    withdrawnAt: c.withdrawnAt,
    withdrawnByName: c.withdrawnByName,
    supersedesId: c.supersedesId,
    superseded,
    note: open(ctx.config.encryptionKeys, c.note),
  };
}

/** The ledger as its reader sees it, read (and audited as a read of the general category) in one transaction. */
async function readLedger(ctx: Ctx, trx: Transaction<Database>, grant: CaseGrant, serviceId?: string): Promise<CaseConsentLedger> {
  const rows = await listCaseConsents(trx, grant.caseId);
  const superseded = supersededIds(rows);
  const cover = async (scope: ConsentScope) => {
    // NOTE: showing the ledger locks nothing (a recorder holds the case row here; a withdrawal must not wait on it).
    const answer = await consentCovers(trx, { caseId: grant.caseId, scope, now: ctx.now, lock: false });
    return 'refusal' in answer ? answer.refusal : null;
  };
  const referrals = await outgoingReferrals(trx, grant.caseId);
  const usableFor = serviceId ? await usableForService(ctx, trx, grant.caseId, serviceId) : [];
  await auditRead(ctx, trx, grant, 'general', { part: 'consents' });
  return {
    records: rows.map((r) => presentCaseConsent(ctx, r, superseded.has(r.id))),
    covers: { services: await cover('services'), statistics: await cover('statistics'), research: await cover('research') },
    referrals: referrals.map((r) => ({ ...r, status: r.status as TaskStatus, receiverName: r.receiverName ?? '' })),
    usableFor,
    canRecord: mayOnCase(grant, { kind: 'write', category: 'general' }),
    canWithdraw: mayOnCase(grant, { kind: 'withdraw_consent' }),
  };
}

/** The share record in force for the organisation behind a service, as a list of none or one. */
async function usableForService(ctx: Ctx, trx: Transaction<Database>, caseId: string, serviceId: string): Promise<string[]> {
  const service = await findServiceFacts(trx, serviceId);
  if (!service) return [];
  const answer = await consentCovers(trx, { caseId, scope: 'share', organisationId: service.organisationId, directoryOrganizationId: service.directoryOrganizationId, now: ctx.now, lock: false });
  return 'consentId' in answer ? [answer.consentId] : [];
}

export async function getLedger(ctx: Ctx, caseId: string, query: { serviceId?: string | undefined } = {}): Promise<CaseConsentLedger> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  return ctx.db.transaction().execute((trx) => readLedger(ctx, trx, grant, query.serviceId));
}

interface Receiver {
  receiverOrganisationId: string | null;
  receiverDirectoryOrganizationId: string | null;
}

/**
 * The organisation a share names. NOTE: a directory organisation that is on the platform is stored as the platform
 * organisation, so one consent answers both a referral to its services and its staff joining the team.
 */
async function receiverOf(ctx: Ctx, input: CaseConsentCreate, caseOrganisationId: string): Promise<Receiver> {
  const none = { receiverOrganisationId: null, receiverDirectoryOrganizationId: null };
  if (!input.scopes.includes('share')) return none;
  let found: { organisationId: string | null; directoryOrganizationId: string | null } | undefined;
  if (input.receiverServiceId) {
    const service = await findServiceFacts(ctx.db, input.receiverServiceId);
    found = service?.reviewStatus === 'approved' ? { organisationId: service.organisationId, directoryOrganizationId: service.directoryOrganizationId } : undefined;
  } else if (input.receiverDirectoryOrganizationId) {
    const row = await ctx.db.selectFrom('directoryOrganization').select(['id', 'organisationId']).where('id', '=', input.receiverDirectoryOrganizationId).executeTakeFirst();
    found = row && { organisationId: row.organisationId, directoryOrganizationId: row.id };
  } else {
    const row = await ctx.db.selectFrom('organisation').select('id').where('id', '=', input.receiverOrganisationId!).executeTakeFirst();
    found = row && { organisationId: row.id, directoryOrganizationId: null };
  }
  const field = input.receiverServiceId ? 'receiverServiceId' : input.receiverDirectoryOrganizationId ? 'receiverDirectoryOrganizationId' : 'receiverOrganisationId';
  if (!found) throw unprocessable(field, 'Choose the organisation the person agrees to share with.');
  if (found.organisationId === caseOrganisationId) throw unprocessable(field, 'A share names another organisation: your own already holds the case.');
  return found.organisationId ? { receiverOrganisationId: found.organisationId, receiverDirectoryOrganizationId: null } : { receiverOrganisationId: null, receiverDirectoryOrganizationId: found.directoryOrganizationId };
}

/** The last day the consent holds, as the instant it ends (the end of that day, UTC); one year when not given. */
function expiryOf(ctx: Ctx, expiresOn: string | undefined): Date {
  if (!expiresOn) return new Date(ctx.now.getTime() + 365 * DAY_MS);
  const expiresAt = new Date(Date.parse(`${expiresOn}T00:00:00Z`) + DAY_MS);
  if (expiresAt.getTime() <= ctx.now.getTime()) throw unprocessable('expiresOn', 'The consent must hold beyond today.');
  return expiresAt;
}

/**
 * NOTE: a refusal recorded over a share in force would leave its referrals and team members running on the older
 * record; stopping a share is a withdrawal, which stops all of it at once.
 */
function refuseOverActiveShare(ctx: Ctx, rows: CaseConsentRow[], input: CaseConsentCreate, receiver: Receiver): void {
  if (input.decision !== 'refused' || !input.scopes.includes('share')) return;
  const [shareKey] = keysOf({ scopes: ['share'], ...receiver });
  const current = rows.find((r) => keysOf(r).includes(shareKey!));
  if (current && consentState(current, ctx.now) === 'active') {
    throw unprocessable('decision', 'A consent to share with this organisation is in force: withdraw it, which stops the sharing, instead of recording a refusal.');
  }
}

/** Records a consent given or refused; it supersedes the record in force for the same scopes (and receiver). */
export async function recordCaseConsent(ctx: Ctx, caseId: string, input: CaseConsentCreate): Promise<CaseConsentLedger> {
  const grant = await requireCase(ctx, caseId, { kind: 'write', category: 'general' });
  // NOTE: the ledger is the case organisation's: a member from a sharing organisation works under its consents, and
  // may record a withdrawal the person tells them of, but records no consent (it could widen its own share).
  if (actorOf(ctx).organisationId !== grant.organisationId) {
    throw new AppError('forbidden', "Consents are recorded by the case's own organisation.");
  }
  const receiver = await receiverOf(ctx, input, grant.organisationId);
  const expiresAt = expiryOf(ctx, input.expiresOn);
  return ctx.db.transaction().execute(async (trx) => {
    // NOTE: one recorder at a time per case, so "the newest record" and what it supersedes cannot change under us.
    await lockCaseForLedger(trx, caseId);
    const rows = await listCaseConsents(trx, caseId);
    if ((rows[0]?.id ?? null) !== input.lastSeenId) {
      const current = rows[0] ? presentCaseConsent(ctx, rows[0], false) : null;
      throw new AppError('conflict', 'Someone recorded a consent for this case in the meantime. Look at the ledger again.', { current });
    }
    refuseOverActiveShare(ctx, rows, input, receiver);
    const keys = new Set(keysOf({ scopes: input.scopes, ...receiver }));
    const previous = rows.find((r) => keysOf(r).some((k) => keys.has(k)));
    const created = await trx
      .insertInto('consent')
      .values({
        organisationId: grant.organisationId,
        caseId,
        subjectCode: grant.code,
        ...receiver,
        scopes: JSON.stringify(input.scopes),
        // NOTE: the referral flow reads purposes; a case consent to share allows the care and its coordination.
        purposes: JSON.stringify(input.scopes.includes('share') ? ['assistance', 'coordination'] : []),
        decision: input.decision,
        coversIdentity: input.decision === 'given' && input.scopes.includes('share') && input.coversIdentity,
        guidance: JSON.stringify(input.guidance),
        language: input.language,
        withInterpreter: input.withInterpreter,
        interpreterLanguage: input.withInterpreter ? (input.interpreterLanguage ?? null) : null,
        recordedBy: actorOf(ctx).accountId,
        recordedAt: ctx.now,
        expiresAt,
        supersedesId: previous?.id ?? null,
        note: seal(ctx.config.encryptionKeys, input.note?.trim()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(ctx, trx, {
      action: 'case.consent_recorded',
      entityType: 'case',
      entityId: caseId,
      organisationId: grant.organisationId,
      details: { consentId: created.id, scopes: input.scopes, decision: input.decision, supersedesId: previous?.id ?? null },
    });
    return readLedger(ctx, trx, grant);
  });
}

/** One record of the case, or 404 (also for a consent of another case). */
export async function requireCaseConsent(ctx: Ctx, trx: Transaction<Database>, caseId: string, consentId: string): Promise<CaseConsentView> {
  const row = await findCaseConsent(trx, caseId, consentId);
  if (!row) throw new AppError('not_found', 'No such consent.');
  const rows = await listCaseConsents(trx, caseId);
  return presentCaseConsent(ctx, row, supersededIds(rows).has(row.id));
}
