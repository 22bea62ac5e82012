// Decoders for what the reader route fetches, without zod (docs/decisions/010). The server validates every response
// against the shared zod schema before sending it, so these only turn the wire form into the code form: ISO
// timestamps into Dates. The types come from the shared schemas through type-only imports, erased from the bundle.
import type { z } from 'zod';
import type { ChapterPage, ChapterPageSchema, PublicationList, PublicationToc } from '#shared/library/library.schema.ts';
import type { SearchResponse } from '#shared/search/search.schema.ts';
import { asSent, type Decoder } from '#web/lib/api.ts';

function toDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

export const publicationListDecoder = asSent<PublicationList>();
export const publicationTocDecoder = asSent<PublicationToc>();
export const searchResponseDecoder = asSent<SearchResponse>();

export const chapterPageDecoder: Decoder<ChapterPage> = {
  parse(json) {
    const page = json as z.input<typeof ChapterPageSchema>;
    const sections = page.sections.map((section) => ({ ...section, publishedAt: toDate(section.publishedAt) }));
    return { ...page, sections, publishedAt: toDate(page.publishedAt) };
  },
};
