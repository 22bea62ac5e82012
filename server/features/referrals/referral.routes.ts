// Referrals and the consent ledger over HTTP: for professionals and case managers (CASE_DATA_ROLES) of the sending
// or receiving organisation; answer times for organisation admins. Every record is scoped to the actor's organisation.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import { ConsentCreateSchema, ConsentListQuerySchema, ConsentListSchema, ConsentParamsSchema, ConsentViewSchema } from '#shared/referrals/consent.schema.ts';
import {
  ReferralCreateSchema,
  ReferralDetailSchema,
  ReferralIdParamsSchema,
  ReferralListQuerySchema,
  ReferralListSchema,
  ReferralPackageInputSchema,
  ReferralSettingsSchema,
  ReferralSettingsUpdateSchema,
  ReferralStatusChangeSchema,
} from '#shared/referrals/referral.schema.ts';
import { getConsent, listOrganisationConsents, recordConsent, withdrawConsent } from './consent.service.ts';
import { changeStatus, referralLetter } from './referral-actions.service.ts';
import { getReferralSettings, updateReferralSettings } from './referral-setting.service.ts';
import { createReferral, getReferral, listOrganisationReferrals, newPackageVersion } from './referral.service.ts';

const LetterQuerySchema = z.object({ lang: z.enum(['en', 'ro', 'nb']).optional() }).strict();

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.roles(...CASE_DATA_ROLES) };
  const tags = ['referrals'];
  const detail = { response: { 200: ReferralDetailSchema } };
  const consent = { response: { 200: ConsentViewSchema } };

  app.get('/api/referrals', { config, schema: { tags, querystring: ReferralListQuerySchema, response: { 200: ReferralListSchema } } }, async (request) =>
    listOrganisationReferrals(ctxOf(request, deps), request.query),
  );
  app.post('/api/referrals', { config, schema: { tags, body: ReferralCreateSchema, response: { 201: ReferralDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await createReferral(ctxOf(request, deps), request.body)),
  );
  app.get('/api/referrals/:id', { config, schema: { tags, params: ReferralIdParamsSchema, ...detail } }, async (request) => getReferral(ctxOf(request, deps), request.params.id));
  app.post('/api/referrals/:id/status', { config, schema: { tags, params: ReferralIdParamsSchema, body: ReferralStatusChangeSchema, ...detail } }, async (request) =>
    changeStatus(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/referrals/:id/package', { config, schema: { tags, params: ReferralIdParamsSchema, body: ReferralPackageInputSchema, ...detail } }, async (request) =>
    newPackageVersion(ctxOf(request, deps), request.params.id, request.body),
  );
  app.get('/api/referrals/:id/letter.pdf', { config, schema: { tags, params: ReferralIdParamsSchema, querystring: LetterQuerySchema } }, async (request, reply) => {
    const pdf = await referralLetter(ctxOf(request, deps), request.params.id, request.query.lang);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="letter.pdf"').send(pdf);
  });

  app.get('/api/consents', { config, schema: { tags, querystring: ConsentListQuerySchema, response: { 200: ConsentListSchema } } }, async (request) =>
    listOrganisationConsents(ctxOf(request, deps), request.query),
  );
  app.post('/api/consents', { config, schema: { tags, body: ConsentCreateSchema, response: { 201: ConsentViewSchema } } }, async (request, reply) =>
    reply.status(201).send(await recordConsent(ctxOf(request, deps), request.body)),
  );
  app.get('/api/consents/:id', { config, schema: { tags, params: ConsentParamsSchema, ...consent } }, async (request) => getConsent(ctxOf(request, deps), request.params.id));
  app.post('/api/consents/:id/withdraw', { config, schema: { tags, params: ConsentParamsSchema, ...consent } }, async (request) => withdrawConsent(ctxOf(request, deps), request.params.id));

  const admin = { access: access.roles('org_admin') };
  app.get('/api/referral-settings', { config: admin, schema: { tags, response: { 200: ReferralSettingsSchema } } }, async (request) => getReferralSettings(ctxOf(request, deps)));
  app.put('/api/referral-settings', { config: admin, schema: { tags, body: ReferralSettingsUpdateSchema, response: { 200: ReferralSettingsSchema } } }, async (request) =>
    updateReferralSettings(ctxOf(request, deps), request.body),
  );
}
