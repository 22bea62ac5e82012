// The "Help now" page at the end of a publication PDF: emergency numbers and helplines per country, each with the
// official source it was confirmed at and the day it was checked (kept out of pdf-render.ts, which lays out chapters).
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import type { PrintedHelpContact } from '#server/features/help/help-pdf.ts';
import { FONT, SIZE, ensureSpace, type Page } from './pdf-page.ts';

const WORDS: Record<LibraryLanguage, { title: string; intro: string; countries: Record<string, string>; source: (url: string, day: string) => string; languages: string; locale: string }> = {
  en: {
    title: 'Help now',
    intro: 'In an emergency, call 112. Each number below was confirmed at the official source named, on the day given.',
    countries: { RO: 'Romania', NO: 'Norway' },
    source: (url, day) => `Source: ${url} (checked on ${day})`,
    languages: 'Languages',
    locale: 'en-GB',
  },
  ro: {
    title: 'Ajutor acum',
    intro: 'În caz de urgență, sunați la 112. Fiecare număr de mai jos a fost confirmat la sursa oficială indicată, la data menționată.',
    countries: { RO: 'România', NO: 'Norvegia' },
    source: (url, day) => `Sursa: ${url} (verificat la ${day})`,
    languages: 'Limbi',
    locale: 'ro-RO',
  },
  nb: {
    title: 'Hjelp nå',
    intro: 'I en nødsituasjon: ring 112. Hvert nummer nedenfor er bekreftet hos den offisielle kilden som er oppgitt, på datoen som står.',
    countries: { RO: 'Romania', NO: 'Norge' },
    source: (url, day) => `Kilde: ${url} (kontrollert ${day})`,
    languages: 'Språk',
    locale: 'nb-NO',
  },
};

function dayIn(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A new page listing the contacts, grouped by country in the order given; nothing when there are none. Tagged like the
 * chapters (a Sect with H1, H2 per country, H3 per contact, P for the rest), so a screen reader reads it too. */
export function drawHelpContacts(page: Page, contacts: PrintedHelpContact[], language: LibraryLanguage): void {
  if (contacts.length === 0) return;
  const { doc } = page;
  const words = WORDS[language];
  doc.addPage();
  doc.addNamedDestination('help-now');
  doc.outline.addItem(words.title);
  page.tags.block('Sect', () => {
    tagged(page, 'H1', () => doc.font(FONT.bold).fontSize(SIZE.chapter).fillColor('#111111').text(words.title, page.left, page.top, { width: page.width }));
    doc.moveDown(0.5);
    tagged(page, 'P', () => doc.font(FONT.regular).fontSize(SIZE.body).text(words.intro, { width: page.width }));
    let country = '';
    for (const contact of contacts) {
      if (contact.country !== country) {
        country = contact.country;
        ensureSpace(page, 80);
        doc.moveDown(0.8);
        tagged(page, 'H2', () => doc.font(FONT.bold).fontSize(SIZE.section).fillColor('#111111').text(words.countries[country] ?? country, page.left, doc.y, { width: page.width }));
      }
      drawContact(page, contact, words);
    }
  });
}

function drawContact(page: Page, contact: PrintedHelpContact, words: (typeof WORDS)[LibraryLanguage]): void {
  const { doc } = page;
  const names = new Intl.DisplayNames([words.locale], { type: 'language' });
  ensureSpace(page, 70);
  doc.moveDown(0.5);
  tagged(page, 'H3', () => doc.font(FONT.bold).fontSize(SIZE.h3).fillColor('#111111').text(`${contact.number} · ${contact.name}`, page.left, doc.y, { width: page.width }));
  const languages = contact.languages.length > 0 ? ` · ${words.languages}: ${contact.languages.map((l) => names.of(l) ?? l).join(', ')}` : '';
  tagged(page, 'P', () => doc.font(FONT.regular).fontSize(SIZE.body).text(`${contact.hours}${languages}`, { width: page.width }));
  tagged(page, 'P', () => doc.text(contact.purpose, { width: page.width }));
  tagged(page, 'P', () => doc.font(FONT.regular).fontSize(SIZE.small).fillColor('#444444').text(words.source(contact.sourceUrl, dayIn(words.locale, contact.verifiedOn)), { width: page.width, link: contact.sourceUrl }));
}

function tagged(page: Page, type: string, draw: () => void): void {
  page.tags.block(type, () => page.tags.content(draw));
}
