// The few words the PDF prints around the content, in each library language.
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

export interface PdfLabels {
  languageName: string;
  locale: string;
  contents: string;
  chapter: (n: number) => string;
  page: (n: number, of: number) => string;
  publishedAsOf: (date: string) => string;
  omitted: (titles: string[]) => string;
  complete: string;
  /** A section shown in the source language because this language has no published text yet. */
  fallback: (source: LibraryLanguage) => string;
  image: (alt: string) => string;
  /** How a sources paragraph starts in this language (printed in smaller type). */
  sources: RegExp;
}

const SOURCES = /^(Sources|Surse|Kilder)\s*:/i;

export const PDF_LABELS: Record<LibraryLanguage, PdfLabels> = {
  en: {
    languageName: 'English',
    locale: 'en-GB',
    contents: 'Contents',
    chapter: (n) => `Chapter ${n}`,
    page: (n, of) => `Page ${n} of ${of}`,
    publishedAsOf: (date) => `Published text as of ${date}`,
    omitted: (titles) =>
      `This public copy leaves out the chapters for health professionals only (${titles.join('; ')}). Sign in to download the complete version.`,
    complete: 'Complete version, including the chapters for health professionals only.',
    fallback: (source) => `Not yet translated: shown in ${{ en: 'English', ro: 'Romanian', nb: 'Norwegian' }[source]}.`,
    image: (alt) => `[Image: ${alt}]`,
    sources: SOURCES,
  },
  ro: {
    languageName: 'Română',
    locale: 'ro-RO',
    contents: 'Cuprins',
    chapter: (n) => `Capitolul ${n}`,
    page: (n, of) => `Pagina ${n} din ${of}`,
    publishedAsOf: (date) => `Textul publicat la ${date}`,
    omitted: (titles) =>
      `Această copie publică nu include capitolele destinate exclusiv profesioniștilor din sănătate (${titles.join('; ')}). Autentificați-vă pentru a descărca versiunea completă.`,
    complete: 'Versiunea completă, cu tot cu capitolele destinate exclusiv profesioniștilor din sănătate.',
    fallback: (source) => `Încă netradus: textul apare în ${{ en: 'engleză', ro: 'română', nb: 'norvegiană' }[source]}.`,
    image: (alt) => `[Imagine: ${alt}]`,
    sources: SOURCES,
  },
  nb: {
    languageName: 'Norsk bokmål',
    locale: 'nb-NO',
    contents: 'Innhold',
    chapter: (n) => `Kapittel ${n}`,
    page: (n, of) => `Side ${n} av ${of}`,
    publishedAsOf: (date) => `Publisert tekst per ${date}`,
    omitted: (titles) =>
      `Denne offentlige utgaven utelater kapitlene som bare er for helsepersonell (${titles.join('; ')}). Logg inn for å laste ned den fullstendige utgaven.`,
    complete: 'Fullstendig utgave, med kapitlene som bare er for helsepersonell.',
    fallback: (source) => `Ikke oversatt ennå: vises på ${{ en: 'engelsk', ro: 'rumensk', nb: 'norsk' }[source]}.`,
    image: (alt) => `[Bilde: ${alt}]`,
    sources: SOURCES,
  },
};
