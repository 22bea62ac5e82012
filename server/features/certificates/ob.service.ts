// The public Open Badges documents: the issuer (Profile and keys), an achievement, the status list, a credential.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { LABELS } from './certificate-labels.ts';
import { certificateByCode, eventFacts, hasIssuedCertificate, isCertifyingEvent } from './certificate.queries.ts';
import { describeEvent } from './certificate-facts.ts';
import { courseContract } from './course-contract.ts';
import { OB_V3, VC_V2 } from './ob-contexts.ts';
import { achievementIdOf } from './ob-urls.ts';

export { issuerDocument, statusListCredential } from './ob-sign.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The achievement an event's or course's certificates point to, in English (its criteria in words). */
export async function achievementDocument(ctx: Ctx, ref: string): Promise<Record<string, unknown>> {
  const [kind, id] = [ref.slice(0, ref.indexOf('-')), ref.slice(ref.indexOf('-') + 1)];
  const notFound = new AppError('not_found', 'Not found.');
  if (!UUID.test(id) || (kind !== 'event' && kind !== 'course')) throw notFound;
  if (!(await isPublicAchievement(ctx, kind, id))) throw notFound;
  if (kind === 'event') {
    const event = describeEvent(await eventFacts(ctx.db, id), 'en');
    return achievement(ctx, 'event', id, event.title, event.summary || event.title, LABELS.en.attendanceNarrative(event.typeLabel, event.title, event.dates));
  }
  const course = await courseContract().courseTitle(ctx.db, id, 'en');
  if (!course) throw notFound;
  return achievement(ctx, 'course', id, course.title, course.description || course.title, LABELS.en.courseNarrative(course.title));
}

// NOTE: a draft's title is not public, so its achievement answers 404 like an unknown id. It is public once its event
// or course is published and gives certificates, or once a certificate names it (even after a cancellation or a
// course taken back to draft, since issued credentials still point to it).
async function isPublicAchievement(ctx: Ctx, kind: 'event' | 'course', id: string): Promise<boolean> {
  const certifies = kind === 'event' ? await isCertifyingEvent(ctx.db, id) : await courseContract().isCertifyingCourse(ctx.db, id);
  return certifies || hasIssuedCertificate(ctx.db, kind, id);
}

function achievement(ctx: Ctx, kind: 'event' | 'course', id: string, name: string, description: string, narrative: string) {
  return { '@context': [VC_V2, OB_V3], id: achievementIdOf(ctx.config, kind, id), type: ['Achievement'], achievementType: kind === 'event' ? 'CertificateOfCompletion' : 'Course', name, description, criteria: { narrative } };
}

/** The signed credential of a certificate, as issued (revoked ones too: the status list says they are revoked). */
export async function credentialDocument(ctx: Ctx, code: string): Promise<Record<string, unknown>> {
  const row = await certificateByCode(ctx.db, code);
  if (!row) throw new AppError('not_found', 'Not found.');
  return row.credential;
}
