// The account feature: GET /api/me and the account's own settings (language, organisation, password, sessions).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { changePassword } from '#server/features/auth/password-change.service.ts';
import { LanguageUpdateSchema, OrganisationSwitchSchema, PasswordChangeSchema } from '#shared/auth/account.schema.ts';
import { MeSchema } from '#shared/auth/me.schema.ts';
import { OkSchema } from '#shared/auth/sign-in.schema.ts';
import { getMe, saveLanguage, switchOrganisation } from './me.service.ts';
import { registerSessionRoutes } from './sessions.routes.ts';

export function register(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['account'];
  r.get(
    '/api/me',
    { config: { access: access.signInStep() }, schema: { tags, response: { 200: MeSchema } } },
    async (request) => getMe(ctxOf(request, deps)),
  );
  r.put(
    '/api/me/language',
    { config: { access: access.signedIn() }, schema: { tags, body: LanguageUpdateSchema, response: { 200: OkSchema } } },
    async (request) => {
      await saveLanguage(ctxOf(request, deps), request.body.language);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/me/organisation',
    { config: { access: access.signedIn() }, schema: { tags, body: OrganisationSwitchSchema, response: { 200: MeSchema } } },
    async (request) => switchOrganisation(ctxOf(request, deps), request.body.organisationId),
  );
  r.put(
    '/api/me/password',
    { config: { access: access.signedIn() }, schema: { tags, body: PasswordChangeSchema, response: { 200: OkSchema } } },
    async (request) => {
      await changePassword(ctxOf(request, deps), request.body);
      return { ok: true as const };
    },
  );
  registerSessionRoutes(app, deps);
}
