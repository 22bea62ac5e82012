// The one policy of events: who may organise an event. Pure, over the actor and the event's organising organisations
// (the lead and co-organisers), which the caller loads in SQL; lists filter by the same rule in SQL
// (event_organiser.organisation_id = the actor's current organisation and an organiser role).
import type { Actor } from '#server/http/access.ts';
import { EVENT_ORGANISER_ROLES } from '#shared/events/event-vocabulary.ts';

/** True when the actor holds an organiser role (trainer, coordinator, admin) in their current organisation. */
export function isEventOrganiser(actor: Actor | null): actor is Actor {
  return !!actor && actor.fullySignedIn && !!actor.organisationId && actor.roles.some((r) => (EVENT_ORGANISER_ROLES as readonly string[]).includes(r));
}

/** True when the actor may manage this event: an organiser role in one of its organising organisations. */
export function mayManageEvent(actor: Actor | null, organiserOrganisationIds: readonly string[]): boolean {
  return isEventOrganiser(actor) && organiserOrganisationIds.includes(actor.organisationId!);
}
