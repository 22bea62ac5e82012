// Key rotation without downtime: every sealed column is re-encrypted from older keys to the FIRST key of
// DATA_ENCRYPTION_KEYS, and the identity blind index is rebuilt under the first BLIND_INDEX_KEYS key. The app keeps
// serving meanwhile (it reads with any key of the ring and writes with the first). Work goes in batches, each its own
// short transaction; an update only lands on a row still holding the ciphertext that was read (optimistic guard), so a
// write made meanwhile is never overwritten. Re-running continues where a stopped run left off: it only looks for
// values not yet sealed with the first key.
import { sql, type RawBuilder } from 'kysely';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/db.ts';
import { decrypt, decryptBytes, encrypt, encryptBytes } from '#server/lib/crypto.ts';
import { openIdentity } from './case-identity.service.ts';
import { identityDigests } from './vault.ts';

/** Every text column sealed with the keyring (keyId:iv:tag:data). A new sealed column is added here. */
export const SEALED_COLUMNS: readonly { table: string; key: string; columns: readonly string[] }[] = [
  { table: 'case_file', key: 'id', columns: ['closure_note', 'safe_contact', 'legal_hold_reason'] },
  { table: 'case_identity', key: 'case_id', columns: ['given_name', 'family_name', 'birth_date', 'contacts', 'addresses', 'documents', 'guardian'] },
  { table: 'case_assistance', key: 'id', columns: ['note'] },
  { table: 'case_comment', key: 'id', columns: ['body'] },
  { table: 'case_plan', key: 'id', columns: ['objectives', 'action_plan', 'goals'] },
  { table: 'case_plan_review', key: 'id', columns: ['note'] },
  { table: 'case_risk_assessment', key: 'id', columns: ['note'] },
  { table: 'case_task', key: 'id', columns: ['note'] },
  { table: 'case_break_glass', key: 'id', columns: ['reason'] },
  { table: 'case_approval', key: 'id', columns: ['decision_note', 'request_note'] },
  { table: 'case_attachment', key: 'id', columns: ['file_name'] },
  { table: 'case_erasure', key: 'id', columns: ['reason'] },
  { table: 'consent', key: 'id', columns: ['note'] },
  { table: 'referral_package', key: 'id', columns: ['safe_contact', 'note', 'identity'] },
  { table: 'access_request', key: 'id', columns: ['name_sealed', 'email_sealed'] },
  { table: 'account', key: 'id', columns: ['totp_secret'] },
];

export type Progress = (line: string) => void;

/** "column holds a value not sealed with the current key" — the rows a run still has to do. */
function stale(column: string, keyId: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)} is not null and ${sql.ref(column)} not like ${`${keyId.replace(/[\\%_]/g, (m) => `\\${m}`)}:%`})`;
}

/** The plaintext of a value, or an error naming where it is (ids only) when no key of the ring opens it. */
function reseal(keyring: Config['encryptionKeys'], sealed: string, where: string): string {
  try {
    return decrypt(keyring, sealed);
  } catch (error) {
    // NOTE: stopping is right: a value no key opens is lost already; the operator must find its key, not skip it.
    throw new Error(`${where} cannot be decrypted with DATA_ENCRYPTION_KEYS (${error instanceof Error ? error.message : 'unknown error'}): add the key it was sealed with and run again`, { cause: error });
  }
}

/** One table's text columns: keyset batches by primary key, each batch one transaction. Returns values re-sealed. */
async function rotateTable(db: Db, config: Config, spec: (typeof SEALED_COLUMNS)[number], batch: number, progress: Progress): Promise<number> {
  const keyring = config.encryptionKeys;
  const keyId = keyring[0]!.id;
  const anyStale = sql.join(spec.columns.map((c) => stale(c, keyId)), sql` or `);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const cursor: RawBuilder<boolean> = after === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(spec.key)}::text > ${after}`;
    const { rows } = await sql<{ pk: string } & Record<string, string | null>>`select ${sql.ref(spec.key)}::text as pk, ${sql.join(spec.columns.map((c, i) => sql`${sql.ref(c)} as ${sql.raw(`c${i}`)}`))} from ${sql.table(spec.table)} where (${anyStale}) and ${cursor} order by ${sql.ref(spec.key)}::text limit ${batch}`.execute(db);
    if (rows.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        for (const [i, column] of spec.columns.entries()) {
          const old = row[`c${i}`];
          if (!old || old.startsWith(`${keyId}:`)) continue;
          const fresh = encrypt(keyring, reseal(keyring, old, `${spec.table}.${column} of ${row.pk}`));
          // NOTE: the guard "still the value we read": a save made since then already used the new key and wins.
          const result = await sql`update ${sql.table(spec.table)} set ${sql.ref(column)} = ${fresh} where ${sql.ref(spec.key)}::text = ${row.pk} and ${sql.ref(column)} = ${old}`.execute(trx);
          done += Number(result.numAffectedRows ?? 0n);
        }
      }
    });
    after = rows.at(-1)!.pk;
    progress(`${spec.table}: ${done} values re-sealed so far`);
  }
}

/** Attachment bytes (their key id in a column of its own). */
async function rotateAttachments(db: Db, config: Config, batch: number, progress: Progress): Promise<number> {
  const keyring = config.encryptionKeys;
  const keyId = keyring[0]!.id;
  let done = 0;
  for (;;) {
    const rows = await db.selectFrom('caseAttachment').select(['id', 'keyId']).where('keyId', '<>', keyId).orderBy('id').limit(Math.max(1, Math.floor(batch / 50))).execute();
    if (rows.length === 0) return done;
    for (const { id, keyId: oldKey } of rows) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('caseAttachment').select(['content', 'keyId']).where('id', '=', id).where('keyId', '=', oldKey).forUpdate().executeTakeFirst();
        if (!row) return;
        const sealed = encryptBytes(keyring, decryptBytes(keyring, { keyId: row.keyId, content: Buffer.from(row.content) }));
        await trx.updateTable('caseAttachment').set({ content: sealed.content, keyId: sealed.keyId }).where('id', '=', id).where('keyId', '=', oldKey).execute();
        done += 1;
      });
    }
    progress(`case_attachment content: ${done} files re-sealed so far`);
  }
}

/** Rebuilds the blind index of every identity still indexed under an older key, case by case, under a row lock. */
async function reindex(db: Db, config: Config, batch: number, progress: Progress): Promise<number> {
  const key = config.blindIndexKeys[0]!;
  let done = 0;
  for (;;) {
    const cases = await db.selectFrom('caseIdentityIndex').select('caseId').distinct().where('keyId', '<>', key.id).limit(batch).execute();
    if (cases.length === 0) return done;
    for (const { caseId } of cases) {
      await db.transaction().execute(async (trx) => {
        // NOTE: locking the identity row orders this after (or before) a concurrent identity save, which re-indexes too.
        const identity = await trx.selectFrom('caseIdentity').selectAll().where('caseId', '=', caseId).forUpdate().executeTakeFirst();
        const owner = await trx.selectFrom('caseFile').select('organisationId').where('id', '=', caseId).executeTakeFirstOrThrow();
        await trx.deleteFrom('caseIdentityIndex').where('caseId', '=', caseId).execute();
        const entries = identity ? identityDigests(key, owner.organisationId, openIdentity({ config }, identity)) : [];
        if (entries.length > 0) await trx.insertInto('caseIdentityIndex').values(entries.map((e) => ({ caseId, organisationId: owner.organisationId, kind: e.kind, keyId: e.keyId, digest: e.digest }))).execute();
        done += 1;
      });
    }
    progress(`case_identity_index: ${done} identities re-indexed so far`);
  }
}

export interface RotationSummary {
  values: number;
  attachments: number;
  identitiesReindexed: number;
}

/** Runs the whole rotation; safe to run again (it continues where it stopped, and does nothing once done). */
export async function rotateKeys(db: Db, config: Config, options: { batch?: number; progress?: Progress } = {}): Promise<RotationSummary> {
  const batch = options.batch ?? 500;
  const progress = options.progress ?? (() => undefined);
  let values = 0;
  for (const spec of SEALED_COLUMNS) values += await rotateTable(db, config, spec, batch, progress);
  const attachments = await rotateAttachments(db, config, batch, progress);
  const identitiesReindexed = await reindex(db, config, batch, progress);
  return { values, attachments, identitiesReindexed };
}

/** Values and files still sealed with an older key, and index entries under an older blind key (0 after a full run). */
export async function countStale(db: Db, config: Config): Promise<number> {
  const keyId = config.encryptionKeys[0]!.id;
  let total = 0;
  for (const spec of SEALED_COLUMNS) {
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(spec.table)} where ${sql.join(spec.columns.map((c) => stale(c, keyId)), sql` or `)}`.execute(db);
    total += Number(rows[0]?.n ?? 0);
  }
  total += Number((await db.selectFrom('caseAttachment').select((eb) => eb.fn.countAll<string>().as('n')).where('keyId', '<>', keyId).executeTakeFirstOrThrow()).n);
  total += Number((await db.selectFrom('caseIdentityIndex').select((eb) => eb.fn.countAll<string>().as('n')).where('keyId', '<>', config.blindIndexKeys[0]!.id).executeTakeFirstOrThrow()).n);
  return total;
}
