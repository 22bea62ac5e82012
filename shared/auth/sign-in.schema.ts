// Sign-in, two-factor and password-reset contracts.
import { z } from 'zod';
import { line, secret } from '../lib/input.ts';
import { SignInStepSchema } from './me.schema.ts';
import { PASSWORD_MAX } from './password-policy.ts';

export const EmailSchema = line(254).min(3).pipe(z.email());

export const SignInSchema = z.object({
  email: EmailSchema,
  // NOTE: only bounded here; the policy applies when a password is chosen, not when it is typed to sign in.
  password: secret(PASSWORD_MAX * 4).min(1),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const SignInResultSchema = z.object({ signInStep: SignInStepSchema });
export type SignInResult = z.infer<typeof SignInResultSchema>;

/** A 6-digit authenticator code, or a recovery code (letters and digits, dashes and spaces ignored). */
export const TotpCodeSchema = z.object({ code: line(40).min(6) });
export type TotpCode = z.infer<typeof TotpCodeSchema>;

export const TotpEnrolmentSchema = z.object({
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: z.string(),
  /** The otpauth URI as a QR code image (data:image/svg+xml URL). */
  qrDataUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

export const TotpConfirmResultSchema = RecoveryCodesSchema.extend({ signInStep: SignInStepSchema });

export const CurrentPasswordSchema = z.object({ currentPassword: secret(PASSWORD_MAX * 4).min(1) });
export type CurrentPassword = z.infer<typeof CurrentPasswordSchema>;

export const TwoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatusSchema>;

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

export const PasswordResetCompleteSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a valid link'),
  password: secret(PASSWORD_MAX * 4),
});
export type PasswordResetComplete = z.infer<typeof PasswordResetCompleteSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
