// Certificates over HTTP: the registration link's holder (token in the body), the signed-in person, organisers of an
// event, and public verification by code or of a credential file.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  CertificateParamsSchema,
  CodeParamsSchema,
  CourseCertificateRequestSchema,
  EventCertificatesParamsSchema,
  EventCertificatesSchema,
  IssueAllResultSchema,
  IssuedCertificateSchema,
  MyCertificatesSchema,
  OrganiserCertificateSchema,
  RegistrationCertificateSchema,
  RegistrationParamsSchema,
  RegistrationTokenSchema,
  RevokeCertificateSchema,
  VerificationSchema,
  VerifyCredentialRequestSchema,
} from '#shared/certificates/certificate.schema.ts';
import { EVENT_ORGANISER_ROLES } from '#shared/events/event-vocabulary.ts';
import { issueCourseCertificate } from './certificate-course.service.ts';
import { credentialForOwner, credentialForToken, pdfForOwner, pdfForToken, type CertificateFile } from './certificate-files.service.ts';
import { verifyByCode, verifyCredentialText } from './certificate-verify.service.ts';
import { issueForMyRegistration, issueForToken, issueToAllCheckedIn, listEventCertificates, listMyCertificates, registrationCertificate, revokeCertificate } from './certificate.service.ts';

function sendFile(reply: FastifyReply, file: CertificateFile, type: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.bytes);
}

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const open = { config: { access: access.public() } };
  const signedIn = { config: { access: access.signedIn() } };
  const organiser = { config: { access: access.roles(...EVENT_ORGANISER_ROLES) } };
  const issued = { 200: IssuedCertificateSchema, 201: IssuedCertificateSchema };

  app.post('/api/certificates/registration', { ...open, schema: { tags, body: RegistrationTokenSchema, response: { 200: RegistrationCertificateSchema } } }, async (request) => registrationCertificate(ctxOf(request, deps), request.body.token));
  app.post('/api/certificates/registration/issue', { ...open, schema: { tags, body: RegistrationTokenSchema, response: issued } }, async (request, reply) => {
    const result = await issueForToken(ctxOf(request, deps), request.body.token);
    return reply.status(result.created ? 201 : 200).send(result);
  });
  app.post('/api/certificates/pdf', { ...open, schema: { tags, body: RegistrationTokenSchema } }, async (request, reply) => sendFile(reply, await pdfForToken(ctxOf(request, deps), request.body.token), 'application/pdf'));
  app.post('/api/certificates/credential', { ...open, schema: { tags, body: RegistrationTokenSchema } }, async (request, reply) => sendFile(reply, await credentialForToken(ctxOf(request, deps), request.body.token), 'application/ld+json'));

  app.get('/api/certificates/mine', { ...signedIn, schema: { tags, response: { 200: MyCertificatesSchema } } }, async (request) => listMyCertificates(ctxOf(request, deps)));
  app.post('/api/certificates/registrations/:registrationId/issue', { ...signedIn, schema: { tags, params: RegistrationParamsSchema, response: issued } }, async (request, reply) => {
    const result = await issueForMyRegistration(ctxOf(request, deps), request.params.registrationId);
    return reply.status(result.created ? 201 : 200).send(result);
  });
  app.post('/api/certificates/course', { ...signedIn, schema: { tags, body: CourseCertificateRequestSchema, response: issued } }, async (request, reply) => {
    const result = await issueCourseCertificate(ctxOf(request, deps), request.body.enrolmentId);
    return reply.status(result.created ? 201 : 200).send(result);
  });
  app.get('/api/certificates/:id/pdf', { ...signedIn, schema: { tags, params: CertificateParamsSchema } }, async (request, reply) => sendFile(reply, await pdfForOwner(ctxOf(request, deps), request.params.id), 'application/pdf'));
  app.get('/api/certificates/:id/credential.json', { ...signedIn, schema: { tags, params: CertificateParamsSchema } }, async (request, reply) =>
    sendFile(reply, await credentialForOwner(ctxOf(request, deps), request.params.id), 'application/ld+json'),
  );

  app.get('/api/certificates/events/:id', { ...organiser, schema: { tags, params: EventCertificatesParamsSchema, response: { 200: EventCertificatesSchema } } }, async (request) => listEventCertificates(ctxOf(request, deps), request.params.id));
  app.post('/api/certificates/events/:id/issue-all', { ...organiser, schema: { tags, params: EventCertificatesParamsSchema, response: { 200: IssueAllResultSchema } } }, async (request) => issueToAllCheckedIn(ctxOf(request, deps), request.params.id));
  app.post('/api/certificates/:id/revoke', { ...organiser, schema: { tags, params: CertificateParamsSchema, body: RevokeCertificateSchema, response: { 200: OrganiserCertificateSchema } } }, async (request) =>
    revokeCertificate(ctxOf(request, deps), request.params.id, request.body),
  );

  app.get('/api/verify/:code', { ...open, schema: { tags, params: CodeParamsSchema, response: { 200: VerificationSchema } } }, async (request) => verifyByCode(ctxOf(request, deps), request.params.code));
  app.post('/api/verify/credential', { ...open, schema: { tags, body: VerifyCredentialRequestSchema, response: { 200: VerificationSchema } } }, async (request) => verifyCredentialText(ctxOf(request, deps), request.body.credential));
}
