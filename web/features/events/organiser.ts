// Whether the signed-in person organises events (trainer, coordinator or admin in their organisation): the page shows
// the organiser's links then; the server decides again on every call.
import type { Me } from '#shared/auth/me.schema.ts';
import { EVENT_ORGANISER_ROLES } from '#shared/events/event-vocabulary.ts';

export function isOrganiser(me: Me | null | undefined): boolean {
  return me?.signInStep === 'done' && me.roles.some((r) => (EVENT_ORGANISER_ROLES as readonly string[]).includes(r));
}
