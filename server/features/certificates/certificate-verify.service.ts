// Public verification: by code (what the QR code and the printed URL lead to) and of a credential file someone pasted
// or uploaded. Both answer the full claims and, for our own certificates, our record of them; both are rate-limited
// per address, counted before the (costly) proof check, which runs in a worker thread under a time limit.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { consumeAttempt } from '#server/features/auth/rate-limit.service.ts';
import { PoolBusyError, isInputFailure, shortTasks } from '#server/lib/worker-pool.ts';
import type { CertificateRecord, Verification } from '#shared/certificates/certificate.schema.ts';
import { courseContract } from './course-contract.ts';
import { describeEvent } from './certificate-facts.ts';
import { certificateByCode, certificateById, eventFacts, type CertificateRow } from './certificate.queries.ts';
import { issuerDocument, statusListCredential } from './ob-sign.ts';
import { credentialUrlOf, issuerIdOf, verifyUrlOf } from './ob-urls.ts';
import { readClaims, type Trust, type VerifyOutcome, type verifyCredential } from './verify.ts';

/** Verifications per address per minute: generous for a venue's shared Wi-Fi, low enough to stop enumeration. */
export const VERIFY_LIMIT_PER_MINUTE = 120;

/** Counts one verification (or credential look-up by code) against the caller's address; 429 over the limit. */
export async function limit(ctx: Ctx): Promise<void> {
  await consumeAttempt(ctx.db, ctx.now, [{ key: `verify:ip:${ctx.ip ?? 'unknown'}`, max: VERIFY_LIMIT_PER_MINUTE, windowMs: 60_000 }]);
}

/** What we trust: our issuer document and our current status list. */
export async function ourTrust(ctx: Ctx): Promise<Trust> {
  return { issuerId: issuerIdOf(ctx.config), issuerDocument: await issuerDocument(ctx.db, ctx.config), statusList: await statusListCredential(ctx.db, ctx.config), now: ctx.now };
}

const VERIFY_TASK = new URL('./verify-task.ts', import.meta.url);
/** How long one proof check may run in its thread: ours take tens of milliseconds. */
export const VERIFY_TIME_LIMIT_MS = 3_000;

/** The proof check in the worker pool: a document that runs over the limit (or the stack) is malformed. */
async function checkOffLoop(credential: unknown, trust: Trust): Promise<VerifyOutcome> {
  try {
    return await shortTasks.call<typeof verifyCredential>(VERIFY_TASK, 'verifyCredential', [credential, trust], { timeoutMs: VERIFY_TIME_LIMIT_MS });
  } catch (error) {
    if (isInputFailure(error)) return { valid: false, reason: 'malformed', claims: readClaims(credential), statusChecked: false };
    if (error instanceof PoolBusyError) throw new AppError('unavailable', 'Certificates cannot be checked right now. Try again in a minute.');
    throw error;
  }
}

/** Verifies the stored credential of the certificate with this code. */
export async function verifyByCode(ctx: Ctx, code: string): Promise<Verification> {
  await limit(ctx);
  const row = await certificateByCode(ctx.db, code);
  if (!row) throw new AppError('not_found', 'No certificate has this code.');
  const outcome = await checkOffLoop(row.credential, await ourTrust(ctx));
  return { ...outcome, record: await recordOf(ctx, row) };
}

/** Verifies a credential given as JSON text (at most 64 kB, by the route's schema). */
export async function verifyCredentialText(ctx: Ctx, text: string): Promise<Verification> {
  await limit(ctx);
  let credential: unknown;
  try {
    credential = JSON.parse(text);
  } catch {
    return { valid: false, reason: 'malformed', statusChecked: false, claims: null, record: null };
  }
  const outcome = await checkOffLoop(credential, await ourTrust(ctx));
  const row = outcome.reason === 'unknown_issuer' || outcome.reason === 'malformed' ? null : await ownRow(ctx, outcome.claims?.id ?? null);
  return { ...outcome, record: row && outcome.reason !== 'tampered' ? await recordOf(ctx, row) : null };
}

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

async function ownRow(ctx: Ctx, credentialId: string | null): Promise<CertificateRow | null> {
  const id = credentialId ? UUID_URN.exec(credentialId)?.[1] : undefined;
  return id ? ((await certificateById(ctx.db, id)) ?? null) : null;
}

/** Our record of the certificate, in its own language: who, what, when, where, by whom, and its status. */
export async function recordOf(ctx: Ctx, row: CertificateRow): Promise<CertificateRecord> {
  const base = {
    code: row.verificationCode,
    kind: row.kind,
    recipientName: row.recipientName,
    language: row.language,
    issuedAt: row.issuedAt,
    validUntil: row.validUntil,
    // NOTE: the revocation's date only: its reason is the organisers' free text and may name people.
    revokedAt: row.revokedAt,
    verifyUrl: verifyUrlOf(ctx.config, row.verificationCode),
    credentialUrl: credentialUrlOf(ctx.config, row.verificationCode),
    title: typeof row.credential.name === 'string' ? row.credential.name : '',
  };
  if (row.kind === 'attendance' && row.eventId) {
    const facts = await eventFacts(ctx.db, row.eventId);
    const event = describeEvent(facts, row.language);
    return { ...base, eventType: facts.type, startsAt: facts.startsAt, endsAt: facts.endsAt, place: event.place, passedAt: null, organisations: event.organisations.map((o) => o.name) };
  }
  const enrolment = row.enrolmentId ? await courseContract().passedEnrolment(ctx.db, row.enrolmentId) : null;
  return { ...base, eventType: null, startsAt: null, endsAt: null, place: null, passedAt: enrolment?.passedAt ?? null, organisations: enrolment?.organisation ? [enrolment.organisation.name] : [] };
}
