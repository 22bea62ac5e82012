// Invitations: an organisation admin invites an email address with roles; the holder of the emailed token accepts.
import { z } from 'zod';
import { line, secret } from '../lib/input.ts';
import { LanguageSchema } from '../auth/me.schema.ts';
import { DateTime } from '../lib/datetime.ts';
import { RoleSchema, RoleSetSchema } from './member.schema.ts';

export const INVITATION_TTL_DAYS = 7;
export const DISPLAY_NAME_MAX = 120;

export const InvitationCreateSchema = z.object({
  email: line(254).pipe(z.email()),
  roles: RoleSetSchema,
});
export type InvitationCreate = z.infer<typeof InvitationCreateSchema>;

export const InvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  roles: z.array(RoleSchema),
  invitedByName: z.string().nullable(),
  createdAt: DateTime,
  expiresAt: DateTime,
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });
export type InvitationList = z.infer<typeof InvitationListSchema>;

export const InvitationIdParamsSchema = z.object({ id: z.uuid() });

/** Invitation tokens are 32 random bytes in base64url (43 characters). */
export const InvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a valid invitation link');

export const InvitationInspectSchema = z.object({ token: InvitationTokenSchema });
export type InvitationInspect = z.infer<typeof InvitationInspectSchema>;

/** What the accept page may show before anyone signs in: no email, no inviter. */
export const InvitationPreviewSchema = z.object({ organisationName: z.string(), roles: z.array(RoleSchema) });
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/** With displayName + password: a new account. With the token only: the signed-in account joins. */
export const InvitationAcceptSchema = z.object({
  token: InvitationTokenSchema,
  displayName: line(DISPLAY_NAME_MAX).min(1).optional(),
  password: secret(1024).optional(),
  /** The language the page was shown in: the new account keeps it. */
  language: LanguageSchema.optional(),
});
export type InvitationAccept = z.infer<typeof InvitationAcceptSchema>;

export const InvitationAcceptedSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  /** 'created': a new account, which signs in next. 'joined': the signed-in account gained a membership. */
  outcome: z.enum(['created', 'joined']),
});
export type InvitationAccepted = z.infer<typeof InvitationAcceptedSchema>;
