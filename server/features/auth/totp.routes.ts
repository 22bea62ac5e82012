// Two-factor routes: enrolment, the sign-in code step, recovery codes, switching off.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  CurrentPasswordSchema,
  OkSchema,
  RecoveryCodesSchema,
  SignInResultSchema,
  TotpCodeSchema,
  TotpConfirmResultSchema,
  TotpEnrolmentSchema,
  TwoFactorStatusSchema,
} from '#shared/auth/sign-in.schema.ts';
import { setSessionCookie } from './session.hook.ts';
import {
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from './totp.service.ts';

export function registerTotpRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  r.post(
    '/api/auth/totp',
    { config: { access: access.signInStep() }, schema: { tags, body: TotpCodeSchema, response: { 200: SignInResultSchema } } },
    async (request, reply) => {
      const { token, signInStep } = await verifySecondFactor(ctxOf(request, deps), request.body.code);
      if (token) setSessionCookie(reply, deps, token);
      return { signInStep };
    },
  );
  r.post(
    '/api/auth/totp/enrol/start',
    { config: { access: access.signInStep() }, schema: { tags, response: { 200: TotpEnrolmentSchema } } },
    async (request) => startTotpEnrolment(ctxOf(request, deps)),
  );
  r.post(
    '/api/auth/totp/enrol/confirm',
    { config: { access: access.signInStep() }, schema: { tags, body: TotpCodeSchema, response: { 200: TotpConfirmResultSchema } } },
    async (request, reply) => {
      const { token, ...result } = await confirmTotpEnrolment(ctxOf(request, deps), request.body.code);
      setSessionCookie(reply, deps, token);
      return result;
    },
  );
  r.get(
    '/api/auth/totp',
    { config: { access: access.signedIn() }, schema: { tags, response: { 200: TwoFactorStatusSchema } } },
    async (request) => twoFactorStatus(ctxOf(request, deps)),
  );
  r.post(
    '/api/auth/totp/recovery-codes',
    { config: { access: access.signedIn() }, schema: { tags, body: CurrentPasswordSchema, response: { 200: RecoveryCodesSchema } } },
    async (request) => regenerateRecoveryCodes(ctxOf(request, deps), request.body.currentPassword),
  );
  r.post(
    '/api/auth/totp/disable',
    { config: { access: access.signedIn() }, schema: { tags, body: CurrentPasswordSchema, response: { 200: OkSchema } } },
    async (request) => {
      await disableTotp(ctxOf(request, deps), request.body.currentPassword);
      return { ok: true as const };
    },
  );
}
