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

export function findImage(db: Db, id: string) {
  return db.selectFrom('libraryImage').select(['id', 'contentType', 'bytes']).where('id', '=', id).executeTakeFirst();
}
