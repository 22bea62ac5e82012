// Builds the Fastify app from its dependencies; never listens (tests call app.inject()).
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { trustProxyOption } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { errorHandler } from '#server/errors.ts';
import { installAccessControl } from '#server/http/access.ts';
import { loggerOptions } from '#server/http/logger.ts';
import { installOpenApi } from '#server/http/openapi.ts';
import { installSecurityHeaders } from '#server/http/security-headers.ts';
import { installWebApp } from '#server/http/web-app.ts';
import * as health from '#server/features/health/health.routes.ts';
import * as audit from '#server/features/audit/audit.routes.ts';
import * as outbox from '#server/features/email/outbox.routes.ts';
import * as auth from '#server/features/auth/auth.routes.ts';
import * as account from '#server/features/account/account.routes.ts';
import * as organisations from '#server/features/organisations/organisation.routes.ts';
import * as members from '#server/features/organisations/member.routes.ts';
import * as invitations from '#server/features/organisations/invitation.routes.ts';
import * as librarySearch from '#server/features/search/search.routes.ts';
import * as libraryPdf from '#server/features/library-pdf/pdf.routes.ts';
import * as library from '#server/features/library/library.routes.ts';
import * as inbox from '#server/features/inbox/inbox.routes.ts';
import * as accessRequests from '#server/features/access-requests/access-request.routes.ts';
import * as help from '#server/features/help/help.routes.ts';
import * as identify from '#server/features/identify/identify.routes.ts';
import * as thesaurus from '#server/features/search/thesaurus.routes.ts';
import * as directory from '#server/features/directory/directory.routes.ts';
import * as hsds from '#server/features/hsds/hsds.routes.ts';
import * as hsdsImport from '#server/features/hsds/hsds-import.routes.ts';
import * as referrals from '#server/features/referrals/referral.routes.ts';
import * as apiTokens from '#server/features/api-tokens/api-token.routes.ts';
import * as fhir from '#server/features/fhir/fhir.routes.ts';
import * as cases from '#server/features/cases/case.routes.ts';
import * as caseWorkflow from '#server/features/cases/case-workflow.routes.ts';
import * as caseProtection from '#server/features/cases/case-protection.routes.ts';
import * as caseConsents from '#server/features/cases/case-consent.routes.ts';
import * as caseAssistance from '#server/features/cases/case-assistance.routes.ts';
import * as eventCheckIn from '#server/features/events/check-in.routes.ts';
import * as certificates from '#server/features/certificates/certificate.routes.ts';
import * as openBadges from '#server/features/certificates/ob.routes.ts';
import * as events from '#server/features/events/event.routes.ts';
import * as eventEvaluation from '#server/features/events/evaluation.routes.ts';
import * as eventFigures from '#server/features/events/event-figures.routes.ts';
import * as eventRegistration from '#server/features/events/registration.routes.ts';
import * as eventParticipants from '#server/features/events/participants.routes.ts';
import * as learning from '#server/features/learning/learning.routes.ts';
import * as courseManage from '#server/features/learning/course-manage.routes.ts';

/** Every feature, in one list: each exports register(app, deps). */
const FEATURES: { register(app: FastifyInstance, deps: Deps): void | Promise<void> }[] = [
  auth,
  account,
  health,
  audit,
  outbox,
  organisations,
  members,
  invitations,
  accessRequests,
  librarySearch,
  thesaurus,
  libraryPdf,
  library,
  help,
  inbox,
  identify,
  directory,
  hsds,
  hsdsImport,
  referrals,
  apiTokens,
  fhir,
  cases,
  caseWorkflow,
  caseProtection,
  caseConsents,
  caseAssistance,
  eventCheckIn,
  certificates,
  openBadges,
  events,
  eventEvaluation,
  eventFigures,
  eventRegistration,
  eventParticipants,
  learning,
  courseManage,
];

export async function createApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  installAccessControl(app);
  installSecurityHeaders(app, deps.config.secureCookies);
  await app.register(cookie, { secret: deps.config.sessionSecret });
  // NOTE: clinicians read on old phones over slow networks: compression more than halves a chapter's JSON. The web app's
  // files are compressed once at build time instead (vite.config.ts, served by web-app.ts); brotli quality 4 (the
  // plugin's default) costs about as much CPU as gzip. No response mixes a secret with reflected input (BREACH).
  // Requests are never decompressed: no client of ours sends a compressed body, and a small compressed body could
  // inflate far past the body limit.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  await installOpenApi(app);
  for (const feature of FEATURES) await feature.register(app, deps);
  await installWebApp(app);
  return app;
}
