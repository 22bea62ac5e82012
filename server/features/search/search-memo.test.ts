// Term weights, spelling corrections and term tsqueries kept in memory: right, and forgotten when the index changes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { publishText } from './search.fixtures.ts';
import { termQuery, type QueryTerm, type SearchScope } from './search.queries.ts';
import { removeSectionText } from './search-index.service.ts';
import { termRarity } from './search-rarity.ts';
import { correctedWords } from './search-spelling.ts';
import { termQueries } from './search-terms.ts';

let t: TestApp;
let chapterId: string;
const scope: SearchScope = { language: 'en', config: 'ph_english', publicationSlug: 'rarity', includeProfessionals: true, limit: 10 };
const words: QueryTerm[] = [
  { word: 'wombat', prefix: false, synonyms: [] },
  { word: 'the', prefix: false, synonyms: [] },
];

beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.deps.db);
  const pub = await t.deps.db.insertInto('publication').values({ slug: 'rarity', organisationId: org.id, titles: { en: 'Rarity' } }).returning('id').executeTakeFirstOrThrow();
  chapterId = (
    await t.deps.db.insertInto('chapter').values({ publicationId: pub.id, slug: 'c', position: 1, titles: { en: 'C' }, summaries: {} }).returning('id').executeTakeFirstOrThrow()
  ).id;
  for (let i = 0; i < 4; i++) await publish(`s${i}`, i, i === 0 ? 'A wombat dug here.' : 'Nothing of note.');
}, 120_000);
afterAll(async () => t.close());

async function publish(slug: string, position: number, body: string): Promise<string> {
  const { id } = await t.deps.db.insertInto('section').values({ chapterId, slug, position }).returning('id').executeTakeFirstOrThrow();
  await publishText(t.deps.db, id, 'en', `Section ${slug}`, body);
  return id;
}

const weights = async () => termRarity(t.deps.db, scope, words, await termQueries(t.deps.db, scope.config, words));

describe('term weights and spelling corrections kept in memory', () => {
  it('weighs a word by how few sections hold it, a stop word by nothing', async () => {
    const [wombat, stop] = await weights();
    expect(wombat).toBeCloseTo(Math.log((4 + 1) / (1 + 1)), 6);
    expect(stop).toBe(0);
  });

  it('weighs again once a publish or an unpublish changes the index', async () => {
    const before = (await weights())[0]!;
    const added = await publish('s4', 4, 'Another wombat.');
    const after = (await weights())[0]!;
    expect(after).toBeCloseTo(Math.log((5 + 1) / (2 + 1)), 6);
    expect(after).toBeLessThan(before);
    await removeSectionText(t.deps.db, { sectionId: added, language: 'en' });
    expect((await weights())[0]!).toBeCloseTo(Math.log((4 + 1) / (1 + 1)), 6);
  });

  it('corrects a typo to a word published after the typo was first searched', async () => {
    expect(await correctedWords(t.deps.db, 'en', ['wombatt', 'in'])).toEqual(['wombat', 'in']);
    expect(await correctedWords(t.deps.db, 'en', ['quokkaa'])).toEqual(['quokkaa']);
    await publish('s5', 5, 'A quokka smiled.');
    expect(await correctedWords(t.deps.db, 'en', ['quokkaa'])).toEqual(['quokka']);
  });

  it('keeps each term as the same tsquery PostgreSQL builds for it', async () => {
    const term: QueryTerm = { word: 'interpre', prefix: true, synonyms: ['translator', 'language mediator'] };
    const [kept] = await termQueries(t.deps.db, scope.config, [term]);
    const { rows } = await sql<{ same: boolean }>`select ${kept!} = ${termQuery(scope.config, term)} as same`.execute(t.deps.db);
    expect(rows[0]!.same).toBe(true);
  });
});
