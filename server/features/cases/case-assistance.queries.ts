// Assistance rows: read with their provider's and author's names, filtered in SQL by the categories the reader holds;
// and the consent checks a record relies on (the person's consent to receive services, locked FOR SHARE).
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { dayText } from './case-records.ts';

type Reader = Db | Transaction<Database>;

function selectAssistance(db: Reader) {
  return db
    .selectFrom('caseAssistance as a')
    .leftJoin('organisation as po', 'po.id', 'a.providerOrganisationId')
    .leftJoin('account as cb', 'cb.id', 'a.createdBy')
    .select([
      'a.id',
      'a.caseId',
      'a.type',
      'a.category',
      'a.state',
      dayText('a.occurredOn').as('occurredOn'),
      'a.providerOrganisationId',
      'po.name as providerOrganisationName',
      'a.providerRole',
      'a.deliveryMode',
      'a.interpreterUsed',
      'a.interpreterLanguage',
      'a.serviceCategory',
      'a.outcome',
      sql<string | null>`to_char(a.follow_up_due, 'YYYY-MM-DD')`.as('followUpDue'),
      'a.consentId',
      'a.sharedWith',
      'a.note',
      'cb.displayName as createdByName',
      'a.updatedAt',
      'a.version',
    ]);
}
export type AssistanceRow = NonNullable<Awaited<ReturnType<typeof findAssistance>>>;

/** The case's assistance records in the given categories only, newest first. */
export async function listAssistanceRows(db: Reader, caseId: string, categories: readonly CaseCategory[]) {
  if (categories.length === 0) return [];
  return selectAssistance(db)
    .where('a.caseId', '=', caseId)
    .where('a.category', 'in', [...categories])
    .orderBy('a.occurredOn', 'desc')
    .orderBy('a.createdAt', 'desc')
    .limit(500)
    .execute();
}

export async function findAssistance(db: Reader, caseId: string, assistanceId: string) {
  return selectAssistance(db).where('a.caseId', '=', caseId).where('a.id', '=', assistanceId).executeTakeFirst();
}

/** Names of the organisations records are shared with, by id. */
export async function organisationNames(db: Reader, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function organisationExists(db: Reader, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst());
}

/**
 * The newest given, unexpired, unwithdrawn consent of the case to receive services, locked FOR SHARE so that a
 * withdrawal cannot commit between this check and the record that relies on it; null when there is none.
 */
export async function servicesConsentOf(trx: Transaction<Database>, caseId: string, now: Date): Promise<string | null> {
  const row = await trx
    .selectFrom('consent')
    .select('id')
    .where('caseId', '=', caseId)
    .where(sql<boolean>`scopes @> '["services"]'::jsonb`)
    .where('decision', '=', 'given')
    .where('withdrawnAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('recordedAt', 'desc')
    .limit(1)
    .forShare()
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Platform organisations a given, unexpired, unwithdrawn consent of the case allows sharing with, by name. */
export async function shareTargetsOf(db: Reader, caseId: string, now: Date) {
  return db
    .selectFrom('consent as k')
    .innerJoin('organisation as o', 'o.id', 'k.receiverOrganisationId')
    .select(['o.id', 'o.name'])
    .distinct()
    .where('k.caseId', '=', caseId)
    .where(sql<boolean>`k.scopes @> '["share"]'::jsonb`)
    .where('k.decision', '=', 'given')
    .where('k.withdrawnAt', 'is', null)
    .where('k.expiresAt', '>', now)
    .orderBy('o.name')
    .limit(50)
    .execute();
}
