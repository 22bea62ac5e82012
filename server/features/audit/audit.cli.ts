// `verify-audit`: checks the whole hash chain and exits 1 when an entry was changed, removed or inserted around it.
import type { CliCommand } from '#server/cli.ts';
import type { AuditVerify } from '#shared/audit/audit.schema.ts';
import { verifyAuditChain } from './audit-chain.service.ts';

const REASONS: Record<NonNullable<AuditVerify['firstBroken']>['reason'], string> = {
  hash_mismatch: 'its content does not match its hash (the entry was changed)',
  prev_hash_mismatch: 'it does not point to the hash of the entry before it',
  seq_gap: 'this entry is missing (deleted)',
  head_mismatch: 'the chain does not end where the audit head says (entries at the end were removed or added)',
};

/** One line for a person reading a terminal or a log. */
export function describeVerification(result: AuditVerify): string {
  if (result.ok) return `audit chain OK: ${result.checked} entries verified`;
  const broken = result.firstBroken;
  const where = broken ? `first broken entry: seq ${broken.seq}: ${REASONS[broken.reason]}` : 'unknown break';
  return `audit chain BROKEN after ${result.checked} valid entries; ${where}`;
}

export const verifyAuditCommand: CliCommand = {
  summary: 'verify the audit trail hash chain; exits 1 and names the first broken entry if it was tampered with',
  async run({ open }) {
    const handle = await open();
    try {
      const result = await verifyAuditChain(handle.db);
      const line = describeVerification(result);
      if (result.ok) console.log(line);
      else console.error(line);
      return result.ok ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};
