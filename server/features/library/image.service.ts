// Knowledge library, images: editors upload pictures with alt text in every language; the content is sniffed from
// its bytes (never trusted from a name or a header), and only png, jpeg, webp and gif are kept.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { IMAGE_MAX_BYTES, IMAGE_TYPES, type ImageUpload, type ImageUploaded } from '#shared/library/library-report.schema.ts';
import { canEdit, canWorkOn, isOwnLibrary } from './library.policy.ts';
import { findImage, insertImage } from './image.queries.ts';
import { findPublicationById } from './structure.queries.ts';

type ImageType = (typeof IMAGE_TYPES)[number];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(dataBase64: string): Buffer {
  const clean = dataBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!BASE64.test(clean)) throw new AppError('invalid', 'The image is not valid base64.', { fields: { dataBase64: 'Not valid base64' } });
  // NOTE: checked on the encoded length first, so an oversized upload is refused before it is decoded.
  if (Math.floor((clean.length * 3) / 4) - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0) > IMAGE_MAX_BYTES) throw tooLarge();
  return Buffer.from(clean, 'base64');
}

const tooLarge = () => new AppError('payload_too_large', 'The image is larger than 2 MB.');

/** Stores an image for a publication; returns the URL to use in Markdown. */
export async function uploadImage(ctx: Ctx, input: ImageUpload): Promise<ImageUploaded> {
  const publication = await findPublicationById(ctx.db, input.publicationId);
  // NOTE: another organisation's publication is answered as an unknown one: nothing to learn from trying ids.
  if (!publication || !isOwnLibrary(ctx.actor, publication)) throw new AppError('invalid', 'No such publication.', { fields: { publicationId: 'Unknown publication' } });
  if (!canEdit(ctx.actor, publication)) throw new AppError('forbidden', 'Only an editor of this publication can do this.');
  const bytes = decode(input.dataBase64);
  if (bytes.length > IMAGE_MAX_BYTES) throw tooLarge();
  // NOTE: loaded on first upload, to keep it off the start-up path.
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(bytes);
  const contentType = sniffed?.mime as ImageType | undefined;
  if (!contentType || !IMAGE_TYPES.includes(contentType)) {
    throw new AppError('invalid', 'This file is not a PNG, JPEG, WebP or GIF image.', { fields: { dataBase64: 'Not a supported image' } });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await insertImage(trx, { publicationId: publication.id, contentType, bytes, altTexts: input.altTexts, uploadedBy: actorOf(ctx).accountId, createdAt: ctx.now });
    await recordAudit(ctx, trx, { action: 'library.image_uploaded', entityType: 'library_image', entityId: id, organisationId: publication.organisationId, details: { publicationId: publication.id, contentType, bytes: bytes.length } });
    return { id, url: `/api/library/images/${id}`, contentType, bytes: bytes.length };
  });
}

/**
 * The stored bytes and their sniffed type. An image no published text uses yet (a draft's) is shown only to the
 * publication's editors and reviewers, and must not be cached; to anyone else it does not exist (404).
 */
export async function getImage(ctx: Ctx, id: string): Promise<{ contentType: string; bytes: Buffer; public: boolean }> {
  const image = await findImage(ctx.db, id);
  const isPublic = Boolean(image?.publishedAt);
  if (!image || (!isPublic && !canWorkOn(ctx.actor, image))) throw new AppError('not_found', 'No such image.');
  return { contentType: image.contentType, bytes: Buffer.from(image.bytes), public: isPublic };
}
