// Which copy of a publication a reader gets: professionals-only chapters only for readers who finished signing in.
import type { Actor } from '#server/http/access.ts';

export type PdfVariant = 'public' | 'full';

export function pdfVariantFor(actor: Actor | null): PdfVariant {
  return actor !== null && actor.fullySignedIn ? 'full' : 'public';
}
