// The directory's search words: every language's summary, the organisation and the category names, accents folded.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { foldText, prefixQuery, refreshSearchVectors } from './directory-search-text.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

test('a service is found by folded prefixes of its summaries, organisation and category names', async () => {
  const org = await t.deps.db.insertInto('directoryOrganization').values({ name: 'Centrul Speranța', country: 'RO', descriptions: '{}' }).returning('id').executeTakeFirstOrThrow();
  const svc = await t.deps.db
    .insertInto('directoryService')
    .values({ directoryOrganizationId: org.id, name: 'Cabinet', summaries: JSON.stringify({ ro: 'Consultații de sănătate', nb: 'Helsehjelp' }), categories: '["shelter"]', languages: '[]', serviceAreas: '[]', sexes: '[]', requiredDocuments: '[]', schedules: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshSearchVectors(t.deps.db, [svc.id]);
  const hits = async (term: string) =>
    (await sql<{ id: string }>`select id from directory_service where search_vector @@ to_tsquery('simple', ${prefixQuery(term)})`.execute(t.deps.db)).rows.map((r) => r.id);
  for (const term of ['sanatate', 'Sănătate', 'helseh', 'speranta', 'adapost', 'Botilbud', 'shelter']) expect(await hits(term), term).toEqual([svc.id]);
  expect(await hits('psykisk')).toEqual([]);
});

test('a search term cannot inject tsquery syntax', () => {
  expect(prefixQuery("a & !b | c:* ' (")).toBe('a:* & b:* & c:*');
  expect(prefixQuery('  &|! ')).toBeNull();
  expect(foldText('ȘȚĂÎÂ Østfold')).toBe('staia ostfold');
});
