// Knowledge library content from the repository (content/): what other features (demo data) may call.
import type { Ctx } from '#server/context.ts';
import { importContent } from './content-import.ts';
import { countPublications } from './structure.queries.ts';

/** Demo data: fills an empty library from content/; a library that has publications is left as it is. */
export async function seedDemoLibrary(ctx: Ctx): Promise<void> {
  if ((await countPublications(ctx.db)) > 0) return;
  const summary = await importContent(ctx);
  ctx.log.info({ publications: summary.publications, texts: summary.created }, 'demo library imported');
}
