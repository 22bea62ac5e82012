// Requests for an account: what a professional without one sends, and what an organisation admin sees and decides.
import { z } from 'zod';
import type { Role } from '../auth/roles.ts';
import { LanguageSchema } from '../auth/me.schema.ts';
import { DateTime } from '../lib/datetime.ts';
import { line } from '../lib/input.ts';
import { RoleSetSchema } from '../organisations/member.schema.ts';

export const PROFESSIONS = ['physician', 'nurse', 'midwife', 'psychologist', 'social_worker', 'legal_advisor', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** The role an approving admin starts from, by profession: the least that fits ("other" gets participant). */
export const SUGGESTED_ROLE: Record<Profession, Role> = {
  physician: 'medical_professional',
  nurse: 'medical_professional',
  midwife: 'medical_professional',
  psychologist: 'psychologist',
  social_worker: 'social_worker',
  legal_advisor: 'legal_advisor',
  other: 'participant',
};

/** Countries the form lists first; any other ISO 3166-1 alpha-2 code is accepted too. */
export const LISTED_COUNTRIES = ['RO', 'NO', 'MD', 'BG', 'HU', 'UA', 'DE', 'IT', 'ES', 'FR', 'GB', 'SE', 'DK'] as const;

export const ACCESS_REQUEST_LIMITS = { name: 120, email: 254, professionOther: 120, institution: 160 } as const;

export const AccessRequestCreateSchema = z
  .object({
    name: line(ACCESS_REQUEST_LIMITS.name).min(2, 'Write your name'),
    email: line(ACCESS_REQUEST_LIMITS.email).pipe(z.email('Not a valid email address')),
    profession: z.enum(PROFESSIONS),
    professionOther: line(ACCESS_REQUEST_LIMITS.professionOther).optional(),
    institution: line(ACCESS_REQUEST_LIMITS.institution).min(2, 'Write where you work'),
    country: line(10)
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code (RO, NO, …)')),
    /** null: "I don't know" — the platform admins place the request. */
    organisationId: z.uuid().nullable(),
    language: LanguageSchema,
  })
  .superRefine((v, ctx) => {
    if (v.profession === 'other' && !v.professionOther) ctx.addIssue({ code: 'custom', path: ['professionOther'], message: 'Write your profession' });
  });
export type AccessRequestCreate = z.infer<typeof AccessRequestCreateSchema>;

export const ListedOrganisationSchema = z.object({ id: z.uuid(), name: z.string() });
export const ListedOrganisationListSchema = z.object({ organisations: z.array(ListedOrganisationSchema) });
export type ListedOrganisationList = z.infer<typeof ListedOrganisationListSchema>;

export const AccessRequestSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  profession: z.enum(PROFESSIONS),
  professionOther: z.string().nullable(),
  institution: z.string(),
  country: z.string(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  language: LanguageSchema,
  createdAt: DateTime,
  version: z.number().int(),
});
export type AccessRequest = z.infer<typeof AccessRequestSchema>;

export const AccessRequestListSchema = z.object({
  requests: z.array(AccessRequestSchema),
  /** Whether the actor's organisation is offered on the request form; null when the actor acts for none. */
  listed: z.boolean().nullable(),
});
export type AccessRequestList = z.infer<typeof AccessRequestListSchema>;

export const AccessRequestIdParamsSchema = z.object({ id: z.uuid() });

export const AccessRequestApproveSchema = z.object({
  /** Platform admins place an "I don't know" request (or move one); organisation admins leave it out. */
  organisationId: z.uuid().optional(),
  roles: RoleSetSchema,
});
export type AccessRequestApprove = z.infer<typeof AccessRequestApproveSchema>;

export const AccessRequestListingSchema = z.object({ listed: z.boolean() });
export type AccessRequestListing = z.infer<typeof AccessRequestListingSchema>;

export const AccessRequestHandledSchema = z.object({ status: z.enum(['approved', 'declined']), invitationId: z.uuid().nullable() });
export type AccessRequestHandled = z.infer<typeof AccessRequestHandledSchema>;
