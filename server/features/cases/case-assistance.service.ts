// Assistance records: offered, accepted, declined or delivered, each in the data category of its type. A reader sees
// only the categories their grant holds (filtered in SQL, each category's read audited); receiving a service needs
// the person's consent to services; sharing a record needs their consent to share with each organisation.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { MEDICAL_TYPES, RECEIVING_STATES, type AssistanceCreate, type AssistanceList, type AssistanceRecord, type AssistanceUpdate } from '#shared/cases/assistance.schema.ts';
import { ASSISTANCE_CATEGORY, type AssistanceType, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { auditRead, requireCase } from './case-access.ts';
import { findAssistance, listAssistanceRows, organisationExists, organisationNames, servicesConsentOf, shareTargetsOf, type AssistanceRow } from './case-assistance.queries.ts';
import type { CaseGrant } from './case.policy.ts';
import { shareConsentOf } from './case-share.ts';
import { auditListRead, readableOf, staleRecord, todayOf, touchCase, unprocessable } from './case-records.ts';
import { open, seal } from './vault.ts';

const ASSISTANCE_CATEGORIES = [...new Set(Object.values(ASSISTANCE_CATEGORY))];

async function present(ctx: Ctx, trx: Transaction<Database>, rows: AssistanceRow[]): Promise<AssistanceRecord[]> {
  const names = await organisationNames(trx, rows.flatMap((r) => r.sharedWith));
  return rows.map((r) => ({
    id: r.id,
    type: r.type as AssistanceRecord['type'],
    category: r.category as CaseCategory,
    state: r.state as AssistanceRecord['state'],
    occurredOn: r.occurredOn,
    providerOrganisationId: r.providerOrganisationId,
    providerOrganisationName: r.providerOrganisationName,
    providerRole: r.providerRole as AssistanceRecord['providerRole'],
    deliveryMode: r.deliveryMode as AssistanceRecord['deliveryMode'],
    interpreterUsed: r.interpreterUsed,
    interpreterLanguage: r.interpreterLanguage,
    serviceCategory: r.serviceCategory as AssistanceRecord['serviceCategory'],
    outcome: r.outcome as AssistanceRecord['outcome'],
    followUpDue: r.followUpDue,
    consentId: r.consentId,
    sharedWith: r.sharedWith.map((id) => ({ id, name: names.get(id) ?? '' })),
    note: open(ctx.config.encryptionKeys, r.note),
    createdByName: r.createdByName,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

/** The records of every category the grant reads (and only those), each category's read audited. */
export async function listAssistance(ctx: Ctx, caseId: string): Promise<AssistanceList> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  const covered = readableOf(grant, ASSISTANCE_CATEGORIES);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listAssistanceRows(trx, caseId, covered);
    await auditListRead(ctx, trx, grant, 'assistance', covered, rows);
    return { records: await present(ctx, trx, rows), categories: covered, shareTargets: await shareTargetsOf(trx, caseId, ctx.now) };
  });
}

/** The grant to act on one record, by the record's own category; a record the actor may not see is a 404 too. */
async function requireRecord(ctx: Ctx, caseId: string, assistanceId: string, kind: 'read' | 'write'): Promise<{ grant: CaseGrant; category: CaseCategory }> {
  const known = await ctx.db.selectFrom('caseAssistance').select('category').where('caseId', '=', caseId).where('id', '=', assistanceId).executeTakeFirst();
  const category = (known?.category ?? 'general') as CaseCategory;
  const grant = await requireCase(ctx, caseId, { kind, category });
  if (!known) throw new AppError('not_found', 'No such record.');
  return { grant, category };
}

export async function getAssistance(ctx: Ctx, caseId: string, assistanceId: string): Promise<AssistanceRecord> {
  const { grant, category } = await requireRecord(ctx, caseId, assistanceId, 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findAssistance(trx, caseId, assistanceId);
    if (!row) throw new AppError('not_found', 'No such record.');
    await auditRead(ctx, trx, grant, category, { part: 'assistance', recordId: assistanceId });
    return (await present(ctx, trx, [row]))[0]!;
  });
}

type Fields = Omit<AssistanceUpdate, 'version'>;

/** Checks a record against the calendar, its type, the organisations and the consent ledger; returns what to store. */
async function checked(ctx: Ctx, trx: Transaction<Database>, grant: CaseGrant, type: AssistanceType, f: Fields) {
  if (f.state === 'delivered' && f.occurredOn > todayOf(ctx.now)) throw unprocessable('occurredOn', 'A delivered service cannot be dated in the future.');
  if (f.followUpDue && f.followUpDue < f.occurredOn) throw unprocessable('followUpDue', 'The follow-up cannot be due before the service.');
  if (f.serviceCategory && !(MEDICAL_TYPES as readonly string[]).includes(type)) throw unprocessable('serviceCategory', 'Only medical counselling and medical assistance have a service category.');
  if (f.interpreterLanguage && f.interpreterUsed !== true) throw unprocessable('interpreterLanguage', 'Give the interpreter’s language only when an interpreter was used.');
  const providerOrganisationId = f.providerOrganisationId ?? actorOf(ctx).organisationId;
  if (providerOrganisationId && !(await organisationExists(trx, providerOrganisationId))) throw unprocessable('providerOrganisationId', 'Choose an organisation on the platform.');
  let consentId: string | null = null;
  if ((RECEIVING_STATES as readonly string[]).includes(f.state)) {
    consentId = await servicesConsentOf(trx, grant.caseId, ctx.now);
    if (!consentId) throw unprocessable('consent', 'Record the person’s consent to receive services first.');
  }
  const sharedWith = [...new Set(f.sharedWith)].filter((id) => id !== grant.organisationId);
  for (const organisationId of sharedWith) {
    if (!(await shareConsentOf(trx, { caseId: grant.caseId, organisationId, now: ctx.now }))) {
      throw unprocessable('sharedWith', 'The person has not consented to sharing this case with one of these organisations. Record their consent first.');
    }
  }
  return {
    state: f.state,
    occurredOn: f.occurredOn,
    providerOrganisationId,
    providerRole: f.providerRole,
    deliveryMode: f.deliveryMode,
    interpreterUsed: f.interpreterUsed,
    interpreterLanguage: f.interpreterLanguage,
    serviceCategory: f.serviceCategory,
    outcome: f.outcome,
    followUpDue: f.followUpDue,
    consentId,
    sharedWith: JSON.stringify(sharedWith),
    note: seal(ctx.config.encryptionKeys, f.note),
  };
}

export async function recordAssistance(ctx: Ctx, caseId: string, input: AssistanceCreate): Promise<AssistanceRecord> {
  const category = ASSISTANCE_CATEGORY[input.type];
  const grant = await requireCase(ctx, caseId, { kind: 'write', category });
  return ctx.db.transaction().execute(async (trx) => {
    const values = await checked(ctx, trx, grant, input.type, input);
    const created = await trx
      .insertInto('caseAssistance')
      .values({ ...values, caseId, organisationId: grant.organisationId, type: input.type, category, createdBy: actorOf(ctx).accountId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.assistance_recorded', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { recordId: created.id, type: input.type, category, state: input.state } });
    return (await present(ctx, trx, [(await findAssistance(trx, caseId, created.id))!]))[0]!;
  });
}

/** Changes a record; a stale version gets 409 with the record as it is now, and nothing is written. */
export async function updateAssistance(ctx: Ctx, caseId: string, assistanceId: string, input: AssistanceUpdate): Promise<AssistanceRecord> {
  const { grant, category } = await requireRecord(ctx, caseId, assistanceId, 'write');
  const { version, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findAssistance(trx, caseId, assistanceId);
    if (!current) throw new AppError('not_found', 'No such record.');
    if (current.version !== version) throw staleRecord((await present(ctx, trx, [current]))[0]);
    const values = await checked(ctx, trx, grant, current.type as AssistanceType, fields);
    const updated = await trx
      .updateTable('caseAssistance')
      .set({ ...values, updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', assistanceId)
      .where('caseId', '=', caseId)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleRecord((await present(ctx, trx, [(await findAssistance(trx, caseId, assistanceId))!]))[0]);
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.assistance_updated', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { recordId: assistanceId, category, fields: Object.keys(fields) } });
    return (await present(ctx, trx, [(await findAssistance(trx, caseId, assistanceId))!]))[0]!;
  });
}
