// Members of an organisation: an account's membership with its roles, as an organisation admin sees it.
import { z } from 'zod';
import { Version } from '../lib/input.ts';
import { ROLES } from '../auth/roles.ts';
import { DateTime } from '../lib/datetime.ts';

export const RoleSchema = z.enum(ROLES);

/** A set of roles: at least one, no repeats (order is kept as given, duplicates removed). */
export const RoleSetSchema = z
  .array(RoleSchema)
  .min(1, 'Choose at least one role')
  .transform((roles) => [...new Set(roles)]);

export const MemberSchema = z.object({
  /** The membership id: members are addressed by it, never by account id. */
  id: z.uuid(),
  /** The member's account, for filters that name a person (the audit trail's "who"); changes address the membership. */
  accountId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(RoleSchema),
  twoFactorEnabled: z.boolean(),
  lastSignInAt: DateTime.nullable(),
  joinedAt: DateTime,
  version: z.number().int(),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z.object({ members: z.array(MemberSchema) });
export type MemberList = z.infer<typeof MemberListSchema>;

export const MemberRolesUpdateSchema = z.object({ roles: RoleSetSchema, version: Version });
export type MemberRolesUpdate = z.infer<typeof MemberRolesUpdateSchema>;

export const MemberIdParamsSchema = z.object({ id: z.uuid() });
