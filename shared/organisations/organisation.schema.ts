// Organisations (tenants): the profile an organisation admin edits and the list a platform admin manages.
import { z } from 'zod';
import { line, Version } from '../lib/input.ts';
import { DateTime } from '../lib/datetime.ts';
import { OrganisationTypeSchema } from './organisation-types.ts';

/** Limits shared with the forms. */
export const ORGANISATION_LIMITS = { name: 200, city: 100, email: 254, phone: 40, website: 300 } as const;

/** A free-text field that may be left empty: '' and null both mean "not given". */
const optionalText = (max: number, check?: { test: (v: string) => boolean; message: string }) =>
  line(max)
    .refine((v) => v === '' || !check || check.test(v), check?.message)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const isEmail = { test: (v: string) => z.email().safeParse(v).success, message: 'Not a valid email address' };
const isWebsite = { test: (v: string) => z.url({ protocol: /^https?$/ }).safeParse(v).success, message: 'Use a full address starting with https://' };

export const OrganisationFieldsSchema = z.object({
  name: line(ORGANISATION_LIMITS.name).min(2),
  type: OrganisationTypeSchema,
  /** ISO 3166-1 alpha-2, upper case. */
  country: line(10)
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code (RO, NO, …)')),
  city: optionalText(ORGANISATION_LIMITS.city),
  email: optionalText(ORGANISATION_LIMITS.email, isEmail),
  phone: optionalText(ORGANISATION_LIMITS.phone),
  website: optionalText(ORGANISATION_LIMITS.website, isWebsite),
});

export const OrganisationCreateSchema = OrganisationFieldsSchema;
export type OrganisationCreate = z.infer<typeof OrganisationCreateSchema>;

/** An update replaces the whole profile; `version` is the one the editor started from. */
export const OrganisationUpdateSchema = OrganisationFieldsSchema.extend({ version: Version });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const OrganisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: OrganisationTypeSchema,
  country: z.string(),
  city: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: z.number().int(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationListItemSchema = OrganisationSchema.extend({ memberCount: z.number().int() });
export type OrganisationListItem = z.infer<typeof OrganisationListItemSchema>;

export const OrganisationListSchema = z.object({ organisations: z.array(OrganisationListItemSchema) });
export type OrganisationList = z.infer<typeof OrganisationListSchema>;

export const OrganisationIdParamsSchema = z.object({ id: z.uuid() });
