// The crash check's read-back: after the restart, every acknowledged write must be in the database (and the lockouts
// the acknowledged wrong passwords led to), and `verify-audit` must pass.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '#server/db/db.ts';
import type { Acknowledged } from './crash-load.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
/** Wrong passwords after which an account is locked (docs/security.md: lockout after 5 failed sign-ins). */
const LOCK_AFTER = 5;

export interface Found {
  saves: number;
  failures: number;
  accepts: number;
  /** Failure target accounts with LOCK_AFTER or more acknowledged wrong passwords, and how many of them are locked. */
  lockable: number;
  locked: number;
  losses: string[];
}

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

/** Reads the database directly (the server stopped; PGlite admits one process) and compares with `ack`. */
export async function verifyWrites(where: { databaseUrl?: string; dataDir: string }, ack: Acknowledged, organisationId: string, failureEmails: string[]): Promise<Found> {
  const handle = await openDatabase(where);
  try {
    const losses: string[] = [];
    const saves = await checkSaves(handle.db, ack, losses);
    const failures = await checkFailures(handle.db, ack, losses);
    const accepts = await checkAccepts(handle.db, ack, organisationId, losses);
    const locks = await checkLocks(handle.db, ack, failureEmails, losses);
    return { saves, failures, accepts, locked: locks.consistent, lockable: locks.checked, losses };
  } finally {
    await handle.close();
  }
}

async function checkSaves(db: Db, ack: Acknowledged, losses: string[]): Promise<number> {
  const revisions = await db.selectFrom('sectionRevision').select(['id', 'sectionId', 'language', 'title', 'bodyMd']).where('bodyMd', 'like', '%Crash check %').execute();
  const byBody = new Map(revisions.map((r) => [`${r.sectionId}/${r.language}/${r.bodyMd}`, r]));
  const audited = new Set(
    (await db.selectFrom('auditEvent').select(sql<string>`details->>'revisionId'`.as('revisionId')).where('action', '=', 'library.section_saved').execute()).map((r) => r.revisionId),
  );
  let found = 0;
  for (const save of ack.saves) {
    const row = byBody.get(`${save.sectionId}/${save.language}/${save.bodyMd}`);
    const tail = save.bodyMd.slice(save.bodyMd.lastIndexOf('Crash check'));
    if (!row) losses.push(`save lost: no revision with "${tail}"`);
    else if (row.title !== save.title || (save.revisionId && row.id !== save.revisionId)) losses.push(`save changed: "${tail}" is revision ${row.id}, acknowledged ${save.revisionId}`);
    else if (!audited.has(row.id)) losses.push(`save without its audit row: revision ${row.id}`);
    else found++;
  }
  return found;
}

async function checkFailures(db: Db, ack: Acknowledged, losses: string[]): Promise<number> {
  const rows = await db.selectFrom('auditEvent').select(['ip', 'entityId']).where('action', '=', 'sign_in.failed').execute();
  const byIp = new Map(rows.map((r) => [r.ip, r.entityId]));
  const hits = new Set((await db.selectFrom('rateLimit').select('key').where('key', 'like', 'sign_in:ip:%').execute()).map((r) => r.key));
  const accounts = new Map((await db.selectFrom('account').select(['id', 'email']).execute()).map((a) => [a.email, a.id]));
  let found = 0;
  for (const failure of ack.failures) {
    if (!byIp.has(failure.ip)) losses.push(`sign-in failure lost: no audit row from ${failure.ip}`);
    else if (byIp.get(failure.ip) !== (accounts.get(failure.email) ?? null)) losses.push(`sign-in failure from ${failure.ip} audited for another account`);
    else if (!hits.has(`sign_in:ip:${failure.ip}`)) losses.push(`sign-in failure from ${failure.ip}: its rate-limit counter is missing`);
    else found++;
  }
  return found;
}

async function checkAccepts(db: Db, ack: Acknowledged, organisationId: string, losses: string[]): Promise<number> {
  let found = 0;
  for (const accept of ack.accepts) {
    const account = await db.selectFrom('account').select('id').where('email', '=', accept.email).executeTakeFirst();
    const membership = account
      ? await db.selectFrom('membership').select('roles').where('accountId', '=', account.id).where('organisationId', '=', organisationId).executeTakeFirst()
      : undefined;
    const invitation = await db.selectFrom('invitation').select('acceptedAt').where('id', '=', accept.invitationId).executeTakeFirst();
    const audit = await db.selectFrom('auditEvent').select('seq').where('action', '=', 'invitation.accepted').where('entityId', '=', accept.invitationId).executeTakeFirst();
    if (!account) losses.push(`accept lost: no account for invitation ${accept.invitationId}`);
    else if (!membership || membership.roles.join() !== 'editor') losses.push(`accept lost: account ${account.id} has no editor membership`);
    else if (!invitation?.acceptedAt) losses.push(`accept lost: invitation ${accept.invitationId} is not marked accepted`);
    else if (!audit) losses.push(`accept without its audit row: invitation ${accept.invitationId}`);
    else found++;
  }
  return found;
}

/**
 * The lockout counter survived too: an account with at least LOCK_AFTER acknowledged wrong passwords is locked now,
 * and the lock is in the audit trail. NOTE: a property of the outcome, not of how the counter is kept.
 */
async function checkLocks(db: Db, ack: Acknowledged, emails: string[], losses: string[]): Promise<{ checked: number; consistent: number }> {
  let checked = 0;
  let consistent = 0;
  for (const email of emails) {
    if (ack.failures.filter((f) => f.email === email).length < LOCK_AFTER) continue;
    checked++;
    const account = await db.selectFrom('account').select(['id', 'lockedUntil']).where('email', '=', email).executeTakeFirstOrThrow();
    const audited = await db.selectFrom('auditEvent').select('seq').where('action', '=', 'account.locked').where('entityId', '=', account.id).executeTakeFirst();
    if (!account.lockedUntil || account.lockedUntil.getTime() <= Date.now()) losses.push(`lockout lost: ${email} had ${LOCK_AFTER}+ acknowledged wrong passwords but is not locked`);
    else if (!audited) losses.push(`lockout of ${email} without its audit row`);
    else consistent++;
  }
  return { checked, consistent };
}

/** `npm run cli -- verify-audit` (the script runs `node server/cli.ts`, here on the same pinned Node). */
export function verifyAudit(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'server/cli.ts'), 'verify-audit'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output: output.trim() }));
  });
}
