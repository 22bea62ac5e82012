// Members API: an organisation admin lists the members of their organisation, changes roles, removes members.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { MemberIdParamsSchema, MemberListSchema, MemberRolesUpdateSchema, MemberSchema } from '#shared/organisations/member.schema.ts';
import { changeMemberRoles, listMembers, removeMember } from './member.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admins = { access: access.roles('org_admin') };
  const tags = ['members'];

  app.get('/api/members', { config: admins, schema: { tags, response: { 200: MemberListSchema } } }, async (request) => ({
    members: await listMembers(ctxOf(request, deps)),
  }));

  app.put(
    '/api/members/:id/roles',
    { config: admins, schema: { tags, params: MemberIdParamsSchema, body: MemberRolesUpdateSchema, response: { 200: MemberSchema } } },
    async (request) => changeMemberRoles(ctxOf(request, deps), request.params.id, request.body),
  );

  app.delete(
    '/api/members/:id',
    { config: admins, schema: { tags, params: MemberIdParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeMember(ctxOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
