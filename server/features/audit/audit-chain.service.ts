// Audit chain verification: recomputes every entry's hash in seq order and reports the first entry that breaks it.
import type { Db } from '#server/db/db.ts';
import type { AuditVerify, ChainBreak } from '#shared/audit/audit.schema.ts';
import { chainHash } from './audit.service.ts';
import { chainRowsAfter, readAuditHead } from './audit.queries.ts';

const GENESIS = '0'.repeat(64);

type ChainRow = Awaited<ReturnType<typeof chainRowsAfter>>[number];

/**
 * Walks the chain in batches (constant memory). The head is read first: entries appended while the walk runs lie
 * beyond it and are left for the next check, so a busy system does not report a false break.
 */
export async function verifyAuditChain(db: Db, options: { batchSize?: number } = {}): Promise<AuditVerify> {
  const batchSize = options.batchSize ?? 1000;
  const head = await readAuditHead(db);
  let lastSeq = 0;
  let lastHash = GENESIS;
  let checked = 0;
  for (;;) {
    const rows = await chainRowsAfter(db, lastSeq, head.lastSeq, batchSize);
    for (const row of rows) {
      const reason = breakIn(row, lastSeq + 1, lastHash);
      if (reason) return { ok: false, checked, firstBroken: { seq: reason === 'seq_gap' ? lastSeq + 1 : row.seq, reason } };
      checked += 1;
      lastSeq = row.seq;
      lastHash = row.hash;
    }
    if (rows.length < batchSize) break;
  }
  if (lastSeq !== head.lastSeq) return { ok: false, checked, firstBroken: { seq: lastSeq + 1, reason: 'head_mismatch' } };
  if (lastHash !== head.lastHash) return { ok: false, checked, firstBroken: { seq: lastSeq, reason: 'head_mismatch' } };
  return { ok: true, checked };
}

function breakIn(row: ChainRow, expectedSeq: number, expectedPrevHash: string): ChainBreak | null {
  if (row.seq !== expectedSeq) return 'seq_gap';
  if (row.prevHash !== expectedPrevHash) return 'prev_hash_mismatch';
  const { prevHash, hash, ...fields } = row;
  return chainHash(prevHash, fields) === hash ? null : 'hash_mismatch';
}
