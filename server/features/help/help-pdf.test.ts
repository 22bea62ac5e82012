// The publication PDF ends with a "Help now" page: the published contacts in the PDF's language, the country of that
// language first, each with its source and the day it was checked; a changed contact makes the cached PDF anew.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishText } from '#server/features/search/search.fixtures.ts';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

let t: TestApp;

const contact = (key: string, country: string, number: string, names: Record<string, string>, status = 'published') => ({
  key,
  country,
  kind: 'emergency',
  position: 1,
  names: JSON.stringify(names),
  purposes: JSON.stringify({ en: `Purpose of ${key}.`, ro: `Scopul lui ${key}.`, nb: `Formålet med ${key}.` }),
  number,
  hours: '24/7',
  languages: JSON.stringify(['ro']),
  sourceUrl: `https://example.org/${key}`,
  verifiedOn: '2026-12-06',
  chapters: '[]',
  status,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  const org = await createOrganisation(db);
  const { id: publicationId } = await db.insertInto('publication').values({ slug: 'help-fixture', organisationId: org.id, titles: { en: 'Fixture' } }).returning('id').executeTakeFirstOrThrow();
  const { id: chapterId } = await db.insertInto('chapter').values({ publicationId, slug: 'basics', position: 1, titles: { en: 'Basics' }, summaries: {} }).returning('id').executeTakeFirstOrThrow();
  const { id: sectionId } = await db.insertInto('section').values({ chapterId, slug: 'intro', position: 1 }).returning('id').executeTakeFirstOrThrow();
  await publishText(db, sectionId, 'en', 'Introduction', 'Plain text.');
  await db
    .insertInto('helpContact')
    .values([
      { ...contact('no-112', 'NO', '112', { en: 'Police 112', ro: 'Poliția 112', nb: 'Politiet 112' }), organisationId: org.id },
      { ...contact('ro-112', 'RO', '112', { en: 'Emergency 112', ro: 'Urgențe 112', nb: 'Nødnummer 112' }), organisationId: org.id },
      { ...contact('gone', 'RO', '0800 000', { en: 'Withdrawn line', ro: 'Linie retrasă', nb: 'Trukket linje' }, 'withdrawn'), organisationId: org.id },
    ])
    .execute();
}, 120_000);
afterAll(() => t.close());

const pdf = async (lang: string) => (await t.app.inject({ method: 'GET', url: `/api/library/publications/help-fixture/pdf?lang=${lang}` })).rawPayload;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const folder = mkdtempSync(path.join(tmpdir(), 'help-pdf-'));

function pdfText(bytes: Buffer): string {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
}

describe('Help now page of the PDF', () => {
  it.skipIf(!hasPdftotext)('lists published contacts in the language, its country first, with source and checked date', async () => {
    const ro = pdfText(await pdf('ro'));
    expect(ro).toContain('Ajutor acum');
    expect(ro).toContain('112 · Urgențe 112');
    expect(ro).toContain('Sursa: https://example.org/ro-112 (verificat la 6 decembrie 2026)');
    expect(ro.indexOf('România')).toBeLessThan(ro.indexOf('Norvegia'));
    expect(ro).not.toContain('Linie retrasă');
    const nb = pdfText(await pdf('nb'));
    expect(nb).toContain('Hjelp nå');
    expect(nb.indexOf('Norge')).toBeLessThan(nb.indexOf('Romania'));
    expect(nb).toContain('Kilde: https://example.org/no-112');
  });

  it.skipIf(spawnSync('pdfinfo', ['-v']).status !== 0)('is tagged like the chapters: a heading per page, country and contact, so a screen reader reads it', async () => {
    const file = path.join(folder, 'tagged.pdf');
    writeFileSync(file, await pdf('en'));
    const tree = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(tree).toMatch(/H1 \(block\) "Help now"/);
    expect(tree).toMatch(/H2 \(block\) "Romania"/);
    expect(tree).toMatch(/H3 \(block\) "112 · Emergency 112"/);
  });

  it('a changed contact makes the next download a new file', async () => {
    await pdf('en');
    const fingerprint = async () => (await t.deps.db.selectFrom('publicationPdf').select('fingerprint').where('language', '=', 'en').executeTakeFirstOrThrow()).fingerprint;
    const before = await fingerprint();
    await pdf('en');
    expect(await fingerprint()).toBe(before);
    await t.deps.db.updateTable('helpContact').set({ hours: 'Day and night', version: 2 }).where('key', '=', 'ro-112').execute();
    const after = await pdf('en');
    expect(await fingerprint()).not.toBe(before);
    if (hasPdftotext) expect(pdfText(after)).toContain('Day and night');
  });
});
