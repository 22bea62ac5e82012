// The certificate's files: the PDF (made in a worker thread, never on the event loop) and the signed credential as
// JSON. The holder of the registration link, or the signed-in owner, downloads them; files are named by the code.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { sha256 } from '#server/lib/crypto.ts';
import { PoolBusyError, isInputFailure, shortTasks } from '#server/lib/worker-pool.ts';
import { LABELS, certificateLanguage, formatDay } from './certificate-labels.ts';
import { describeEvent } from './certificate-facts.ts';
import { certificateById, certificateForRegistration, eventFacts, findRegistrationByToken, type CertificateRow } from './certificate.queries.ts';
import { recordOf } from './certificate-verify.service.ts';
import type { CertificatePdfInput, renderCertificatePdf } from './certificate-pdf.ts';

const PDF_MODULE = new URL('./certificate-pdf.ts', import.meta.url);

export interface CertificateFile {
  filename: string;
  bytes: Buffer;
}

async function ownedRow(ctx: Ctx, id: string): Promise<CertificateRow> {
  const row = await certificateById(ctx.db, id);
  // NOTE: another person's certificate answers as a missing one.
  if (!row || row.accountId !== actorOf(ctx).accountId) throw new AppError('not_found', 'Certificate not found.');
  return row;
}

async function rowForToken(ctx: Ctx, token: string): Promise<CertificateRow> {
  const registration = await findRegistrationByToken(ctx.db, sha256(token));
  const summary = registration ? await certificateForRegistration(ctx.db, registration.id) : undefined;
  const row = summary ? await certificateById(ctx.db, summary.id) : undefined;
  if (!row) throw new AppError('not_found', 'Certificate not found.');
  return row;
}

export async function pdfForToken(ctx: Ctx, token: string): Promise<CertificateFile> {
  return renderPdf(ctx, await rowForToken(ctx, token));
}

export async function pdfForOwner(ctx: Ctx, id: string): Promise<CertificateFile> {
  return renderPdf(ctx, await ownedRow(ctx, id));
}

export async function credentialForOwner(ctx: Ctx, id: string): Promise<CertificateFile> {
  const row = await ownedRow(ctx, id);
  return { filename: `${row.verificationCode}.json`, bytes: Buffer.from(JSON.stringify(row.credential, null, 2)) };
}

export async function credentialForToken(ctx: Ctx, token: string): Promise<CertificateFile> {
  const row = await rowForToken(ctx, token);
  return { filename: `${row.verificationCode}.json`, bytes: Buffer.from(JSON.stringify(row.credential, null, 2)) };
}

async function renderPdf(ctx: Ctx, row: CertificateRow): Promise<CertificateFile> {
  const record = await recordOf(ctx, row);
  const language = certificateLanguage(row.language);
  const labels = LABELS[language];
  const when = row.kind === 'attendance' && row.eventId ? describeEvent(await eventFacts(ctx.db, row.eventId), language).dates : formatDay(labels, record.passedAt ?? row.issuedAt);
  const input: CertificatePdfInput = {
    language,
    kind: row.kind,
    recipientName: row.recipientName,
    title: record.title,
    when,
    place: record.place,
    organisations: record.organisations,
    issuedOn: formatDay(labels, row.issuedAt),
    code: row.verificationCode,
    verifyUrl: record.verifyUrl,
  };
  try {
    // NOTE: a fresh thread first loads pdfkit and the fonts: a longer limit than the default, as the identification cards.
    const bytes = await shortTasks.call<typeof renderCertificatePdf>(PDF_MODULE, 'renderCertificatePdf', [input], { timeoutMs: 10_000 });
    return { filename: `${row.verificationCode}.pdf`, bytes: Buffer.from(bytes) };
  } catch (error) {
    if (error instanceof PoolBusyError || isInputFailure(error)) throw new AppError('unavailable', 'The certificate cannot be made right now. Try again later.');
    throw error;
  }
}
