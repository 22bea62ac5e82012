// Reader reports on library sections. Kysely only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export interface ReportValues {
  sectionId: string;
  language: string;
  kind: string;
  comment: string | null;
  reporterAccountId: string | null;
  createdAt: Date;
}

export function insertReport(db: Db, v: ReportValues) {
  return db.insertInto('libraryReport').values(v).returning('id').executeTakeFirstOrThrow();
}

/** Reports with the section's place and title in the report's language (source language when missing). */
export function listReports(db: Db, filter: { organisationId: string | null; status?: string; id?: string }) {
  let q = db
    .selectFrom('libraryReport as r')
    .innerJoin('section', 'section.id', 'r.sectionId')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .innerJoin('publication', 'publication.id', 'chapter.publicationId')
    .leftJoin('sectionText as t', (j) => j.onRef('t.sectionId', '=', 'r.sectionId').onRef('t.language', '=', 'r.language'))
    .leftJoin('sectionText as st', (j) => j.onRef('st.sectionId', '=', 'r.sectionId').onRef('st.language', '=', 'publication.sourceLanguage'))
    .leftJoin('sectionRevision as tr', (j) => j.on((eb) => eb('tr.id', '=', eb.fn.coalesce('t.publishedRevisionId', 't.currentRevisionId'))))
    .leftJoin('sectionRevision as sr', 'sr.id', 'st.currentRevisionId')
    .select([
      'r.id',
      'r.sectionId',
      'section.slug as sectionSlug',
      sql<string>`coalesce(tr.title, sr.title, section.slug)`.as('sectionTitle'),
      'chapter.slug as chapterSlug',
      'publication.slug as publicationSlug',
      'publication.organisationId',
      'r.language',
      'r.kind',
      'r.comment',
      'r.status',
      'r.resolution',
      'r.resolutionNote',
      'r.resolvedRevisionId',
      'r.createdAt',
      'r.closedAt',
      'r.version',
    ])
    .orderBy('r.createdAt', 'desc')
    .limit(500);
  if (filter.organisationId) q = q.where('publication.organisationId', '=', filter.organisationId);
  if (filter.status) q = q.where('r.status', '=', filter.status);
  if (filter.id) q = q.where('r.id', '=', filter.id);
  return q.execute();
}
export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

export interface ReportClosing {
  resolution: string;
  resolutionNote: string | null;
  resolvedRevisionId: string | null;
  closedBy: string;
  closedAt: Date;
}

/** Closes an open report still at `version`; false when it changed or was closed meanwhile. */
export async function closeReportRow(db: Db, id: string, version: number, c: ReportClosing): Promise<boolean> {
  const result = await db
    .updateTable('libraryReport')
    .set({ ...c, status: 'closed', version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Open reports on the publications of `organisationId` (null: all). */
export async function countOpenReports(db: Db, organisationId: string | null): Promise<number> {
  let q = db
    .selectFrom('libraryReport as r')
    .innerJoin('section', 'section.id', 'r.sectionId')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .innerJoin('publication', 'publication.id', 'chapter.publicationId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.status', '=', 'open');
  if (organisationId) q = q.where('publication.organisationId', '=', organisationId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
