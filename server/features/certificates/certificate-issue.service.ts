// Issuing certificates: attendance only for a confirmed registration that was checked in at an event that has ended
// and gives certificates; course certificates for a passed enrolment. One certificate per registration or enrolment:
// the registration row is locked while its certificate is made, and unique columns catch whatever gets past.
import { randomUUID } from 'node:crypto';
import type { MultikeyPair } from '@digitalbazaar/ed25519-multikey';
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { CertificateRefusal } from '#shared/certificates/certificate.schema.ts';
import { LABELS } from './certificate-labels.ts';
import { describeEvent, newVerificationCode } from './certificate-facts.ts';
import { certificateForEnrolment, certificateForRegistration, eventFacts, insertCertificate, lockRegistration, nextStatusIndex, type CertificateInsert, type LockedRegistration } from './certificate.queries.ts';
import { buildCredential, type CredentialFacts } from './ob-credential.ts';
import { activeSigningKey } from './issuer-key.ts';
import { signCredential, STATUS_LIST_LENGTH } from './ob-sign.ts';

/** How long a certificate of each kind is valid: null = no end (attendance is a fact that does not expire). */
export const VALIDITY_DAYS: Record<'attendance' | 'course', number | null> = { attendance: null, course: null };

const REFUSALS: Record<CertificateRefusal, string> = {
  disabled: 'This event does not give certificates.',
  not_confirmed: 'Only a confirmed registration receives a certificate.',
  not_checked_in: 'A certificate is given only to people who were checked in at the event.',
  not_ended: 'Certificates can be issued once the event has ended.',
};

/** Why the registration cannot have a certificate now, or null when it can. */
export function refusalOf(r: { status: string; checkedInAt: Date | null; endsAt: Date; certificateEnabled: boolean; eventStatus?: string }, now: Date): CertificateRefusal | null {
  if (!r.certificateEnabled || (r.eventStatus !== undefined && r.eventStatus !== 'published')) return 'disabled';
  if (r.status !== 'confirmed') return 'not_confirmed';
  if (!r.checkedInAt) return 'not_checked_in';
  if (r.endsAt > now) return 'not_ended';
  return null;
}

export function refusalError(refusal: CertificateRefusal): AppError {
  return new AppError('conflict', REFUSALS[refusal], { current: { refusal } });
}

export interface IssueOptions {
  /** How the request came: the person's link, their account, or the organiser's "issue to all". */
  via: 'registration_link' | 'account' | 'organiser';
  /** Overrides the kind's validity (tests of expiry; an organiser's short-lived certificate). */
  validUntil?: Date | null;
}

/** The registration's certificate, made now if it has none; `created` says which. */
export async function issueAttendance(ctx: Ctx, where: { tokenHash: string } | { id: string }, options: IssueOptions): Promise<{ id: string; created: boolean }> {
  const key = await activeSigningKey(ctx.db, ctx.config);
  return ctx.db.transaction().execute(async (trx) => issueAttendanceIn(ctx, trx, where, { ...options, key }));
}

/** The same inside the caller's transaction, signing with the key given. */
export async function issueAttendanceIn(ctx: Ctx, trx: Transaction<Database>, where: { tokenHash: string } | { id: string }, options: IssueOptions & { key: MultikeyPair }): Promise<{ id: string; created: boolean }> {
  const registration = await lockRegistration(trx, where);
  if (!registration) throw new AppError('not_found', 'Registration not found.');
  const existing = await certificateForRegistration(trx, registration.id);
  if (existing) return { id: existing.id, created: false };
  const refusal = refusalOf(registration, ctx.now);
  if (refusal) throw refusalError(refusal);
  const id = await makeAttendance(ctx, trx, registration, options);
  return { id, created: true };
}

async function makeAttendance(ctx: Ctx, trx: Transaction<Database>, registration: LockedRegistration, options: IssueOptions & { key: MultikeyPair }): Promise<string> {
  const facts = await eventFacts(trx, registration.eventId);
  const event = describeEvent(facts, registration.language);
  const labels = LABELS[event.language];
  const lead = event.organisations[0] ?? null;
  const validUntil = options.validUntil !== undefined ? options.validUntil : daysAfter(ctx.now, VALIDITY_DAYS.attendance);
  const credentialFacts: Omit<CredentialFacts, 'certificateId' | 'statusListIndex'> = {
    kind: 'attendance',
    subjectId: registration.eventId,
    title: event.title,
    description: event.summary || `${event.typeLabel}, ${event.dates}${event.place ? `, ${event.place}` : ''}`,
    narrative: labels.attendanceNarrative(event.typeLabel, event.title, event.dates),
    language: event.language,
    creator: lead,
    activity: { startDate: event.startDay, endDate: event.endDay },
    email: registration.email,
    issuedAt: ctx.now,
    validUntil,
  };
  const row = { kind: 'attendance' as const, eventId: registration.eventId, registrationId: registration.id, courseId: null, enrolmentId: null, accountId: registration.accountId, recipientName: registration.fullName, language: event.language };
  const id = await signAndInsert(ctx, trx, options.key, credentialFacts, row);
  if (!id) throw new AppError('conflict', 'The certificate was being issued by another request. Please try again.');
  await recordAudit(ctx, trx, { action: 'certificate.issued', entityType: 'certificate', entityId: id, organisationId: facts.organisationId, details: { kind: 'attendance', eventId: registration.eventId, registrationId: registration.id, via: options.via } });
  return id;
}

/**
 * The signing key, opened before a transaction: on embedded PGlite a query outside the open transaction would wait
 * for it to end, so the key (read or made once per process) must not be fetched from inside.
 */
export function prepareSigning(ctx: Ctx): Promise<MultikeyPair> {
  return activeSigningKey(ctx.db, ctx.config);
}

const daysAfter = (now: Date, days: number | null) => (days === null ? null : new Date(now.getTime() + days * 86_400_000));

type Row = Pick<CertificateInsert, 'kind' | 'eventId' | 'registrationId' | 'courseId' | 'enrolmentId' | 'accountId' | 'recipientName' | 'language'>;

/**
 * Takes a status list position, signs, stores. Null when the registration or enrolment got its certificate from a
 * parallel request meanwhile; a code collision (40 random bits) draws another code.
 */
export async function signAndInsert(ctx: Ctx, trx: Transaction<Database>, key: MultikeyPair, facts: Omit<CredentialFacts, 'certificateId' | 'statusListIndex'>, row: Row): Promise<string | null> {
  const statusListIndex = await nextStatusIndex(trx);
  if (statusListIndex >= STATUS_LIST_LENGTH) throw new AppError('unavailable', 'No more certificates can be issued until the status list is extended.');
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = randomUUID();
    const credential = await signCredential(key, buildCredential(ctx.config, { ...facts, certificateId: id, statusListIndex }), ctx.now);
    const values: CertificateInsert = { ...row, id, verificationCode: newVerificationCode(), issuedAt: facts.issuedAt, validUntil: facts.validUntil, statusListIndex, credential: JSON.stringify(credential) };
    const inserted = await insertCertificate(trx, values);
    if (inserted) return inserted.id;
    const taken = row.registrationId ? await certificateForRegistration(trx, row.registrationId) : row.enrolmentId ? await certificateForEnrolment(trx, row.enrolmentId) : null;
    if (taken) return null;
  }
  throw new AppError('conflict', 'The certificate could not be stored. Please try again.');
}
