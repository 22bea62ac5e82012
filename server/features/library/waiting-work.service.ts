// Knowledge library, the waiting work the home page's inbox counts: texts to review, one's own texts sent back,
// reader reports to answer. Each count is 0 for an actor without the role, and scoped to their organisation in SQL.
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { countReturnedTexts, countTextsAwaitingReview } from './editing.queries.ts';
import { libraryRoleScope } from './library.policy.ts';
import { countOpenReports } from './report.queries.ts';

/** Texts in review this reviewer may publish: four eyes, so not those they wrote or submitted. */
export async function textsWaitingForReview(db: Db, actor: Actor): Promise<number> {
  const scope = libraryRoleScope(actor, 'reviewer');
  return scope === undefined ? 0 : countTextsAwaitingReview(db, scope, actor.accountId);
}

/** This editor's own drafts that a reviewer returned with a note on what to change. */
export async function ownTextsReturned(db: Db, actor: Actor): Promise<number> {
  const scope = libraryRoleScope(actor, 'editor');
  return scope === undefined ? 0 : countReturnedTexts(db, scope, actor.accountId);
}

/** Open reader reports on the publications this editor edits. */
export async function readerReportsToAnswer(db: Db, actor: Actor): Promise<number> {
  const scope = libraryRoleScope(actor, 'editor');
  return scope === undefined ? 0 : countOpenReports(db, scope);
}
