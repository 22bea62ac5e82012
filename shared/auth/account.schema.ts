// Account settings contracts: sessions, language, active organisation, password change.
import { z } from 'zod';
import { secret } from '../lib/input.ts';
import { DateTime } from '../lib/datetime.ts';
import { LanguageSchema } from './me.schema.ts';
import { PASSWORD_MAX } from './password-policy.ts';

export const BROWSERS = ['edge', 'chrome', 'firefox', 'safari', 'opera', 'other'] as const;
export const OPERATING_SYSTEMS = ['windows', 'macos', 'ios', 'android', 'linux', 'chromeos', 'other'] as const;

export const SessionSummarySchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  browser: z.enum(BROWSERS),
  os: z.enum(OPERATING_SYSTEMS),
  createdAt: DateTime,
  lastSeenAt: DateTime,
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const SessionListSchema = z.object({ sessions: z.array(SessionSummarySchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

export const SessionIdParamsSchema = z.object({ id: z.uuid() });

export const SignedOutCountSchema = z.object({ signedOut: z.number().int() });

export const LanguageUpdateSchema = z.object({ language: LanguageSchema });
export type LanguageUpdate = z.infer<typeof LanguageUpdateSchema>;

export const OrganisationSwitchSchema = z.object({ organisationId: z.uuid() });
export type OrganisationSwitch = z.infer<typeof OrganisationSwitchSchema>;

export const PasswordChangeSchema = z.object({
  currentPassword: secret(PASSWORD_MAX * 4).min(1),
  newPassword: secret(PASSWORD_MAX * 4),
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;
