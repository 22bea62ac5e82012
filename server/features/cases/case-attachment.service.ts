// Attachments of a case (documents, images): the type is sniffed from the bytes (the client's name and header are not
// trusted), the size is bounded, the bytes and the file name are sealed, and every read goes through the case policy
// for the attachment's category — the hole a leading case-management system had was a download that skipped it.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { decryptBytes, encryptBytes } from '#server/lib/crypto.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type AttachmentList, type AttachmentType, type AttachmentUpload, type AttachmentView } from '#shared/cases/case-protection.schema.ts';
import { CASE_CATEGORIES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { auditRead, requireCase } from './case-access.ts';
import { open, seal } from './vault.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const tooLarge = () => new AppError('payload_too_large', 'The file is larger than 10 MB.');

function decode(dataBase64: string): Buffer {
  const clean = dataBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!BASE64.test(clean)) throw new AppError('invalid', 'The file is not valid base64.', { fields: { dataBase64: 'Not valid base64' } });
  // NOTE: the encoded length tells the size before anything is decoded.
  if (Math.floor((clean.length * 3) / 4) - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0) > ATTACHMENT_MAX_BYTES) throw tooLarge();
  return Buffer.from(clean, 'base64');
}

/** The media type read from the bytes' signature, or a 415. */
async function sniff(bytes: Buffer): Promise<AttachmentType> {
  const { fileTypeFromBuffer } = await import('file-type');
  const mime = (await fileTypeFromBuffer(bytes))?.mime as AttachmentType | undefined;
  if (!mime || !ATTACHMENT_TYPES.includes(mime)) {
    throw new AppError('unsupported_media_type', 'Only PDF documents and PNG, JPEG or WebP images can be attached.', { fields: { dataBase64: 'Not a PDF, PNG, JPEG or WebP file' } });
  }
  return mime;
}

/** Stores an attachment in one category of the case; the writer needs that category's grant on an open case. */
export async function uploadAttachment(ctx: Ctx, caseId: string, category: CaseCategory, input: AttachmentUpload): Promise<AttachmentView> {
  const grant = await requireCase(ctx, caseId, { kind: 'write', category });
  const bytes = decode(input.dataBase64);
  if (bytes.length === 0) throw new AppError('unprocessable', 'The file is empty.', { fields: { dataBase64: 'The file is empty' } });
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
  const mediaType = await sniff(bytes);
  const keyring = ctx.config.encryptionKeys;
  const sealed = encryptBytes(keyring, bytes);
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('caseAttachment')
      .values({ caseId, category, mediaType, byteSize: bytes.length, fileName: seal(keyring, input.fileName)!, content: sealed.content, keyId: sealed.keyId, createdBy: actor.accountId, createdAt: ctx.now })
      .returning(['id', 'createdAt'])
      .executeTakeFirstOrThrow();
    await recordAudit(ctx, trx, { action: 'case.attachment_added', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { attachmentId: row.id, category, mediaType, bytes: bytes.length } });
    const createdByName = (await trx.selectFrom('account').select('displayName').where('id', '=', actor.accountId).executeTakeFirst())?.displayName ?? null;
    return { id: row.id, category, mediaType, byteSize: bytes.length, fileName: input.fileName, createdAt: row.createdAt, createdByName };
  });
}

/** The attachments of the categories the reader holds (filtered in SQL), newest first; each category read is audited. */
export async function listAttachments(ctx: Ctx, caseId: string, only?: CaseCategory): Promise<AttachmentList> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: only ?? 'general' });
  const categories = CASE_CATEGORIES.filter((c) => grant.categories.has(c) && (!only || c === only));
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('caseAttachment as a')
      .leftJoin('account as u', 'u.id', 'a.createdBy')
      .select(['a.id', 'a.category', 'a.mediaType', 'a.byteSize', 'a.fileName', 'a.createdAt', 'u.displayName as createdByName'])
      .where('a.caseId', '=', caseId)
      .where('a.category', 'in', categories)
      .orderBy('a.createdAt', 'desc')
      .orderBy('a.id')
      .limit(500)
      .execute();
    for (const category of new Set(rows.map((r) => r.category as CaseCategory))) await auditRead(ctx, trx, grant, category, { part: 'attachments' });
    const keyring = ctx.config.encryptionKeys;
    return {
      attachments: rows.map((r) => ({ ...r, category: r.category as CaseCategory, mediaType: r.mediaType as AttachmentType, fileName: open(keyring, r.fileName) ?? '' })),
    };
  });
}

/** One attachment's bytes, for a reader of its category; anyone else learns nothing (404, audited). */
export async function readAttachment(ctx: Ctx, caseId: string, attachmentId: string): Promise<{ mediaType: AttachmentType; bytes: Buffer }> {
  // NOTE: the category is looked up with the case id, so an attachment id of another case is simply not found.
  const found = await ctx.db.selectFrom('caseAttachment').select('category').where('id', '=', attachmentId).where('caseId', '=', caseId).executeTakeFirst();
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: (found?.category as CaseCategory | undefined) ?? 'general' });
  if (!found) throw new AppError('not_found', 'No such attachment.');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('caseAttachment').select(['category', 'mediaType', 'content', 'keyId']).where('id', '=', attachmentId).where('caseId', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'No such attachment.');
    await auditRead(ctx, trx, grant, row.category as CaseCategory, { attachmentId });
    return { mediaType: row.mediaType as AttachmentType, bytes: decryptBytes(ctx.config.encryptionKeys, { keyId: row.keyId, content: Buffer.from(row.content) }) };
  });
}
