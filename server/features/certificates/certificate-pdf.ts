// The certificate as a one-page A4 landscape tagged PDF (pdfkit, DejaVu fonts as the library PDF): the person's name,
// what and when, who organised it, the verification code in text, and a QR code to the public verification page,
// whose address is printed too. Runs in a worker thread (server/lib/worker-pool.ts).
import QRCode from 'qrcode';
import { FONT, createDocument, toBuffer, type Page } from '#server/features/library-pdf/pdf-page.ts';
import { LABELS, type CertificateLanguage } from './certificate-labels.ts';

export interface CertificatePdfInput {
  language: CertificateLanguage;
  kind: 'attendance' | 'course';
  recipientName: string;
  title: string;
  /** "training · 12–13 October 2015 · Târgu Mureș" or the day the course was passed. */
  when: string;
  place: string | null;
  organisations: string[];
  issuedOn: string;
  code: string;
  verifyUrl: string;
}

const INK = '#1a1a1a';
const GREY = '#4a4a4a';
const ACCENT = '#1d4e89';

function line(page: Page, type: string, value: string, font: string, size: number, color = INK, options: PDFKit.Mixins.TextOptions = {}): void {
  page.tags.block(type, () => page.tags.content(() => page.doc.font(font).fontSize(size).fillColor(color).text(value, page.left, page.doc.y, { width: page.width - 170, ...options })));
}

/** The PDF bytes. Pure: everything it prints comes in `input`. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const labels = LABELS[input.language];
  const heading = input.kind === 'attendance' ? labels.attendanceHeading : labels.courseHeading;
  const page = createDocument({ title: `${heading} ${input.code}`, lang: input.language, size: 'A4', layout: 'landscape', margin: 56 });
  const { doc } = page;
  page.tags.artifact(() => doc.rect(28, 28, doc.page.width - 56, doc.page.height - 56).lineWidth(2).strokeColor(ACCENT).stroke(), 'Layout');
  doc.y = 70;
  line(page, 'H1', heading, FONT.bold, 28, ACCENT);
  doc.moveDown(0.8);
  line(page, 'P', labels.awardedTo, FONT.regular, 13, GREY);
  doc.moveDown(0.2);
  line(page, 'P', input.recipientName, FONT.bold, 24);
  doc.moveDown(0.4);
  line(page, 'P', input.kind === 'attendance' ? labels.attended : labels.completed, FONT.regular, 13, GREY);
  doc.moveDown(0.2);
  line(page, 'H2', input.title, FONT.bold, 17);
  doc.moveDown(0.3);
  line(page, 'P', [input.when, input.place].filter(Boolean).join(' · '), FONT.regular, 12);
  if (input.organisations.length > 0) {
    doc.moveDown(0.8);
    line(page, 'P', `${labels.issuedBy}: ${input.organisations.join(', ')}`, FONT.regular, 11, GREY);
  }
  doc.moveDown(0.3);
  line(page, 'P', `${labels.issuedOn}: ${input.issuedOn}`, FONT.regular, 11, GREY);
  await drawVerification(page, input, labels);
  return toBuffer(doc);
}

async function drawVerification(page: Page, input: CertificatePdfInput, labels: (typeof LABELS)[CertificateLanguage]): Promise<void> {
  const { doc } = page;
  const size = 130;
  const x = doc.page.width - 56 - size - 10;
  const y = doc.page.height - 56 - size - 60;
  const png = await QRCode.toBuffer(input.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 400 });
  page.tags.block('Figure', () => page.tags.content(() => doc.image(png, x, y, { width: size, height: size })), { alt: `${labels.scan}: ${input.verifyUrl}` });
  doc.y = y + size + 6;
  page.tags.block('P', () => page.tags.content(() => doc.font(FONT.regular).fontSize(9).fillColor(GREY).text(labels.scan, x - 20, doc.y, { width: size + 40, align: 'center' })));
  const bottom = doc.page.height - 56 - 70;
  doc.y = bottom;
  line(page, 'P', `${labels.code}: ${input.code}`, FONT.mono, 13, INK);
  doc.moveDown(0.2);
  line(page, 'P', `${labels.verifyAt} ${input.verifyUrl}`, FONT.regular, 10, GREY);
}
