// Certificates in SQL: the registration and event facts a certificate is made from, the rows themselves, revocation.
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import type { CertificateTable } from '#server/db/schema-certificates.ts';

type Q = Db | Transaction<Database>;

const SUMMARY = ['certificate.id', 'certificate.kind', 'certificate.verificationCode', 'certificate.recipientName', 'certificate.issuedAt', 'certificate.validUntil', 'certificate.revokedAt', 'certificate.revokedReason', 'certificate.version', 'certificate.credential', 'certificate.eventId', 'certificate.courseId', 'certificate.language'] as const;

/** The registration with what eligibility needs, locked so that parallel requests for one registration queue here. */
export function lockRegistration(trx: Transaction<Database>, where: { tokenHash: string } | { id: string }) {
  let q = trx
    .selectFrom('registration')
    .innerJoin('event', 'event.id', 'registration.eventId')
    .select(['registration.id', 'registration.eventId', 'registration.accountId', 'registration.fullName', 'registration.email', 'registration.language', 'registration.status', 'registration.checkedInAt', 'event.endsAt', 'event.certificateEnabled', 'event.status as eventStatus']);
  q = 'tokenHash' in where ? q.where('registration.manageTokenHash', '=', where.tokenHash) : q.where('registration.id', '=', where.id);
  return q.forUpdate('registration').executeTakeFirst();
}
export type LockedRegistration = NonNullable<Awaited<ReturnType<typeof lockRegistration>>>;

export function findRegistrationByToken(db: Q, tokenHash: string) {
  return db
    .selectFrom('registration')
    .innerJoin('event', 'event.id', 'registration.eventId')
    .select(['registration.id', 'registration.status', 'registration.checkedInAt', 'event.endsAt', 'event.certificateEnabled'])
    .where('registration.manageTokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** The event as a certificate describes it: texts in every language, dates, place, organising organisations. */
export async function eventFacts(db: Q, eventId: string) {
  const event = await db
    .selectFrom('event')
    .select(['id', 'organisationId', 'type', 'sourceLanguage', 'startsAt', 'endsAt', 'timeZone', 'venueName', 'venueCity', 'country', 'attendanceMode'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const texts = await db.selectFrom('eventText').select(['language', 'title', 'summary']).where('eventId', '=', eventId).execute();
  const organisations = await db
    .selectFrom('eventOrganiser')
    .innerJoin('organisation', 'organisation.id', 'eventOrganiser.organisationId')
    .select(['organisation.id', 'organisation.name'])
    .where('eventOrganiser.eventId', '=', eventId)
    .orderBy(sql`organisation.id = ${event.organisationId}`, 'desc')
    .orderBy('organisation.name')
    .execute();
  return { ...event, texts, organisations };
}
export type EventFacts = Awaited<ReturnType<typeof eventFacts>>;

/** A published event that gives certificates (its achievement is public). */
export async function isCertifyingEvent(db: Q, id: string): Promise<boolean> {
  return !!(await db.selectFrom('event').select('id').where('id', '=', id).where('status', '=', 'published').where('certificateEnabled', '=', true).executeTakeFirst());
}

/** True when at least one certificate (revoked ones too) was issued for the event or course: its credentials name the achievement. */
export async function hasIssuedCertificate(db: Q, kind: 'event' | 'course', id: string): Promise<boolean> {
  const q = db.selectFrom('certificate').select('id');
  return !!(await (kind === 'event' ? q.where('eventId', '=', id) : q.where('courseId', '=', id)).limit(1).executeTakeFirst());
}

export function eventOrganiserIds(db: Q, eventId: string): Promise<string[]> {
  return db.selectFrom('eventOrganiser').select('organisationId').where('eventId', '=', eventId).execute().then((rows) => rows.map((r) => r.organisationId));
}

export function nextStatusIndex(trx: Q): Promise<number> {
  return sql<{ n: number }>`select nextval('certificate_status_index_seq')::int as n`.execute(trx).then((r) => r.rows[0]!.n);
}

export function certificateForRegistration(db: Q, registrationId: string) {
  return db.selectFrom('certificate').select(SUMMARY).where('registrationId', '=', registrationId).executeTakeFirst();
}

export async function isOwnRegistration(db: Q, id: string, accountId: string): Promise<boolean> {
  return !!(await db.selectFrom('registration').select('id').where('id', '=', id).where('accountId', '=', accountId).executeTakeFirst());
}

export function certificateForEnrolment(db: Q, enrolmentId: string) {
  return db.selectFrom('certificate').select(SUMMARY).where('enrolmentId', '=', enrolmentId).executeTakeFirst();
}

export type CertificateInsert = Omit<CertificateTable, 'id' | 'createdAt' | 'version' | 'revokedAt' | 'revokedReason' | 'revokedBy' | 'credential'> & { id: string; credential: string };

/** Inserts unless the registration, enrolment or code already has one; returns the row or nothing. */
export function insertCertificate(trx: Q, values: CertificateInsert) {
  return trx.insertInto('certificate').values(values).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
}

export function certificateById(db: Q, id: string) {
  return db.selectFrom('certificate').select([...SUMMARY, 'certificate.accountId', 'certificate.enrolmentId', 'certificate.registrationId']).where('id', '=', id).executeTakeFirst();
}

export function certificateByCode(db: Q, code: string) {
  return db.selectFrom('certificate').select([...SUMMARY, 'certificate.accountId', 'certificate.enrolmentId', 'certificate.registrationId']).where('verificationCode', '=', code).executeTakeFirst();
}
export type CertificateRow = NonNullable<Awaited<ReturnType<typeof certificateById>>>;
export type CertificateSummaryRow = NonNullable<Awaited<ReturnType<typeof certificateForRegistration>>>;

export function certificatesOfAccount(db: Q, accountId: string) {
  return db.selectFrom('certificate').select(SUMMARY).where('accountId', '=', accountId).orderBy('issuedAt', 'desc').orderBy('id').limit(500).execute();
}

export function certificatesOfEvent(db: Q, eventId: string) {
  return db.selectFrom('certificate').select(SUMMARY).where('eventId', '=', eventId).orderBy('recipientName').orderBy('id').limit(5000).execute();
}

/** The ids of the event's checked-in, confirmed registrations that have no certificate yet (unordered). */
function awaitingCertificate(db: Q, eventId: string) {
  return db
    .selectFrom('registration')
    .leftJoin('certificate', 'certificate.registrationId', 'registration.id')
    .select('registration.id')
    .where('registration.eventId', '=', eventId)
    .where('registration.status', '=', 'confirmed')
    .where('registration.checkedInAt', 'is not', null)
    .where('certificate.id', 'is', null);
}

/** Checked-in, confirmed registrations of the event that have no certificate yet. */
export function registrationsAwaitingCertificate(db: Q, eventId: string) {
  return awaitingCertificate(db, eventId).orderBy('registration.id').execute();
}

export function countCheckedIn(db: Q, eventId: string): Promise<number> {
  return db
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('eventId', '=', eventId)
    .where('status', '=', 'confirmed')
    .where('checkedInAt', 'is not', null)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Eligible registrations of the account (checked in, confirmed, ended, enabled) that have no certificate yet. */
export function availableForAccount(db: Q, accountId: string, now: Date) {
  return db
    .selectFrom('registration')
    .innerJoin('event', 'event.id', 'registration.eventId')
    .leftJoin('certificate', 'certificate.registrationId', 'registration.id')
    .select(['registration.id', 'registration.eventId', 'registration.language'])
    .where('registration.accountId', '=', accountId)
    .where('registration.status', '=', 'confirmed')
    .where('registration.checkedInAt', 'is not', null)
    .where('event.endsAt', '<=', now)
    .where('event.certificateEnabled', '=', true)
    .where('certificate.id', 'is', null)
    .orderBy('event.endsAt', 'desc')
    .limit(100)
    .execute();
}

/** Revokes if the row is still at `version` and not revoked; returns the new row or nothing. */
export function revokeRow(trx: Q, id: string, version: number, values: { revokedAt: Date; revokedReason: string; revokedBy: string }) {
  return trx
    .updateTable('certificate')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('revokedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export function eventTitle(db: Q, eventId: string, language: string) {
  return db
    .selectFrom('event')
    .innerJoin('eventText', 'eventText.eventId', 'event.id')
    .select(['eventText.title', 'eventText.language', 'event.sourceLanguage', 'event.endsAt', 'event.certificateEnabled'])
    .where('event.id', '=', eventId)
    .execute()
    .then((rows) => ({ title: (rows.find((r) => r.language === language) ?? rows.find((r) => r.language === r.sourceLanguage) ?? rows[0])?.title ?? '', endsAt: rows[0]?.endsAt ?? null, certificateEnabled: rows[0]?.certificateEnabled ?? false }));
}

/** Checked-in, confirmed registrations of an event without a certificate: the account's first, then by name. */
export function demoCandidates(trx: Q, eventId: string, accountId: string | null, limit: number) {
  return awaitingCertificate(trx, eventId)
    .orderBy(sql`registration.account_id is not distinct from ${accountId}`, 'desc')
    .orderBy('registration.fullName')
    .limit(limit)
    .execute();
}

export async function eventExists(trx: Q, id: string): Promise<boolean> {
  return !!(await trx.selectFrom('event').select('id').where('id', '=', id).executeTakeFirst());
}
