// Invitations API: organisation admins invite, list, revoke and resend; anyone holding a link inspects and accepts it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  InvitationAcceptSchema,
  InvitationAcceptedSchema,
  InvitationCreateSchema,
  InvitationIdParamsSchema,
  InvitationInspectSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
} from '#shared/organisations/invitation.schema.ts';
import { acceptInvitation, inspectInvitation } from './invitation-accept.service.ts';
import { inviteMember, listInvitations, resendInvitation, revokeInvitation } from './invitation.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admins = { access: access.roles('org_admin') };
  const tags = ['invitations'];

  app.get('/api/invitations', { config: admins, schema: { tags, response: { 200: InvitationListSchema } } }, async (request) => ({
    invitations: await listInvitations(ctxOf(request, deps)),
  }));

  app.post(
    '/api/invitations',
    { config: admins, schema: { tags, body: InvitationCreateSchema, response: { 201: InvitationSchema } } },
    async (request, reply) => reply.status(201).send(await inviteMember(ctxOf(request, deps), request.body)),
  );

  app.post(
    '/api/invitations/:id/revoke',
    { config: admins, schema: { tags, params: InvitationIdParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeInvitation(ctxOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/invitations/:id/resend',
    { config: admins, schema: { tags, params: InvitationIdParamsSchema, response: { 200: InvitationSchema } } },
    async (request) => resendInvitation(ctxOf(request, deps), request.params.id),
  );

  // NOTE: POST, not GET: the token must never appear in a URL or an access log.
  app.post(
    '/api/invitations/inspect',
    { config: { access: access.public() }, schema: { tags, body: InvitationInspectSchema, response: { 200: InvitationPreviewSchema } } },
    async (request) => inspectInvitation(ctxOf(request, deps), request.body.token),
  );

  app.post(
    '/api/invitations/accept',
    { config: { access: access.public() }, schema: { tags, body: InvitationAcceptSchema, response: { 200: InvitationAcceptedSchema } } },
    async (request) => acceptInvitation(ctxOf(request, deps), request.body),
  );
}
