// The Open Badges 3.0 credential of one certificate, before signing (pure). The person is named by a salted hash of
// their e-mail only (OB 3.0 AchievementSubject.identifier): the file travels to employers, so it carries no plain
// e-mail and no name. The PDF and the verification page show the name from our record, tied to the code.
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '#server/config.ts';
import { OB_V3, VC_V2 } from './ob-contexts.ts';
import { achievementIdOf, issuerIdOf, siteUrlOf, statusListIdOf } from './ob-urls.ts';

export const PLATFORM_NAME = 'Pro Health';

export interface CredentialFacts {
  certificateId: string;
  kind: 'attendance' | 'course';
  /** The event's or the course's id: the achievement's address. */
  subjectId: string;
  title: string;
  description: string;
  narrative: string;
  language: string;
  /** The organisation that ran the event or course (the achievement's creator). */
  creator: { id: string; name: string } | null;
  /** Event days (YYYY-MM-DD), for attendance. */
  activity: { startDate: string; endDate: string } | null;
  email: string;
  issuedAt: Date;
  validUntil: Date | null;
  statusListIndex: number;
}

/** OB 3.0 achievementType: attending a training is "completion" of it; a course is a "Course". */
const ACHIEVEMENT_TYPES = { attendance: 'CertificateOfCompletion', course: 'Course' } as const;

/** "sha256$<hex>" of the lower-cased e-mail followed by the salt, as OB 3.0 recipient checks expect. */
export function identityHash(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`;
}

const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export function issuerProfile(config: Pick<Config, 'publicUrl'>) {
  return { id: issuerIdOf(config), type: ['Profile'], name: PLATFORM_NAME, url: siteUrlOf(config) };
}

/** The unsigned credential. */
export function buildCredential(config: Pick<Config, 'publicUrl'>, f: CredentialFacts): Record<string, unknown> {
  const salt = randomBytes(16).toString('hex');
  const kind = f.kind === 'attendance' ? 'event' : 'course';
  const achievement = {
    id: achievementIdOf(config, kind, f.subjectId),
    type: ['Achievement'],
    achievementType: ACHIEVEMENT_TYPES[f.kind],
    name: f.title,
    description: f.description,
    criteria: { narrative: f.narrative },
    inLanguage: f.language,
    ...(f.creator ? { creator: { id: `urn:uuid:${f.creator.id}`, type: ['Profile'], name: f.creator.name } } : {}),
  };
  const statusList = statusListIdOf(config);
  return {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${f.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile(config),
    validFrom: isoSeconds(f.issuedAt),
    ...(f.validUntil ? { validUntil: isoSeconds(f.validUntil) } : {}),
    name: f.title,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: identityHash(f.email, salt), salt }],
      ...(f.activity ? { activityStartDate: f.activity.startDate, activityEndDate: f.activity.endDate } : {}),
      achievement,
    },
    credentialStatus: {
      id: `${statusList}#${f.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(f.statusListIndex),
      statusListCredential: statusList,
    },
  };
}
