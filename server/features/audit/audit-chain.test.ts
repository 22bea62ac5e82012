import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { verifyAuditChain } from './audit-chain.service.ts';
import { describeVerification } from './audit.cli.ts';
import { recordAudit, systemCtx } from './audit.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function record(action: string, details: Record<string, unknown> = {}): Promise<void> {
  await t.deps.db.transaction().execute((trx) =>
    recordAudit(systemCtx(trx, t.deps.config, t.app.log, t.deps.now()), trx, { action, entityType: 'chain_test', entityId: action, details }),
  );
}

async function headSeq(): Promise<number> {
  const head = await t.deps.db.selectFrom('auditHead').select('lastSeq').executeTakeFirstOrThrow();
  return Number(head.lastSeq);
}

async function row(seq: number) {
  return t.deps.db.selectFrom('auditEvent').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
}

/** Tampering needs the append-only trigger off (in this file's own database only); each test turns it back on. */
async function appendOnly(enabled: boolean): Promise<void> {
  await sql.raw(`alter table audit_event ${enabled ? 'enable' : 'disable'} trigger audit_event_no_change`).execute(t.deps.db);
}

describe('audit chain verification', () => {
  it('verifies a chain of recorded actions, in small batches as in one', async () => {
    for (let i = 0; i < 7; i++) await record(`chain.step_${i}`, { n: i, nested: { b: 2, a: [1, 'x'] } });
    const total = await headSeq();
    expect(total).toBeGreaterThanOrEqual(7);
    expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: true, checked: total });
    expect(await verifyAuditChain(t.deps.db, { batchSize: 3 })).toEqual({ ok: true, checked: total });
  });

  it('keeps the chain gap-free and valid when 20 transactions append at once', async () => {
    const before = await headSeq();
    await Promise.all(Array.from({ length: 20 }, (_, i) => record('chain.concurrent', { i })));
    const seqs = await t.deps.db.selectFrom('auditEvent').select('seq').where('seq', '>', before).orderBy('seq').execute();
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => before + i + 1));
    expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: true, checked: before + 20 });
  });

  it('is refused by the database when a row is updated or deleted', async () => {
    await expect(sql`update audit_event set action = 'x' where seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });

  it('reports a changed entry as a hash mismatch at its seq', async () => {
    const original = await row(3);
    await appendOnly(false);
    await sql`update audit_event set details = '{"n": 99}'::jsonb where seq = 3`.execute(t.deps.db);
    try {
      expect(await verifyAuditChain(t.deps.db, { batchSize: 2 })).toEqual({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'hash_mismatch' } });
    } finally {
      await sql`update audit_event set details = ${JSON.stringify(original.details)}::jsonb where seq = 3`.execute(t.deps.db);
      await appendOnly(true);
    }
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('reports an entry re-hashed after a change as a broken link at the next seq', async () => {
    const original = await row(4);
    await appendOnly(false);
    await sql`update audit_event set hash = ${'f'.repeat(64)} where seq = 4`.execute(t.deps.db);
    try {
      const result = await verifyAuditChain(t.deps.db);
      expect(result.firstBroken).toEqual({ seq: 4, reason: 'hash_mismatch' });
      await sql`update audit_event set prev_hash = ${'f'.repeat(64)} where seq = 5`.execute(t.deps.db);
      // Row 4's stored hash now matches what row 5 points to, but not row 4's content.
      expect((await verifyAuditChain(t.deps.db)).firstBroken).toEqual({ seq: 4, reason: 'hash_mismatch' });
      await sql`update audit_event set hash = ${original.hash} where seq = 4`.execute(t.deps.db);
      expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5, reason: 'prev_hash_mismatch' } });
    } finally {
      await sql`update audit_event set prev_hash = ${original.hash} where seq = 5`.execute(t.deps.db);
      await appendOnly(true);
    }
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('reports a deleted entry as a gap at the missing seq, and a deleted last entry as a head mismatch', async () => {
    const last = await headSeq();
    const middle = await row(6);
    const tail = await row(last);
    await appendOnly(false);
    await sql`delete from audit_event where seq in (6, ${last})`.execute(t.deps.db);
    try {
      expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: false, checked: 5, firstBroken: { seq: 6, reason: 'seq_gap' } });
      await t.deps.db.insertInto('auditEvent').values({ ...middle, details: JSON.stringify(middle.details) }).execute();
      expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: false, checked: last - 1, firstBroken: { seq: last, reason: 'head_mismatch' } });
    } finally {
      await t.deps.db.insertInto('auditEvent').values({ ...tail, details: JSON.stringify(tail.details) }).execute();
      await appendOnly(true);
    }
    expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: true, checked: last });
  });

  it('describes the result for the verify-audit command', () => {
    expect(describeVerification({ ok: true, checked: 12 })).toBe('audit chain OK: 12 entries verified');
    expect(describeVerification({ ok: false, checked: 5, firstBroken: { seq: 6, reason: 'seq_gap' } })).toBe(
      'audit chain BROKEN after 5 valid entries; first broken entry: seq 6: this entry is missing (deleted)',
    );
  });
});
