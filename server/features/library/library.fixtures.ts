// Test fixtures for the library: the real content imported into a fresh organisation, and people with library roles.
import type { Role } from '#shared/auth/roles.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import type { TestApp } from '#tests/test-app.ts';
import { importContent, type ImportSummary } from './content-import.ts';

/** beforeAll timeout of a file that imports the library: a few hundred texts, each indexed for search. */
export const IMPORT_TIMEOUT = 180_000;

export function libraryCtx(t: TestApp) {
  return operatorCtx({ db: t.deps.db, config: t.deps.config, now: t.deps.now });
}

/** Imports content/ (the demo library) into a new organisation. */
export async function importDemoLibrary(t: TestApp, dir?: string): Promise<{ organisationId: string; summary: ImportSummary }> {
  const organisation = await createOrganisation(t.deps.db, { country: 'RO' });
  const summary = await importContent(libraryCtx(t), { organisation: organisation.id, dir });
  return { organisationId: organisation.id, summary };
}

export interface Person {
  id: string;
  cookie: string;
}

/** A signed-in account holding `roles` in the organisation. */
export async function person(t: TestApp, organisationId: string, roles: Role[], options: { isPlatformAdmin?: boolean; displayName?: string } = {}): Promise<Person> {
  const account = await createAccount(t.deps.db, { organisationId, roles, withTotp: true, ...options });
  return { id: account.id, cookie: await signIn(t.app, { ...account, now: t.deps.now() }) };
}

/** The id of a section by publication, chapter and section slug. */
export async function sectionId(t: TestApp, publication: string, chapter: string, section: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('section')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .innerJoin('publication', 'publication.id', 'chapter.publicationId')
    .select('section.id')
    .where('publication.slug', '=', publication)
    .where('chapter.slug', '=', chapter)
    .where('section.slug', '=', section)
    .executeTakeFirstOrThrow();
  return row.id;
}
