// The identity vault over a case: only team members holding the identity grant read or write it, every read is
// audited, every field is sealed on its own, and the blind index (a separate key) finds possible duplicates within
// the organisation without plaintext. Another organisation's cases are never compared.
import { sql, type Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { CaseDuplicates, CaseIdentity, CaseIdentityFields, CaseIdentityUpdate } from '#shared/cases/case.schema.ts';
import { auditRead, requireCase, visibleToActor } from './case-access.ts';
import { mayOpenCase, type CaseGrant } from './case.policy.ts';
import { identityDigests, open, openJson, seal, sealJson, type IdentityForIndex } from './vault.ts';

const EMPTY: CaseIdentityFields = { givenName: null, familyName: null, birthDate: null, contacts: [], addresses: [], documents: [], guardian: null };

type IdentityRow = NonNullable<Awaited<ReturnType<typeof findIdentity>>>;

async function findIdentity(db: Transaction<Database>, caseId: string) {
  return db.selectFrom('caseIdentity').selectAll().where('caseId', '=', caseId).executeTakeFirst();
}

/** Opens every sealed field of the row (the per-page decryption cost the bench measures). */
export function openIdentity(ctx: Pick<Ctx, 'config'>, row: IdentityRow | undefined): CaseIdentityFields {
  if (!row) return EMPTY;
  const keys = ctx.config.encryptionKeys;
  return {
    givenName: open(keys, row.givenName),
    familyName: open(keys, row.familyName),
    birthDate: open(keys, row.birthDate),
    contacts: openJson(keys, row.contacts, []),
    addresses: openJson(keys, row.addresses, []),
    documents: openJson(keys, row.documents, []),
    guardian: openJson(keys, row.guardian, null),
  };
}

/** The identity of a case: identity grant only; the read is audited in the same transaction. */
export async function getIdentity(ctx: Ctx, caseId: string): Promise<CaseIdentity> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'identity' });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findIdentity(trx, caseId);
    const fields = openIdentity(ctx, row);
    // NOTE: only those who register people in the case's organisation are told of its other cases (as for
    // checkDuplicates): a member from a sharing organisation, or a clinician who may edit this identity, would
    // otherwise learn what else the organisation holds about the person, or probe its index by saving guesses.
    const actor = actorOf(ctx);
    const mayMatch = actor.organisationId === grant.organisationId && mayOpenCase(actor);
    const duplicates = mayMatch ? await duplicatesOf(ctx, trx, grant.organisationId, fields, caseId) : [];
    // NOTE: the audit row last: appending locks the chain's head row until commit, so nothing else runs meanwhile.
    await auditRead(ctx, trx, grant, 'identity');
    return { ...fields, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null, duplicates };
  });
}

/** Saves the identity (optimistic locking: version 0 creates it) and refreshes its blind-index entries. */
export async function updateIdentity(ctx: Ctx, caseId: string, input: CaseIdentityUpdate): Promise<CaseIdentity> {
  const grant = await requireCase(ctx, caseId, { kind: 'write', category: 'identity' });
  const keys = ctx.config.encryptionKeys;
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findIdentity(trx, caseId);
    if ((current?.version ?? 0) !== input.version) {
      throw new AppError('conflict', 'Someone else saved this identity in the meantime. Your changes were not saved.', { current: { version: current?.version ?? 0 } });
    }
    const merged: CaseIdentityFields = { ...openIdentity(ctx, current), ...stripVersion(input) };
    const sealed = {
      givenName: seal(keys, merged.givenName),
      familyName: seal(keys, merged.familyName),
      birthDate: seal(keys, merged.birthDate),
      contacts: sealJson(keys, merged.contacts),
      addresses: sealJson(keys, merged.addresses),
      documents: sealJson(keys, merged.documents),
      guardian: sealJson(keys, merged.guardian),
      updatedAt: ctx.now,
      updatedBy: actorOf(ctx).accountId,
    };
    if (current) {
      const done = await trx.updateTable('caseIdentity').set({ ...sealed, version: (eb) => eb('version', '+', 1) }).where('caseId', '=', caseId).where('version', '=', input.version).executeTakeFirst();
      if (done.numUpdatedRows === 0n) throw new AppError('conflict', 'Someone else saved this identity in the meantime.', { current: { version: input.version + 1 } });
    } else {
      const made = await trx.insertInto('caseIdentity').values({ caseId, organisationId: grant.organisationId, ...sealed }).onConflict((oc) => oc.column('caseId').doNothing()).returning('caseId').executeTakeFirst();
      if (!made) throw new AppError('conflict', 'Someone else saved this identity in the meantime.', { current: { version: 1 } });
    }
    await reindex(ctx, trx, grant, merged);
    // NOTE: an identity saved after an erasure is new data: the retention purge must reach it again.
    await trx.updateTable('caseFile').set({ updatedAt: ctx.now, purgedCategories: sql`purged_categories - 'identity'` }).where('id', '=', caseId).execute();
    await recordAudit(ctx, trx, { action: 'case.identity_updated', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { fields: Object.keys(stripVersion(input)) } });
  });
  return getIdentity(ctx, caseId);
}

function stripVersion(input: CaseIdentityUpdate): Partial<CaseIdentityFields> {
  const { version: _version, ...fields } = input;
  return fields;
}

/** Replaces the case's blind-index entries with those of its identity now (under the first blind-index key). */
export async function reindex(ctx: Pick<Ctx, 'config'>, trx: Transaction<Database>, grant: Pick<CaseGrant, 'caseId' | 'organisationId'>, identity: IdentityForIndex): Promise<void> {
  await trx.deleteFrom('caseIdentityIndex').where('caseId', '=', grant.caseId).execute();
  const key = ctx.config.blindIndexKeys[0]!;
  const entries = identityDigests(key, grant.organisationId, identity);
  if (entries.length === 0) return;
  await trx
    .insertInto('caseIdentityIndex')
    .values(entries.map((e) => ({ ...e, caseId: grant.caseId, organisationId: grant.organisationId })))
    .execute();
}

/** Cases of the organisation sharing a blind-index digest with these values; codes only of cases the actor may open. */
async function duplicatesOf(ctx: Ctx, trx: Transaction<Database>, organisationId: string, identity: IdentityForIndex, excludeCaseId: string | null): Promise<CaseDuplicates['matches']> {
  // NOTE: every key of the blind-index keyring is asked, so duplicates are still found half-way through a rotation.
  const digests = ctx.config.blindIndexKeys.flatMap((key) => identityDigests(key, organisationId, identity).map((e) => e.digest));
  if (digests.length === 0) return [];
  const actor = actorOf(ctx);
  const rows = await trx
    .selectFrom('caseIdentityIndex as i')
    .innerJoin('caseFile as c', 'c.id', 'i.caseId')
    .select(['c.id', 'c.code', 'i.kind'])
    .select((eb) => visibleToActor(actor, ctx.now)(eb as never).as('visible'))
    .where('i.organisationId', '=', organisationId)
    .where('i.digest', 'in', digests)
    .where('c.anonymisedAt', 'is', null)
    .$if(excludeCaseId !== null, (q) => q.where('i.caseId', '<>', excludeCaseId!))
    .execute();
  const byCase = new Map<string, { code: string; kinds: Set<string>; visible: boolean }>();
  for (const r of rows) {
    const entry = byCase.get(r.id) ?? { code: r.code, kinds: new Set<string>(), visible: Boolean(r.visible) };
    entry.kinds.add(r.kind);
    byCase.set(r.id, entry);
  }
  // NOTE: a match on a case the actor may not open says only that one exists: no id, no code (ask the coordinator).
  return [...byCase.entries()].map(([id, m]) => ({ caseId: m.visible ? id : null, code: m.visible ? m.code : null, kinds: [...m.kinds].sort(), visible: m.visible }));
}

/** Before opening a case or saving an identity: does the organisation already hold this person? */
export async function checkDuplicates(ctx: Ctx, input: IdentityForIndex & { excludeCaseId?: string }): Promise<CaseDuplicates> {
  const actor = actorOf(ctx);
  // NOTE: only those who register people ask the organisation's blind index directly; otherwise any professional
  // could probe whether the organisation holds someone with a given phone number.
  if (!mayOpenCase(actor)) throw new AppError('forbidden', 'Only case managers and coordinators check for duplicates.');
  const matches = await ctx.db.transaction().execute(async (trx) => {
    const found = await duplicatesOf(ctx, trx, actor.organisationId!, input, input.excludeCaseId ?? null);
    await recordAudit(ctx, trx, { action: 'case.duplicate_check', entityType: 'case', entityId: input.excludeCaseId ?? null, details: { matches: found.length } });
    return found;
  });
  return { matches };
}
