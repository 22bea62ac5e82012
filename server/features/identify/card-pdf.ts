// The identification aid's two A6 cards as tagged PDF (pdfkit, fonts and structure as the library PDF): the pocket
// card for staff (the steps in brief and the Help now numbers) and the discreet patient card (support numbers only,
// laid out as an appointment card, no word that names trafficking or exploitation anywhere on it).
import type { AidContent } from '#shared/identify/aid-content.ts';
import { revealingWordIn } from '#shared/identify/aid-content.ts';
import type { PrintedHelpContact } from '#server/features/help/help-pdf.ts';
import { FONT, createDocument, ensureSpace, toBuffer, type Page } from '#server/features/library-pdf/pdf-page.ts';

export interface CardInput {
  content: Pick<AidContent, 'language' | 'notATest' | 'steps' | 'pocketCard' | 'patientCard'>;
  contacts: PrintedHelpContact[];
  /** The installation's public address, printed where the card points to the aid. */
  site: string;
}

const A6 = 'A6';
const MARGIN = 22;
const INK = '#111111';
const GREY = '#444444';

function tagged(page: Page, type: string, draw: () => void): void {
  page.tags.block(type, () => page.tags.content(draw));
}

function text(page: Page, value: string, font: string, size: number, color = INK, options: PDFKit.Mixins.TextOptions = {}): void {
  page.doc.font(font).fontSize(size).fillColor(color).text(value, page.left, page.doc.y, { width: page.width, ...options });
}

/** The pocket card: a heading per step with its brief lines as a list, then the Help now numbers. Pure. */
export async function renderPocketCard(input: CardInput): Promise<Buffer> {
  const { content, contacts } = input;
  const card = content.pocketCard;
  const page = createDocument({ title: card.title, lang: content.language, size: A6, margin: MARGIN });
  tagged(page, 'H1', () => text(page, card.title, FONT.bold, 13));
  tagged(page, 'P', () => text(page, card.subtitle, FONT.regular, 8, GREY));
  page.doc.moveDown(0.3);
  tagged(page, 'P', () => text(page, content.notATest, FONT.italic, 6.5, GREY));
  content.steps.forEach((step, index) => {
    ensureSpace(page, 40);
    page.doc.moveDown(0.4);
    tagged(page, 'H2', () => text(page, `${index + 1}. ${step.title}`, FONT.bold, 8.5));
    page.tags.block('L', () => {
      for (const line of step.brief) tagged(page, 'LI', () => text(page, `• ${line}`, FONT.regular, 7.2, INK, { indent: 4 }));
    });
  });
  // NOTE: the numbers together on one side of the card, not split over its two.
  ensureSpace(page, 40 + contacts.length * 11);
  drawNumbers(page, contacts.map((c) => ({ ...c, label: c.name })), helpTitle(content.language), content.patientCard.countries);
  page.doc.moveDown(0.6);
  tagged(page, 'P', () => text(page, card.footer.replace('{site}', input.site.replace(/\/$/, '')), FONT.regular, 6.5, GREY));
  return toBuffer(page.doc);
}

/** The patient card: outside, a neutral title and an appointment line; inside, the numbers with neutral names. Pure. */
export async function renderPatientCard(input: CardInput): Promise<Buffer> {
  const { content, contacts } = input;
  const card = content.patientCard;
  const page = createDocument({ title: card.title, lang: content.language, size: A6, margin: MARGIN });
  const { doc } = page;
  doc.moveDown(3);
  tagged(page, 'H1', () => text(page, card.title, FONT.bold, 15, INK, { align: 'center' }));
  doc.moveDown(2);
  tagged(page, 'P', () => text(page, card.appointment, FONT.bold, 10));
  for (const label of [card.date, card.time]) {
    doc.moveDown(1.2);
    tagged(page, 'P', () => text(page, `${label}:`, FONT.regular, 10));
    const y = doc.y;
    page.tags.artifact(() => doc.moveTo(page.left + 60, y - 3).lineTo(page.left + page.width, y - 3).lineWidth(0.7).strokeColor(GREY).stroke());
  }
  doc.addPage();
  for (const line of card.lines) tagged(page, 'P', () => text(page, line, FONT.regular, 9));
  const neutral = contacts.map((c) => ({
    ...c,
    // NOTE: a registry name or hours that give away what the line is for are replaced by a neutral name by kind.
    label: revealingWordIn(c.name) ? (c.kind === 'emergency' ? card.emergency : card.helpline) : c.name,
    hours: revealingWordIn(c.hours) ? '' : c.hours,
  }));
  drawNumbers(page, neutral, null, card.countries);
  return toBuffer(doc);
}

type Numbered = PrintedHelpContact & { label: string };

/** Numbers grouped by country (in the order given): the number large, its name and hours under it. */
function drawNumbers(page: Page, contacts: Numbered[], title: string | null, countries: Record<string, string>): void {
  if (contacts.length === 0) return;
  const { doc } = page;
  page.tags.block('Sect', () => {
    if (title) {
      ensureSpace(page, 50);
      doc.moveDown(0.5);
      tagged(page, 'H2', () => text(page, title, FONT.bold, 9));
    }
    let country = '';
    for (const contact of contacts) {
      if (contact.country !== country) {
        country = contact.country;
        ensureSpace(page, 40);
        doc.moveDown(0.5);
        tagged(page, title ? 'H3' : 'H2', () => text(page, countries[country] ?? country, FONT.bold, 8.5, GREY));
      }
      ensureSpace(page, 26);
      tagged(page, 'P', () => text(page, title ? `${contact.number} · ${contact.label}` : contact.number, FONT.bold, title ? 7.5 : 13));
      if (!title) tagged(page, 'P', () => text(page, [contact.label, contact.hours].filter(Boolean).join(' · '), FONT.regular, 8));
    }
  });
}

const HELP_TITLE: Record<string, string> = { en: 'Help now', ro: 'Ajutor acum', nb: 'Hjelp nå' };
function helpTitle(lang: string): string {
  return HELP_TITLE[lang] ?? HELP_TITLE.en!;
}
