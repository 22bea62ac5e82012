// Library images (bytes in the database, next to the publication they illustrate). Kysely only.
import type { Db } from '#server/db/db.ts';

export interface ImageValues {
  publicationId: string;
  contentType: string;
  bytes: Buffer;
  altTexts: Record<string, string>;
  uploadedBy: string;
  createdAt: Date;
}

export function insertImage(db: Db, v: ImageValues) {
  return db.insertInto('libraryImage').values({ ...v, altTexts: JSON.stringify(v.altTexts) }).returning('id').executeTakeFirstOrThrow();
}

/** The image with its publication's organisation and whether a published text has made it public. */
export function findImage(db: Db, id: string) {
  return db
    .selectFrom('libraryImage')
    .innerJoin('publication', 'publication.id', 'libraryImage.publicationId')
    .select(['libraryImage.id', 'libraryImage.contentType', 'libraryImage.bytes', 'libraryImage.publishedAt', 'publication.organisationId'])
    .where('libraryImage.id', '=', id)
    .executeTakeFirst();
}

const IMAGE_URL = /\/api\/library\/images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;

/** The ids of the library images a Markdown text points to. */
export function imageIdsIn(markdown: string): string[] {
  return [...new Set(Array.from(markdown.matchAll(IMAGE_URL), (m) => m[1]!))];
}

/** Makes the named images of this publication public (once: the first publication that used them). */
export async function publishImages(db: Db, publicationId: string, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('libraryImage').set({ publishedAt: now }).where('id', 'in', ids).where('publicationId', '=', publicationId).where('publishedAt', 'is', null).execute();
}
