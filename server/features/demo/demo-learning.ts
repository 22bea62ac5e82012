// Demo courses: every folder of content/courses/ not imported yet (after the library, whose chapters they use).
import type { Ctx } from '#server/context.ts';
import { seedDemoCourses } from '#server/features/learning/course-import.ts';

/** Imports the course folders whose slug is new; idempotent, quiet when content/courses/ does not exist. */
export async function seedDemoLearning(ctx: Ctx): Promise<void> {
  const created = await seedDemoCourses(ctx);
  if (created > 0) ctx.log.info({ courses: created }, 'demo courses imported');
}
