// Certificates on the wire: the person's and the organiser's lists, issuing, revoking, and public verification (by
// code, or of a credential file) with the full claims, so an edited PDF cannot pass as "valid".
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { line, secret, text, Version } from '../lib/input.ts';

export const CERTIFICATE_KINDS = ['attendance', 'course'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Why a credential did not verify; null reason = valid. */
export const VERIFY_REASONS = ['tampered', 'revoked', 'expired', 'not_yet_valid', 'unknown_issuer', 'malformed'] as const;
export type VerifyReason = (typeof VERIFY_REASONS)[number];

/** Verification codes: PH-XXXX-XXXX over 32 letters and digits that cannot be mistaken for each other (no 0 O 1 I). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_PATTERN = /^PH-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$/;

/** A typed or scanned code: case and surrounding spaces do not matter. */
export const VerificationCode = z
  .string()
  .max(20)
  .regex(/^\s*[Pp][Hh]-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\s*$/, 'Not a verification code')
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(CODE_PATTERN, 'Not a verification code'));

export const CodeParamsSchema = z.object({ code: VerificationCode });
export const CertificateParamsSchema = z.object({ id: z.uuid() });
export const EventCertificatesParamsSchema = z.object({ id: z.uuid() });

/** The secret of a registration's own link, in a POST body (never in a URL). */
export const RegistrationTokenSchema = z.object({ token: secret(200).min(10) }).strict();
export const CourseCertificateRequestSchema = z.object({ enrolmentId: z.uuid() }).strict();
export const RevokeCertificateSchema = z.object({ reason: line(300).min(3), version: Version }).strict();

/** A credential file pasted or uploaded on the verification page, as its JSON text. */
export const CREDENTIAL_TEXT_MAX = 64_000;
export const VerifyCredentialRequestSchema = z.object({ credential: text(CREDENTIAL_TEXT_MAX).min(2) }).strict();

export const CredentialClaimsSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  issuerId: z.string(),
  issuerName: z.string().nullable(),
  achievementId: z.string().nullable(),
  achievementType: z.string().nullable(),
  achievementName: z.string(),
  achievementDescription: z.string().nullable(),
  criteria: z.string().nullable(),
  creatorName: z.string().nullable(),
  activityStartDate: z.string().nullable(),
  activityEndDate: z.string().nullable(),
  validFrom: DateTime,
  validUntil: DateTime.nullable(),
});
export type CredentialClaims = z.infer<typeof CredentialClaimsSchema>;

/** What our record says (shown beside the credential's own claims on /verify/:code). */
export const CertificateRecordSchema = z.object({
  code: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  recipientName: z.string(),
  title: z.string(),
  eventType: z.string().nullable(),
  startsAt: DateTime.nullable(),
  endsAt: DateTime.nullable(),
  place: z.string().nullable(),
  passedAt: DateTime.nullable(),
  organisations: z.array(z.string()),
  language: z.string(),
  issuedAt: DateTime,
  validUntil: DateTime.nullable(),
  /** Revoked and when; never why: the organiser's reason is free text that may name people. */
  revokedAt: DateTime.nullable(),
  verifyUrl: z.string(),
  credentialUrl: z.string(),
});
export type CertificateRecord = z.infer<typeof CertificateRecordSchema>;

export const VerificationSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(VERIFY_REASONS).nullable(),
  statusChecked: z.boolean(),
  claims: CredentialClaimsSchema.nullable(),
  /** Present when verifying by code, or when a file's credential is one of ours. */
  record: CertificateRecordSchema.nullable(),
});
export type Verification = z.infer<typeof VerificationSchema>;

/** One certificate in the holder's list (revoked and when, not why). */
export const CertificateSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  code: z.string(),
  title: z.string(),
  recipientName: z.string(),
  issuedAt: DateTime,
  validUntil: DateTime.nullable(),
  revokedAt: DateTime.nullable(),
  verifyUrl: z.string(),
  version: z.number().int(),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

/** One certificate in the organisers' list: with the reason they gave for revoking it, which only they see. */
export const OrganiserCertificateSchema = CertificateSummarySchema.extend({ revokedReason: z.string().nullable() });
export type OrganiserCertificate = z.infer<typeof OrganiserCertificateSchema>;

export const MyCertificatesSchema = z.object({
  certificates: z.array(CertificateSummarySchema),
  /** The person's registrations that can have a certificate now but have none yet. */
  available: z.array(z.object({ registrationId: z.uuid(), title: z.string() })),
});
export const RegistrationParamsSchema = z.object({ registrationId: z.uuid() });
export type MyCertificates = z.infer<typeof MyCertificatesSchema>;

export const IssuedCertificateSchema = z.object({ certificate: CertificateSummarySchema, created: z.boolean() });
export type IssuedCertificate = z.infer<typeof IssuedCertificateSchema>;

/** Whether the registration's holder may have a certificate now, and if not, why. */
export const CERTIFICATE_REFUSALS = ['not_checked_in', 'not_ended', 'not_confirmed', 'disabled'] as const;
export type CertificateRefusal = (typeof CERTIFICATE_REFUSALS)[number];
export const RegistrationCertificateSchema = z.object({
  eligible: z.boolean(),
  refusal: z.enum(CERTIFICATE_REFUSALS).nullable(),
  certificate: CertificateSummarySchema.nullable(),
});
export type RegistrationCertificate = z.infer<typeof RegistrationCertificateSchema>;

export const EventCertificatesSchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  ended: z.boolean(),
  certificateEnabled: z.boolean(),
  checkedIn: z.number().int(),
  certificates: z.array(OrganiserCertificateSchema),
});
export type EventCertificates = z.infer<typeof EventCertificatesSchema>;

export const IssueAllResultSchema = z.object({ issued: z.number().int(), alreadyIssued: z.number().int() });
export type IssueAllResult = z.infer<typeof IssueAllResultSchema>;
