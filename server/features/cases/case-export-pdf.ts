// The access-request export as a tagged PDF (headings and paragraphs in the structure tree, the document's language
// set) in the person's language: one heading per part, one paragraph per record, fields as "name: value".
import { FONT, SIZE, createDocument, toBuffer, type Page } from '#server/features/library-pdf/pdf-page.ts';
import type { CaseExport } from './case-export.service.ts';
import { EXPORT_WORDS, type ExportLanguage, type ExportWords } from './case-export-words.ts';

function tagged(page: Page, type: string, draw: () => void): void {
  page.tags.block(type, () => page.tags.content(draw));
}

const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !(v instanceof Date) && Object.keys(v as object).length === 0);

/** One record as one line of "field: value" pairs in the reader's words; empty fields and ids are left out. */
function describe(record: Record<string, unknown>, w: ExportWords): string {
  const show = (v: unknown): string => {
    if (v instanceof Date) return new Intl.DateTimeFormat(w.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(v);
    if (typeof v === 'boolean') return v ? w.yes : w.no;
    if (Array.isArray(v)) return v.map(show).join(', ');
    if (v && typeof v === 'object') return `(${describe(v as Record<string, unknown>, w)})`;
    return String(v);
  };
  return Object.entries(record)
    .filter(([k, v]) => k !== 'id' && !k.endsWith('Id') && !blank(v))
    .map(([k, v]) => `${w.fields[k] ?? k}: ${show(v)}`)
    .join(' · ');
}

export async function renderCaseExport(data: CaseExport, lang: ExportLanguage): Promise<Buffer> {
  const w = EXPORT_WORDS[lang];
  const page = createDocument({ title: `${w.title} — ${data.case.code}`, lang: w.locale });
  const { doc } = page;
  const heading = (text: string) => tagged(page, 'H2', () => doc.moveDown(0.6).font(FONT.bold).fontSize(SIZE.section).fillColor('#111111').text(text, page.left, doc.y, { width: page.width }));
  const subheading = (text: string) => tagged(page, 'H3', () => doc.moveDown(0.3).font(FONT.bold).fontSize(SIZE.h3).fillColor('#111111').text(text, page.left, doc.y, { width: page.width }));
  const para = (text: string) => tagged(page, 'P', () => doc.font(FONT.regular).fontSize(SIZE.body + 1).fillColor('#111111').text(text, page.left, doc.y, { width: page.width }));
  const records = (title: string, rows: Record<string, unknown>[]) => {
    heading(title);
    if (rows.length === 0) para(w.none);
    for (const row of rows) para(describe(row, w));
  };
  const names = (cs: readonly string[]) => cs.map((c) => w.categories[c as keyof typeof w.categories] ?? c).join(', ');
  page.tags.block('Sect', () => {
    tagged(page, 'H1', () => doc.font(FONT.bold).fontSize(SIZE.chapter).fillColor('#111111').text(`${w.title} — ${data.case.code}`, page.left, page.top, { width: page.width }));
    para(w.intro);
    para(`${w.exportedAt}: ${new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(data.exportedAt)}`);
    para(`${w.included}: ${names(data.categoriesIncluded)}`);
    if (data.categoriesOmitted.length > 0) para(`${w.omitted}: ${names(data.categoriesOmitted)}. ${w.omittedNote}`);
    records(w.sections.general, [data.case]);
    if (data.identity !== undefined) records(w.sections.identity, data.identity ? [data.identity] : []);
    records(w.sections.consents, data.consents);
    records(w.sections.assistance, data.assistance);
    records(w.sections.comments, data.comments);
    heading(w.sections.plans);
    if (data.plans.length === 0) para(w.none);
    for (const { reviews, ...plan } of data.plans) {
      para(describe(plan, w));
      if (reviews.length > 0) subheading(w.reviews);
      for (const r of reviews) para(describe(r, w));
    }
    records(w.sections.risk, data.riskAssessments);
    records(w.sections.tasks, data.tasks);
    records(w.sections.attachments, data.attachments);
    records(w.sections.referrals, data.referrals);
  });
  return toBuffer(doc);
}
