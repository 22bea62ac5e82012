import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import type { SearchResponse } from '#shared/search/search.schema.ts';
import { importDemoLibrary } from '#server/features/library/library.fixtures.ts';
import { publishText } from './search.fixtures.ts';
import { removeSectionText } from './search-index.service.ts';
import { buildThesaurus, synonymsOf, thesaurusOf } from './search-thesaurus.ts';

let t: TestApp;
let cookie: string;
const fixture: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  // NOTE: the real content/, imported by the library feature's importer (which indexes through indexSectionText).
  await importDemoLibrary(t);
  await addFixture((await createOrganisation(t.deps.db)).id);
  cookie = await signIn(t.app, await createAccount(t.deps.db));
}, 120_000);
afterAll(async () => t.close());

/** A small publication with texts written for one assertion each. */
async function addFixture(organisationId: string): Promise<void> {
  const db = t.deps.db;
  const pub = await db.insertInto('publication').values({ slug: 'fixture', organisationId, titles: { en: 'Fixture' } }).returning('id').executeTakeFirstOrThrow();
  const chapter = await db
    .insertInto('chapter')
    .values({ publicationId: pub.id, slug: 'notes', position: 1, titles: { en: 'Notes', ro: 'Note' }, summaries: {} })
    .returning('id')
    .executeTakeFirstOrThrow();
  const texts: [string, string, string, string][] = [
    ['zebra-title', 'en', 'Zebra crossings near the clinic', 'Where patients cross the road on foot.'],
    ['zebra-body', 'en', 'Road notes', 'A zebra was painted on the wall. Another zebra stood by the gate.'],
    ['cedilla', 'ro', 'Fabrica', 'Fabrica de ţesături angaja muncitori fără contract.'],
    ['comma', 'ro', 'Atelierul', 'Atelierul de țesături ținea actele muncitorilor.'],
    ['physician', 'en', 'Okapi keepers', 'The physician examined the okapi keeper after the fall.'],
    ['quagga', 'en', 'Quagga notes', 'A quagga grazed alone. Nothing else here mentions the other animal.'],
    ['long', 'en', 'Long text', `${Array.from({ length: 80 }, (_, i) => `filler${i % 7}word`).join(' ')} the tapir appears here once. ${'closing words follow. '.repeat(20)}`],
    ['xss', 'en', 'Zanzibar <b>bold</b>', 'Zanzibar notes: `<script>alert(1)</script>` dose < 5 mg > 2 <img src=x onerror=alert(2)> "quoted" & \u0001forged\u0002 marks.'],
  ];
  for (const [i, [slug, lang, title, body]] of texts.entries()) {
    const { id } = await db.insertInto('section').values({ chapterId: chapter.id, slug, position: i }).returning('id').executeTakeFirstOrThrow();
    fixture[slug] = id;
    await publishText(db, id, lang, title, body);
  }
}

async function search(query: Record<string, string>, headers: Record<string, string> = {}): Promise<SearchResponse> {
  const res = await t.app.inject({ method: 'GET', url: `/api/library/search?${new URLSearchParams(query)}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json<SearchResponse>();
}

const places = (r: SearchResponse) => r.results.map((x) => `${x.chapter.slug}/${x.section.slug}`);

describe('library search: Romanian', () => {
  it('finds texts written with ă when the query has no diacritics, in the same order as with them', async () => {
    const plain = await search({ q: 'victima', lang: 'ro' });
    const accented = await search({ q: 'victimă', lang: 'ro' });
    expect(plain.results.length).toBeGreaterThanOrEqual(5);
    expect(places(plain)).toEqual(places(accented));
    expect(plain.results.some((r) => r.snippetHtml.includes('<mark>victimă</mark>'))).toBe(true);
    expect(plain.didYouMean).toBeNull();
  });

  it('matches ş/ţ with cedilla and ș/ț with comma whichever the reader types', async () => {
    for (const q of ['ţesături', 'țesături', 'tesaturi']) {
      const r = await search({ q, lang: 'ro', publication: 'fixture' });
      expect(places(r).sort()).toEqual(['notes/cedilla', 'notes/comma']);
    }
    const r = await search({ q: 'tesaturi', lang: 'ro', publication: 'fixture' });
    const snippets = r.results.map((x) => x.snippetHtml).join(' ');
    expect(snippets).toContain('<mark>ţesături</mark>');
    expect(snippets).toContain('<mark>țesături</mark>');
  });
});

describe('library search: ranking, languages and filters', () => {
  it('ranks a title hit above body-only hits', async () => {
    const r = await search({ q: 'zebra', lang: 'en', publication: 'fixture' });
    expect(places(r)).toEqual(['notes/zebra-title', 'notes/zebra-body']);
    expect(r.results[0]!.rank).toBeGreaterThan(r.results[1]!.rank);
  });

  it('puts the communication chapter first for "interpreter", and while it is being typed', async () => {
    for (const q of ['interpreter', 'interpre']) {
      const r = await search({ q, lang: 'en' });
      expect(r.results[0]!.chapter.slug).toBe('communication');
      expect(r.results[0]!.section.slug).toMatch(/interpreter/);
    }
  });

  it('searches Norwegian texts for a Norwegian query, and never English ones', async () => {
    const nb = await search({ q: 'menneskehandel', lang: 'nb', limit: '50' });
    const nbTitles = new Set((await t.deps.db.selectFrom('sectionRevision').select('title').where('language', '=', 'nb').execute()).map((r) => r.title));
    expect(nb.results.length).toBeGreaterThanOrEqual(5);
    expect(nb.results.every((r) => nbTitles.has(r.section.title))).toBe(true);
    // NOTE: the thesaurus adds "trafficking" (quoted English sources) to the group of menneskehandel.
    expect(nb.results.every((r) => /<mark>(menneskehandel|trafficking)/.test(r.snippetHtml.toLowerCase()))).toBe(true);
    // NOTE: an English text may cite a Norwegian source by its title; it is still an English text.
    const enTitles = new Set((await t.deps.db.selectFrom('sectionRevision').select('title').where('language', '=', 'en').execute()).map((r) => r.title));
    expect((await search({ q: 'menneskehandel', lang: 'en' })).results.every((r) => enTitles.has(r.section.title))).toBe(true);
  });

  it('filters by publication', async () => {
    const all = await search({ q: 'referral', lang: 'en', limit: '50' });
    expect(new Set(all.results.map((r) => r.publication.slug))).toEqual(new Set(['manual', 'guide']));
    const guide = await search({ q: 'referral', lang: 'en', publication: 'guide', limit: '50' });
    expect(guide.results.length).toBeGreaterThan(0);
    expect(guide.results.every((r) => r.publication.slug === 'guide')).toBe(true);
    expect(guide.results.length).toBeLessThan(all.results.length);
  });

  it('shows professionals-only chapters to signed-in readers only', async () => {
    const query = { q: 'danger', lang: 'en', limit: '50' };
    const anonymous = await search(query);
    const signedIn = await search(query, { cookie });
    expect(anonymous.results.length).toBeGreaterThan(0);
    expect(anonymous.results.some((r) => r.chapter.slug === 'safety-security')).toBe(false);
    expect(signedIn.results.some((r) => r.chapter.slug === 'safety-security')).toBe(true);
    expect((await search({ q: 'indicators', lang: 'en', limit: '50' })).results.some((r) => r.chapter.slug === 'recognising-indicators')).toBe(true);
  });

  it('tells anonymous readers how many professionals-only sections also match, and signed-in readers nothing', async () => {
    const query = { q: 'safe contact', lang: 'en', limit: '50' };
    const anonymous = await search(query);
    expect(anonymous.hiddenProfessional).toBeGreaterThan(0);
    expect(anonymous.results.some((r) => r.chapter.slug === 'safety-security')).toBe(false);
    expect((await search(query, { cookie })).hiddenProfessional).toBe(0);
    expect((await search({ q: 'zebra', lang: 'en', publication: 'fixture' })).hiddenProfessional).toBe(0);
  });
});

describe('library search: partial matches, thesaurus and snippets', () => {
  it.each([
    ['tegn på menneskehandel hos pasient', 'nb'],
    ['victima minora', 'ro'],
  ])('finds sections for "%s" though no section has every word, marked partial', async (q, lang) => {
    const r = await search({ q, lang });
    expect(r.results.length).toBeGreaterThanOrEqual(3);
    expect(r.results.some((x) => x.partial)).toBe(true);
  });

  it('ranks sections by how many of the words they match, and marks only the incomplete ones partial', async () => {
    const r = await search({ q: 'quagga zebra', lang: 'en', publication: 'fixture' });
    expect(places(r).sort()).toEqual(['notes/quagga', 'notes/zebra-body', 'notes/zebra-title']);
    expect(r.results.every((x) => x.partial)).toBe(true);
    const whole = await search({ q: 'zebra crossings', lang: 'en', publication: 'fixture' });
    expect(places(whole)[0]).toBe('notes/zebra-title');
    expect(whole.results[0]!.partial).toBe(false);
  });

  it('expands a word into its thesaurus group: "doctor" finds a text saying "physician"', async () => {
    const thesaurus = await thesaurusOf(t.deps.db);
    expect(synonymsOf(thesaurus, 'en', 'Doctor')).toContain('physician');
    expect(synonymsOf(thesaurus, 'ro', 'minoră')).toContain('copil');
    const r = await search({ q: 'doctor', lang: 'en', publication: 'fixture' });
    expect(places(r)).toEqual(['notes/physician']);
    expect(r.results[0]!.snippetHtml).toContain('<mark>physician</mark>');
    expect(r.results[0]!.partial).toBe(false);
  });

  it('reads phrases and every entry of a group, and refuses a malformed thesaurus', () => {
    const t = buildThesaurus({ en: [['companion', 'accompanying person']], ro: [], nb: [['barn', 'mindreårig']] });
    expect(t.en.get('companion')).toEqual(['accompanying person']);
    expect(t.en.has('accompanying person')).toBe(false);
    expect(t.nb.get('mindrearig')).toEqual(['barn']);
    expect(() => buildThesaurus({ en: [['alone']], ro: [], nb: [] })).toThrow();
  });

  it('starts a snippet at a word boundary and shows the highlighted word', async () => {
    const r = await search({ q: 'tapir', lang: 'en', publication: 'fixture' });
    expect(places(r)).toEqual(['notes/long']);
    const html = r.results[0]!.snippetHtml;
    expect(html).toContain('<mark>tapir</mark>');
    const first = html.replace(/<\/?mark>/g, '').split(/\s+/)[0]!;
    expect(first).toMatch(/^(filler\dword|the|tapir|…)$/);
  });

  it('starts snippets of the real library at word boundaries, with the match highlighted', async () => {
    const texts = (await t.deps.db.selectFrom('sectionSearch').select('plainText').where('language', '=', 'ro').execute()).map((x) => x.plainText);
    const words = new Set(texts.flatMap((x) => x.split(/\s+/)));
    for (const q of ['victima', 'insotitor', 'consimtamant']) {
      const r = await search({ q, lang: 'ro', limit: '20' });
      for (const x of r.results) {
        expect(x.snippetHtml).toContain('<mark>');
        const first = x.snippetHtml.replace(/<\/?mark>/g, '').replace(/&[a-z]+;|&#\d+;/g, '').split(/\s+/)[0]!;
        expect(words.has(first) || first === '…' || [...words].some((w) => w.startsWith(first) && w.length - first.length <= 1)).toBe(true);
      }
    }
  });
});

describe('library search: typos', () => {
  it.each(['traficing', 'traffiking'])('corrects "%s" to trafficking and finds it', async (q) => {
    const r = await search({ q, lang: 'en' });
    expect(r.didYouMean).toBe('trafficking');
    expect(r.results.length).toBeGreaterThanOrEqual(3);
    expect(r.results[0]!.snippetHtml.toLowerCase()).toContain('<mark>trafficking</mark>');
  });

  it('does not suggest anything for a query that finds enough as typed', async () => {
    const r = await search({ q: 'trafficking', lang: 'en' });
    expect(r.didYouMean).toBeNull();
    expect(r.results).toHaveLength(10);
  });

  it('finds nothing and suggests nothing for gibberish', async () => {
    expect(await search({ q: 'qqxxzzvv', lang: 'en' })).toEqual({ results: [], didYouMean: null, hiddenProfessional: 0 });
  });
});

describe('library search: safety and input', () => {
  it('escapes content: the only markup in a snippet is <mark>', async () => {
    const r = await search({ q: 'zanzibar', lang: 'en', publication: 'fixture' });
    expect(places(r)).toEqual(['notes/xss']);
    const html = r.results[0]!.snippetHtml;
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(html).toContain('dose &lt; 5 mg &gt; 2');
    expect(html).not.toContain('script');
    expect(html).toContain('&quot;quoted&quot; &amp;');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('<mark>forged</mark>');
    expect(html.match(/<mark>/g)).toHaveLength(1);
    expect(r.results[0]!.section.title).toBe('Zanzibar <b>bold</b>');
  });

  it('never reflects markup from the query', async () => {
    for (const q of ['zanzibar "><script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'zanzibr <b>x</b>']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/library/search?${new URLSearchParams({ q, lang: 'en' })}` });
      expect(res.statusCode).toBe(200);
      const body = res.json<SearchResponse>();
      const html = body.results.map((r) => r.snippetHtml).join(' ');
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(body.didYouMean ?? '').not.toMatch(/[<>"]/);
    }
  });

  it('refuses an empty query and an unknown language with 400', async () => {
    for (const qs of ['q=&lang=en', 'q=x&lang=de', 'q=x', `q=${'a'.repeat(201)}&lang=en`, 'q=x&lang=en&limit=0']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/library/search?${qs}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid');
    }
  });

  it('stops finding a section once it is taken out of the index', async () => {
    await removeSectionText(t.deps.db, { sectionId: fixture['zebra-body']!, language: 'en' });
    const r = await search({ q: 'zebra', lang: 'en', publication: 'fixture' });
    expect(places(r)).toEqual(['notes/zebra-title']);
  });
});
