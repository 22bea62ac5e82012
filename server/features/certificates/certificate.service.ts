// The certificates people and organisers see: the person's list (signed in) or their registration's certificate
// (by the link's secret), the organiser's list for an event with "issue to all checked in", and revocation.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { mayManageEvent } from '#server/features/events/event.policy.ts';
import { sha256 } from '#server/lib/crypto.ts';
import type { CertificateSummary, EventCertificates, IssueAllResult, IssuedCertificate, MyCertificates, OrganiserCertificate, RegistrationCertificate } from '#shared/certificates/certificate.schema.ts';
import { issueAttendance, prepareSigning, refusalOf } from './certificate-issue.service.ts';
import {
  availableForAccount,
  certificateById,
  certificateForRegistration,
  certificatesOfAccount,
  certificatesOfEvent,
  countCheckedIn,
  eventOrganiserIds,
  eventTitle,
  findRegistrationByToken,
  isOwnRegistration,
  registrationsAwaitingCertificate,
  revokeRow,
  type CertificateSummaryRow,
} from './certificate.queries.ts';
import { verifyUrlOf } from './ob-urls.ts';

export function present(ctx: Pick<Ctx, 'config'>, r: CertificateSummaryRow): CertificateSummary {
  return {
    id: r.id,
    kind: r.kind,
    code: r.verificationCode,
    title: typeof r.credential.name === 'string' ? r.credential.name : '',
    recipientName: r.recipientName,
    issuedAt: r.issuedAt,
    validUntil: r.validUntil,
    revokedAt: r.revokedAt,
    verifyUrl: verifyUrlOf(ctx.config, r.verificationCode),
    version: r.version,
  };
}

/** The organisers' view: with the reason for a revocation, free text that may name people and goes to nobody else. */
function presentToOrganiser(ctx: Pick<Ctx, 'config'>, r: CertificateSummaryRow): OrganiserCertificate {
  return { ...present(ctx, r), revokedReason: r.revokedReason };
}

async function summaryOf(ctx: Ctx, id: string): Promise<CertificateSummary> {
  const row = await certificateById(ctx.db, id);
  if (!row) throw new AppError('not_found', 'Certificate not found.');
  return present(ctx, row);
}

/** For the registration page: may the holder of this link have a certificate, and do they have one. */
export async function registrationCertificate(ctx: Ctx, token: string): Promise<RegistrationCertificate> {
  const registration = await findRegistrationByToken(ctx.db, sha256(token));
  if (!registration) throw new AppError('not_found', 'Registration not found.');
  const existing = await certificateForRegistration(ctx.db, registration.id);
  if (existing) return { eligible: true, refusal: null, certificate: present(ctx, existing) };
  const refusal = refusalOf(registration, ctx.now);
  return { eligible: refusal === null, refusal, certificate: null };
}

/** The holder of the registration link asks for the certificate. */
export async function issueForToken(ctx: Ctx, token: string): Promise<IssuedCertificate> {
  const { id, created } = await issueAttendance(ctx, { tokenHash: sha256(token) }, { via: 'registration_link' });
  return { certificate: await summaryOf(ctx, id), created };
}

/** The signed-in person asks for the certificate of one of their own registrations. */
export async function issueForMyRegistration(ctx: Ctx, registrationId: string): Promise<IssuedCertificate> {
  const actor = actorOf(ctx);
  if (!(await isOwnRegistration(ctx.db, registrationId, actor.accountId))) throw new AppError('not_found', 'Registration not found.');
  const { id, created } = await issueAttendance(ctx, { id: registrationId }, { via: 'account' });
  return { certificate: await summaryOf(ctx, id), created };
}

/** The signed-in person's certificates, and the registrations that can have one now. */
export async function listMyCertificates(ctx: Ctx): Promise<MyCertificates> {
  const actor = actorOf(ctx);
  const rows = await certificatesOfAccount(ctx.db, actor.accountId);
  const available = await availableForAccount(ctx.db, actor.accountId, ctx.now);
  const titles = await Promise.all(available.map(async (a) => ({ registrationId: a.id, title: (await eventTitle(ctx.db, a.eventId, actor.language ?? a.language)).title })));
  return { certificates: rows.map((r) => present(ctx, r)), available: titles };
}

async function requireOrganiser(ctx: Ctx, eventId: string): Promise<void> {
  // NOTE: 404, not 403: an outsider must not learn that an event (perhaps a draft) exists.
  if (!mayManageEvent(ctx.actor, await eventOrganiserIds(ctx.db, eventId))) throw new AppError('not_found', 'Event not found.');
}

/** The organiser's view of an event's certificates. */
export async function listEventCertificates(ctx: Ctx, eventId: string): Promise<EventCertificates> {
  await requireOrganiser(ctx, eventId);
  const event = await eventTitle(ctx.db, eventId, ctx.actor?.language ?? 'en');
  const rows = await certificatesOfEvent(ctx.db, eventId);
  // NOTE: the list names the people who attended: audited like any organiser's read of a participant list (no names).
  await ctx.db.transaction().execute((trx) =>
    recordAudit(ctx, trx, { action: 'event.participants_read', entityType: 'event', entityId: eventId, details: { view: 'certificates', rows: rows.length } }),
  );
  return {
    eventId,
    title: event.title,
    ended: !!event.endsAt && event.endsAt <= ctx.now,
    certificateEnabled: event.certificateEnabled,
    checkedIn: await countCheckedIn(ctx.db, eventId),
    certificates: rows.map((r) => presentToOrganiser(ctx, r)),
  };
}

/** Issues a certificate to every checked-in, confirmed participant who has none yet (one transaction each). */
export async function issueToAllCheckedIn(ctx: Ctx, eventId: string): Promise<IssueAllResult> {
  await requireOrganiser(ctx, eventId);
  const event = await eventTitle(ctx.db, eventId, 'en');
  if (!event.certificateEnabled) throw new AppError('conflict', 'This event does not give certificates.', { current: { refusal: 'disabled' } });
  if (!event.endsAt || event.endsAt > ctx.now) throw new AppError('conflict', 'Certificates can be issued once the event has ended.', { current: { refusal: 'not_ended' } });
  await prepareSigning(ctx);
  let issued = 0;
  let alreadyIssued = 0;
  for (const r of await registrationsAwaitingCertificate(ctx.db, eventId)) {
    const result = await issueAttendance(ctx, { id: r.id }, { via: 'organiser' });
    if (result.created) issued++;
    else alreadyIssued++;
  }
  return { issued, alreadyIssued };
}

/** Revokes one of the event's certificates with a reason; the status list changes with it. */
export async function revokeCertificate(ctx: Ctx, id: string, input: { reason: string; version: number }): Promise<OrganiserCertificate> {
  const actor = actorOf(ctx);
  const row = await certificateById(ctx.db, id);
  if (!row || !row.eventId) throw new AppError('not_found', 'Certificate not found.');
  await requireOrganiser(ctx, row.eventId);
  if (row.revokedAt) throw new AppError('conflict', 'This certificate is already revoked.', { current: presentToOrganiser(ctx, row) });
  await ctx.db.transaction().execute(async (trx) => {
    const done = await revokeRow(trx, id, input.version, { revokedAt: ctx.now, revokedReason: input.reason, revokedBy: actor.accountId });
    if (!done) throw new AppError('conflict', 'The certificate changed meanwhile.', { current: presentToOrganiser(ctx, (await certificateById(trx, id))!) });
    await recordAudit(ctx, trx, { action: 'certificate.revoked', entityType: 'certificate', entityId: id, details: { eventId: row.eventId, fields: ['revokedReason'] } });
  });
  return presentToOrganiser(ctx, (await certificateById(ctx.db, id))!);
}
