// Who manages a course: a trainer, coordinator or organisation admin of the course's organisation (their current
// one). Pure; lists filter by the same rule in SQL (course.organisation_id = the actor's organisation).
import type { Actor } from '#server/http/access.ts';
import { COURSE_MANAGER_ROLES } from '#shared/learning/learning.schema.ts';

/** True when the actor holds a course-managing role in their current organisation. */
export function isCourseManager(actor: Actor | null): actor is Actor {
  return !!actor && actor.fullySignedIn && !!actor.organisationId && actor.roles.some((r) => (COURSE_MANAGER_ROLES as readonly string[]).includes(r));
}

/** True when the actor may manage a course of `organisationId`. */
export function mayManageCourse(actor: Actor | null, organisationId: string): boolean {
  return isCourseManager(actor) && actor.organisationId === organisationId;
}
