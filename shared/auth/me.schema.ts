// GET /api/me: who is signed in, in which organisation, and how far through sign-in they are.
import { z } from 'zod';
import { LANGUAGES } from '../lib/languages.ts';
import { ROLES } from './roles.ts';

export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** 'done': fully signed in; 'totp': password given, code due; 'enrol_totp': must set up two-factor before going on. */
export const SignInStepSchema = z.enum(['done', 'totp', 'enrol_totp']);
export type SignInStep = z.infer<typeof SignInStepSchema>;

export const MembershipSummarySchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  roles: z.array(z.enum(ROLES)),
});

/**
 * Until the sign-in step is 'done' (a password-only session), only what that step needs: no name or platform role,
 * no organisation (null), no roles or memberships (empty).
 */
export const MeSchema = z.object({
  account: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string().optional(),
    language: LanguageSchema.nullable(),
    isPlatformAdmin: z.boolean().optional(),
    twoFactorEnabled: z.boolean(),
    twoFactorRequired: z.boolean(),
  }),
  signInStep: SignInStepSchema,
  /** The organisation the session acts for; null for an account without memberships. */
  organisationId: z.uuid().nullable(),
  roles: z.array(z.enum(ROLES)),
  memberships: z.array(MembershipSummarySchema),
});
export type Me = z.infer<typeof MeSchema>;
