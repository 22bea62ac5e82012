// Sign-in, two-factor and password-reset contracts.
import { z } from 'zod';
import { SignInStepSchema } from './me.schema.ts';
import { PASSWORD_MAX } from './password-policy.ts';

export const EmailSchema = z.string().trim().min(3).max(254).pipe(z.email());

export const SignInSchema = z.object({
  email: EmailSchema,
  // NOTE: only bounded here; the policy applies when a password is chosen, not when it is typed to sign in.
  password: z.string().min(1).max(PASSWORD_MAX * 4),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const SignInResultSchema = z.object({ signInStep: SignInStepSchema });
export type SignInResult = z.infer<typeof SignInResultSchema>;

/** A 6-digit authenticator code, or a recovery code (letters and digits, dashes and spaces ignored). */
export const TotpCodeSchema = z.object({ code: z.string().trim().min(6).max(40) });
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

export const CurrentPasswordSchema = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX * 4) });
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
  token: z.string().min(20).max(100),
  password: z.string().max(PASSWORD_MAX * 4),
});
export type PasswordResetComplete = z.infer<typeof PasswordResetCompleteSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
