// The search thesaurus in the desk: list a language's synonym groups, add, change and delete one. Every change is
// audited, checked against the other groups (a term in two groups would silently merge them) and seen by the next
// search at once.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import type { SynonymGroup, SynonymGroupCreate, SynonymGroupList, SynonymGroupUpdate } from '#shared/search/thesaurus.schema.ts';
import { canKeepThesaurus } from './search.policy.ts';
import { foldWord, forgetThesaurus } from './search-thesaurus.ts';
import { deleteGroup, findGroup, insertGroup, listGroups, updateGroupTerms, type GroupRow } from './thesaurus.queries.ts';

function allow(ctx: Ctx): void {
  if (!canKeepThesaurus(ctx.actor)) throw new AppError('forbidden', 'Only editors and reviewers can do this.');
}

const present = (r: GroupRow): SynonymGroup => ({ id: r.id, language: r.language as LibraryLanguage, terms: r.terms, version: r.version });

/** Lower case, spaces collapsed, each term once. */
function normalise(terms: string[]): string[] {
  return [...new Set(terms.map((t) => t.toLowerCase().replace(/\s+/g, ' ').trim()))];
}

/** Refuses terms that another group of the language holds (compared like search does: without diacritics). */
async function checkTerms(ctx: Ctx, language: string, terms: string[], except: string | null): Promise<void> {
  const mine = new Set(terms.map(foldWord));
  const taken = (await listGroups(ctx.db, language)).filter((g) => g.id !== except).flatMap((g) => g.terms.filter((t) => mine.has(foldWord(t))));
  if (taken.length > 0) throw new AppError('invalid', 'Some terms are already in another group.', { fields: { terms: `Already in another group: ${[...new Set(taken)].join(', ')}` } });
  if (terms.length < 2) throw new AppError('invalid', 'Write at least two different terms.', { fields: { terms: 'Write at least two different terms' } });
}

export async function listThesaurus(ctx: Ctx, language: LibraryLanguage): Promise<SynonymGroupList> {
  allow(ctx);
  return { language, groups: (await listGroups(ctx.db, language)).map(present) };
}

export async function createGroup(ctx: Ctx, input: SynonymGroupCreate): Promise<SynonymGroup> {
  allow(ctx);
  const terms = normalise(input.terms);
  await checkTerms(ctx, input.language, terms, null);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertGroup(trx, { language: input.language, terms, updatedBy: actorOf(ctx).accountId, at: ctx.now });
    await recordAudit(ctx, trx, { action: 'thesaurus.group_created', entityType: 'search_synonym_group', entityId: created, details: { language: input.language, terms: terms.length } });
    return created;
  });
  forgetThesaurus();
  return present((await findGroup(ctx.db, id))!);
}

async function existing(ctx: Ctx, id: string): Promise<GroupRow> {
  allow(ctx);
  const group = await findGroup(ctx.db, id);
  if (!group) throw new AppError('not_found', 'No such synonym group.');
  return group;
}

async function stale(ctx: Ctx, id: string): Promise<never> {
  const current = await findGroup(ctx.db, id);
  throw new AppError('conflict', 'Someone else changed this group in the meantime.', { current: current ? present(current) : null });
}

export async function updateGroup(ctx: Ctx, id: string, input: SynonymGroupUpdate): Promise<SynonymGroup> {
  const group = await existing(ctx, id);
  const terms = normalise(input.terms);
  await checkTerms(ctx, group.language, terms, id);
  const written = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateGroupTerms(trx, id, input.version, { terms, updatedBy: actorOf(ctx).accountId, at: ctx.now }))) return false;
    const details = { language: group.language, termsBefore: group.terms.length, terms: terms.length };
    await recordAudit(ctx, trx, { action: 'thesaurus.group_updated', entityType: 'search_synonym_group', entityId: id, details });
    return true;
  });
  if (!written) return stale(ctx, id);
  forgetThesaurus();
  return present((await findGroup(ctx.db, id))!);
}

export async function removeGroup(ctx: Ctx, id: string, version: number): Promise<void> {
  const group = await existing(ctx, id);
  const removed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteGroup(trx, id, version))) return false;
    await recordAudit(ctx, trx, { action: 'thesaurus.group_deleted', entityType: 'search_synonym_group', entityId: id, details: { language: group.language, terms: group.terms.length } });
    return true;
  });
  if (!removed) return stale(ctx, id);
  forgetThesaurus();
}
