// Whether the consent ledger covers something done with a case: receiving services, a share with another
// organisation (a team member from there, an export for it, a referral to it), anonymised statistics, research. The
// one question every such action asks. The record in force for a scope (and receiver) is the newest one naming it;
// it is read FOR SHARE in the caller's transaction, so a withdrawal (an UPDATE of that row) waits until the action
// has committed, and an action that starts after the withdrawal sees it and is refused.
import { sql, type Transaction } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import type { ConsentRefusal } from '#shared/cases/case-consent.schema.ts';
import type { CONSENT_SCOPES } from '#shared/cases/case-vocabulary.ts';

export interface ConsentQuestion {
  caseId: string;
  scope: (typeof CONSENT_SCOPES)[number];
  /** For a share: the platform organisation it goes to ... */
  organisationId?: string | null;
  /** ... or the directory organisation (a referral's receiver names one or both; either named matches). */
  directoryOrganizationId?: string | null;
  now: Date;
  /** false: only to show the ledger (no row lock); every action that relies on the answer keeps the default. */
  lock?: boolean;
}

export type ConsentAnswer = { consentId: string } | { refusal: ConsentRefusal };

/** Words for each refusal, for 422 answers (the interface words the codes per language). */
export const REFUSAL_WORDS: Record<ConsentRefusal, string> = {
  no_consent: 'No consent is recorded for this: record the person’s consent first.',
  refused: 'The person refused this consent: nothing can be done on it.',
  withdrawn: 'The person withdrew this consent: nothing more can be done on it.',
  expired: 'This consent has expired: record a new consent first.',
  scope_missing: 'The consent recorded does not cover this: record a consent with this scope.',
};

function receiverCondition(q: ConsentQuestion) {
  const named = [q.organisationId ? sql`receiver_organisation_id = ${q.organisationId}` : null, q.directoryOrganizationId ? sql`receiver_directory_organization_id = ${q.directoryOrganizationId}` : null].filter(
    (s) => s !== null,
  );
  return named.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(named, sql` or `)})`;
}

/** The record in force for the scope (and receiver), or why nothing covers it. Locks that record FOR SHARE. */
export async function consentCovers(trx: Transaction<Database>, q: ConsentQuestion): Promise<ConsentAnswer> {
  if (q.scope === 'share' && !q.organisationId && !q.directoryOrganizationId) throw new Error('A share question names the receiving organisation.');
  const byReceiver = q.scope === 'share' ? receiverCondition(q) : sql<boolean>`true`;
  const query = trx
    .selectFrom('consent')
    .select(['id', 'decision', 'withdrawnAt', 'expiresAt'])
    .where('caseId', '=', q.caseId)
    .where(sql<boolean>`scopes @> ${JSON.stringify([q.scope])}::jsonb`)
    .where(byReceiver)
    .orderBy('seq', 'desc')
    .limit(1);
  const current = await (q.lock === false ? query : query.forShare()).executeTakeFirst();
  if (current) {
    if (current.decision !== 'given') return { refusal: 'refused' };
    if (current.withdrawnAt) return { refusal: 'withdrawn' };
    if (current.expiresAt.getTime() <= q.now.getTime()) return { refusal: 'expired' };
    return { consentId: current.id };
  }
  // NOTE: a ledger that names this receiver (or holds any record, for the other scopes) lacks the scope; else none.
  const other = await trx.selectFrom('consent').select('id').where('caseId', '=', q.caseId).where(receiverCondition(q)).limit(1).executeTakeFirst();
  return { refusal: other ? 'scope_missing' : 'no_consent' };
}

/** The consent in force for the question, or 422 with the reason in words (and its code). */
export async function requireConsent(trx: Transaction<Database>, q: ConsentQuestion, field = 'consent'): Promise<string> {
  const answer = await consentCovers(trx, q);
  if ('consentId' in answer) return answer.consentId;
  const message = REFUSAL_WORDS[answer.refusal];
  // NOTE: the code travels as `current.refusal` so a client can word it; the message says it in English.
  throw new AppError('unprocessable', message, { fields: { [field]: message }, current: { refusal: answer.refusal } });
}

export interface ShareQuestion {
  caseId: string;
  /** The platform organisation the case would be shared with. */
  organisationId: string;
  now: Date;
}

/** The id of the share consent in force for the organisation, or null. */
export async function shareConsentOf(trx: Transaction<Database>, q: ShareQuestion): Promise<string | null> {
  const answer = await consentCovers(trx, { ...q, scope: 'share' });
  return 'consentId' in answer ? answer.consentId : null;
}

/** Refuses, with the reason, a share the consent does not cover. */
export async function requireShareConsent(trx: Transaction<Database>, q: ShareQuestion): Promise<string> {
  return requireConsent(trx, { ...q, scope: 'share' });
}
