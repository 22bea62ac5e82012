// Knowledge library content from the repository (content/): what other features (demo data) may call.
import type { Ctx } from '#server/context.ts';
import { countPublications } from './structure.queries.ts';

/** Demo data: fills an empty library from content/; a library that has publications is left as it is. */
export async function seedDemoLibrary(ctx: Ctx): Promise<void> {
  if ((await countPublications(ctx.db)) > 0) return;
  // NOTE: the importer (and its YAML parser) loads only when there is something to import, off the start-up path.
  const { importContent } = await import('./content-import.ts');
  const summary = await importContent(ctx);
  ctx.log.info({ publications: summary.publications, texts: summary.created }, 'demo library imported');
}
