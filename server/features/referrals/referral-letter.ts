// The printable referral letter for a service outside the platform: a tagged PDF (headings and paragraphs in the
// structure tree, the document's language set) in the chosen language, holding exactly the package and its consent.
import { FONT, SIZE, createDocument, toBuffer, type Page } from '#server/features/library-pdf/pdf-page.ts';
import { CATEGORY_LABELS, type ServiceCategory } from '#shared/directory/taxonomy.ts';
import type { ReferralPackage } from '#shared/referrals/referral.schema.ts';
import { LETTER_WORDS, type LetterLanguage } from './referral-letter-words.ts';

export interface LetterFacts {
  reference: string;
  date: Date;
  senderName: string;
  serviceName: string;
  receiverName: string;
  urgency: string;
  package: ReferralPackage;
  consent: { recordedAt: Date; expiresAt: Date; language: string; withInterpreter: boolean } | null;
}

function tagged(page: Page, type: string, draw: () => void): void {
  page.tags.block(type, () => page.tags.content(draw));
}

export async function renderReferralLetter(f: LetterFacts, lang: LetterLanguage): Promise<Buffer> {
  const w = LETTER_WORDS[lang];
  const page = createDocument({ title: `${w.title} ${f.reference}`, lang: w.locale });
  const { doc } = page;
  const day = (d: Date) => new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  const languageName = (code: string) => new Intl.DisplayNames([w.locale], { type: 'language' }).of(code) ?? code;
  const heading = (text: string) => tagged(page, 'H2', () => doc.moveDown(0.6).font(FONT.bold).fontSize(SIZE.section).fillColor('#111111').text(text, page.left, doc.y, { width: page.width }));
  const para = (text: string) => tagged(page, 'P', () => doc.font(FONT.regular).fontSize(SIZE.body + 1).fillColor('#111111').text(text, page.left, doc.y, { width: page.width }));
  const p = f.package;
  page.tags.block('Sect', () => {
    tagged(page, 'H1', () => doc.font(FONT.bold).fontSize(SIZE.chapter).fillColor('#111111').text(w.title, page.left, page.top, { width: page.width }));
    para(`${w.reference}: ${f.reference} · ${w.urgency[f.urgency] ?? f.urgency}`);
    para(`${w.date}: ${day(f.date)}`);
    para(`${w.from}: ${f.senderName}`);
    para(`${w.to}: ${f.serviceName} — ${f.receiverName}`);
    heading(w.person);
    para(`${w.code}: ${p.subjectCode}`);
    para(`${w.ageBand}: ${p.ageBand}${p.sex ? ` · ${w.sex}: ${w.sexes[p.sex] ?? p.sex}` : ''}`);
    if (p.languages.length > 0) para(`${w.languages}: ${p.languages.map(languageName).join(', ')}`);
    if (p.needs.length > 0) para(`${w.needs}: ${p.needs.map((n) => CATEGORY_LABELS[n as ServiceCategory]?.[lang] ?? n).join(', ')}`);
    const section = (title: string, body: string | null) => {
      if (!body) return;
      heading(title);
      para(body);
    };
    section(w.safeContact, p.safeContact);
    section(w.note, p.note);
    if (p.identity) {
      heading(w.identity);
      para([p.identity.name, p.identity.birthYear, p.identity.phone].filter(Boolean).join(' · '));
    }
    if (f.consent) section(w.consent, w.consentLine(day(f.consent.recordedAt), day(new Date(f.consent.expiresAt.getTime() - 1)), languageName(f.consent.language), f.consent.withInterpreter));
    doc.moveDown(1);
    para(w.closing);
  });
  return toBuffer(doc);
}
