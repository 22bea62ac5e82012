// The person's own check-in code, asked for with the secret of their registration link (in the body, never a URL):
// only a confirmed place has one.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { sha256 } from '#server/lib/crypto.ts';
import type { RegistrationQr } from '#shared/events/check-in.schema.ts';
import { registrationByTokenHash } from './check-in.queries.ts';
import { shortCodeOf, signRegistrationCode } from './registration-code.ts';

/** The QR payload and short code of the registration this link's secret opens. */
export async function registrationQr(ctx: Ctx, token: string): Promise<RegistrationQr> {
  const registration = await registrationByTokenHash(ctx.db, sha256(token));
  if (!registration) throw new AppError('not_found', 'No such registration');
  if (registration.status !== 'confirmed' || registration.eventStatus === 'cancelled') {
    throw new AppError('conflict', 'Only a confirmed place has a check-in code');
  }
  const keys = ctx.config.blindIndexKeys;
  return { code: signRegistrationCode(keys, registration.id), shortCode: shortCodeOf(keys, registration.id) };
}
