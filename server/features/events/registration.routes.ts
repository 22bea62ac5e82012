// Registration API: registering for an event (public), the person's own page by the secret of their link (always in
// a POST body, never in a URL), offers, the calendar file, and the signed-in person's own registrations.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  EventIdParamsSchema,
  MyRegistrationsSchema,
  OkSchema,
  RegistrationCreateSchema,
  RegistrationFormSchema,
  RegistrationOutcomeSchema,
  RegistrationTokenSchema,
  RegistrationViewSchema,
} from '#shared/events/registration.schema.ts';
import { acceptOffer, declineOffer } from './offer.service.ts';
import { cancelOwnRegistration, myRegistrations, registrationIcs, viewRegistration } from './registration-self.service.ts';
import { registerForEvent, registrationForm } from './registration.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const everyone = { access: access.public() };
  const tags = ['events'];
  const byToken = { tags, body: RegistrationTokenSchema, response: { 200: OkSchema } };

  // NOTE: 201 when something new was written, or when a stranger repeats someone's address (answered as new, so the
  // answer does not reveal who registered); 200 only for a signed-in person's own registration again.
  app.post(
    '/api/events/:id/registrations',
    { config: everyone, schema: { tags, params: EventIdParamsSchema, body: RegistrationCreateSchema, response: { 200: RegistrationOutcomeSchema, 201: RegistrationOutcomeSchema } } },
    async (request, reply) => {
      const { created, outcome } = await registerForEvent(ctxOf(request, deps), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(outcome);
    },
  );

  app.get('/api/events/:id/registrations/form', { config: everyone, schema: { tags, params: EventIdParamsSchema, response: { 200: RegistrationFormSchema } } }, async (request) =>
    registrationForm(ctxOf(request, deps), request.params.id),
  );

  app.post('/api/registration/view', { config: everyone, schema: { tags, body: RegistrationTokenSchema, response: { 200: RegistrationViewSchema } } }, async (request) =>
    viewRegistration(ctxOf(request, deps), request.body.token),
  );

  app.post('/api/registration/cancel', { config: everyone, schema: byToken }, async (request) => {
    await cancelOwnRegistration(ctxOf(request, deps), request.body.token);
    return { ok: true as const };
  });

  app.post('/api/registration/offer/accept', { config: everyone, schema: byToken }, async (request) => {
    await acceptOffer(ctxOf(request, deps), request.body.token);
    return { ok: true as const };
  });

  app.post('/api/registration/offer/decline', { config: everyone, schema: byToken }, async (request) => {
    await declineOffer(ctxOf(request, deps), request.body.token);
    return { ok: true as const };
  });

  app.post(
    '/api/registration/ics',
    { config: everyone, schema: { tags, body: RegistrationTokenSchema, produces: ['text/calendar'], response: { 200: z.string().describe('iCalendar') } } },
    async (request, reply) => {
      const ics = await registrationIcs(ctxOf(request, deps), request.body.token);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="event.ics"').send(ics);
    },
  );

  app.get('/api/registration/mine', { config: { access: access.signedIn() }, schema: { tags, response: { 200: MyRegistrationsSchema } } }, async (request) =>
    myRegistrations(ctxOf(request, deps)),
  );
}
