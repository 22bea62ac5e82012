// The consent ledger of a case over HTTP: read it, record a consent given or refused, read one record with what
// relies on it, withdraw it. The route admits the case-data roles; case.policy.ts decides each call (404 otherwise).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import { CaseConsentCreateSchema, CaseConsentDetailSchema, CaseConsentLedgerQuerySchema, CaseConsentLedgerSchema, CaseConsentParamsSchema, CaseConsentWithdrawalSchema } from '#shared/cases/case-consent.schema.ts';
import { CaseIdParamsSchema } from '#shared/cases/case.schema.ts';
import { getCaseConsent, withdrawCaseConsent } from './case-consent-withdrawal.service.ts';
import { getLedger, recordCaseConsent } from './case-consent.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.roles(...CASE_DATA_ROLES) };
  const tags = ['cases'];
  const params = CaseIdParamsSchema;

  app.get('/api/cases/:id/consents', { config, schema: { tags, params, querystring: CaseConsentLedgerQuerySchema, response: { 200: CaseConsentLedgerSchema } } }, async (request) =>
    getLedger(ctxOf(request, deps), request.params.id, request.query),
  );
  app.post('/api/cases/:id/consents', { config, schema: { tags, params, body: CaseConsentCreateSchema, response: { 201: CaseConsentLedgerSchema } } }, async (request, reply) =>
    reply.status(201).send(await recordCaseConsent(ctxOf(request, deps), request.params.id, request.body)),
  );
  app.get('/api/cases/:id/consents/:consentId', { config, schema: { tags, params: CaseConsentParamsSchema, response: { 200: CaseConsentDetailSchema } } }, async (request) =>
    getCaseConsent(ctxOf(request, deps), request.params.id, request.params.consentId),
  );
  app.post('/api/cases/:id/consents/:consentId/withdraw', { config, schema: { tags, params: CaseConsentParamsSchema, response: { 200: CaseConsentWithdrawalSchema } } }, async (request) =>
    withdrawCaseConsent(ctxOf(request, deps), request.params.id, request.params.consentId),
  );
}
