// Course certificates: for a signed-in learner whose enrolment is passed (through the learning contract), issued once
// per enrolment; parallel requests queue on the enrolment's row lock, and the unique column catches whatever gets past.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { IssuedCertificate } from '#shared/certificates/certificate.schema.ts';
import { LABELS, certificateLanguage, dayIn } from './certificate-labels.ts';
import { prepareSigning, signAndInsert, VALIDITY_DAYS } from './certificate-issue.service.ts';
import { certificateById, certificateForEnrolment } from './certificate.queries.ts';
import { present } from './certificate.service.ts';
import { courseContract } from './course-contract.ts';

/** The learner's certificate for a passed course, made now if there is none. */
export async function issueCourseCertificate(ctx: Ctx, enrolmentId: string, options: { validUntil?: Date | null } = {}): Promise<IssuedCertificate> {
  const actor = actorOf(ctx);
  const enrolment = await courseContract().passedEnrolment(ctx.db, enrolmentId);
  // NOTE: someone else's enrolment and a course not passed yet answer alike, revealing nothing about others.
  if (!enrolment || enrolment.accountId !== actor.accountId) throw new AppError('not_found', 'No passed course was found for this enrolment.');
  const existing = await certificateForEnrolment(ctx.db, enrolmentId);
  if (existing) return { certificate: present(ctx, existing), created: false };
  const language = certificateLanguage(actor.language);
  const course = await courseContract().courseTitle(ctx.db, enrolment.courseId, language);
  if (!course) throw new AppError('not_found', 'No passed course was found for this enrolment.');
  const key = await prepareSigning(ctx);
  const validUntil = options.validUntil !== undefined ? options.validUntil : VALIDITY_DAYS.course === null ? null : new Date(ctx.now.getTime() + VALIDITY_DAYS.course * 86_400_000);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // NOTE: the lock before signing: without it, parallel requests each took a status list position and signed a
    // credential before the unique column kept one (as attendance certificates lock the registration).
    await courseContract().lockEnrolment(trx, enrolmentId);
    const again = await certificateForEnrolment(trx, enrolmentId);
    if (again) return null;
    const passedDay = dayIn(enrolment.passedAt, 'UTC');
    const certificateId = await signAndInsert(
      ctx,
      trx,
      key,
      { kind: 'course', subjectId: enrolment.courseId, title: course.title, description: course.description || course.title, narrative: LABELS[language].courseNarrative(course.title), language, creator: enrolment.organisation, activity: { startDate: passedDay, endDate: passedDay }, email: actor.email, issuedAt: ctx.now, validUntil },
      { kind: 'course', eventId: null, registrationId: null, courseId: enrolment.courseId, enrolmentId, accountId: actor.accountId, recipientName: actor.displayName, language },
    );
    if (certificateId) await recordAudit(ctx, trx, { action: 'certificate.issued', entityType: 'certificate', entityId: certificateId, organisationId: enrolment.organisation?.id ?? null, details: { kind: 'course', courseId: enrolment.courseId, enrolmentId, via: 'account' } });
    return certificateId;
  });
  const row = id ? await certificateById(ctx.db, id) : await certificateForEnrolment(ctx.db, enrolmentId);
  if (!row) throw new AppError('conflict', 'The certificate could not be stored. Please try again.');
  return { certificate: present(ctx, row), created: id !== null };
}
