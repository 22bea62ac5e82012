// Test fixtures for the inbox: a small library (one publication, one chapter) with texts in chosen states, reports
// and invitations, written straight into the tables so each provider's count can be set up exactly.
import { randomUUID } from 'node:crypto';
import type { Db } from '#server/db/db.ts';

export interface TextSpec {
  /** Who wrote the current revision. */
  author: string | null;
  state: 'draft' | 'in_review' | 'published';
  submittedBy?: string | null;
  reviewNote?: string | null;
  language?: string;
}

/** A publication of `organisationId` with one chapter; returns a function adding a section with one text. */
export async function smallLibrary(db: Db, organisationId: string) {
  const slug = `inbox-${randomUUID().slice(0, 8)}`;
  const publication = await db.insertInto('publication').values({ slug, organisationId, titles: { en: 'Test' } }).returning('id').executeTakeFirstOrThrow();
  const chapter = await db
    .insertInto('chapter')
    .values({ publicationId: publication.id, slug: 'one', position: 1, titles: { en: 'One' }, summaries: {} })
    .returning('id')
    .executeTakeFirstOrThrow();
  let position = 0;
  return async function addText(spec: TextSpec): Promise<{ sectionId: string; language: string }> {
    position += 1;
    const language = spec.language ?? 'en';
    const section = await db.insertInto('section').values({ chapterId: chapter.id, slug: `s${position}`, position }).returning('id').executeTakeFirstOrThrow();
    const revision = await db
      .insertInto('sectionRevision')
      .values({ sectionId: section.id, language, number: 1, title: `Section ${position}`, bodyMd: 'Text.', authorAccountId: spec.author, sourceRevisionId: null, note: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const now = new Date();
    await db
      .insertInto('sectionText')
      .values({
        sectionId: section.id,
        language,
        state: spec.state,
        currentRevisionId: revision.id,
        publishedRevisionId: spec.state === 'published' ? revision.id : null,
        submittedBy: spec.submittedBy ?? (spec.state === 'in_review' ? spec.author : null),
        submittedAt: spec.state === 'in_review' ? now : null,
        publishedBy: null,
        publishedAt: null,
        updatedAt: now,
        reviewNote: spec.reviewNote ?? null,
        reviewNoteAt: spec.reviewNote ? now : null,
      })
      .execute();
    return { sectionId: section.id, language };
  };
}

export async function addReport(db: Db, sectionId: string, status: 'open' | 'closed'): Promise<void> {
  await db.insertInto('libraryReport').values({ sectionId, language: 'en', kind: 'unclear', comment: null, reporterAccountId: null, status }).execute();
}

export async function addInvitation(db: Db, organisationId: string, at: Partial<{ expiresAt: Date; acceptedAt: Date; revokedAt: Date }>): Promise<void> {
  await db
    .insertInto('invitation')
    .values({
      organisationId,
      email: `invitee-${randomUUID().slice(0, 8)}@example.test`,
      roles: ['participant'],
      tokenHash: randomUUID(),
      invitedBy: null,
      expiresAt: at.expiresAt ?? new Date(Date.now() + 7 * 24 * 3600_000),
      acceptedAt: at.acceptedAt ?? null,
      revokedAt: at.revokedAt ?? null,
    })
    .execute();
}
