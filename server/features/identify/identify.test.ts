// The identification aid's cards: public A6 PDFs per language. The pocket card carries the steps in brief and the
// Help now numbers; the patient card carries the support numbers under neutral names and, in no language, any word
// for trafficking or exploitation (a revealing registry name is replaced). Both are tagged for screen readers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { REVEALING_WORDS } from '#shared/identify/aid-content.ts';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { aidContent } from './aid-content.ts';

let t: TestApp;

const contact = (key: string, country: string, kind: string, number: string, names: Record<string, string>) => ({
  key,
  country,
  kind,
  position: 1,
  names: JSON.stringify(names),
  purposes: JSON.stringify({ en: 'Purpose.', ro: 'Scop.', nb: 'Formål.' }),
  number,
  hours: '24/7',
  languages: JSON.stringify(['ro']),
  sourceUrl: `https://example.org/${key}`,
  verifiedOn: '2026-12-06',
  chapters: '[]',
  status: 'published',
});

beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.deps.db);
  await t.deps.db.deleteFrom('helpContact').execute();
  await t.deps.db
    .insertInto('helpContact')
    .values([
      { ...contact('ro-112', 'RO', 'emergency', '112', { en: 'Emergency number 112', ro: 'Numărul unic de urgență 112', nb: 'Nødnummeret 112 i Romania' }), organisationId: org.id },
      {
        ...contact('no-rosa', 'NO', 'helpline', '+47 22 33 11 60', {
          en: 'ROSA – national helpline against human trafficking',
          ro: 'ROSA – linia națională de ajutor împotriva traficului de persoane',
          nb: 'ROSA – nasjonal hjelpetelefon mot menneskehandel',
        }),
        organisationId: org.id,
      },
    ])
    .execute();
}, 120_000);
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const folder = mkdtempSync(path.join(tmpdir(), 'identify-pdf-'));

function pdfFile(bytes: Buffer): string {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return file;
}
const pdfText = (bytes: Buffer) => spawnSync('pdftotext', [pdfFile(bytes), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

describe('identification aid cards', () => {
  test('are public PDFs with neutral file names; a bad language is a 400', async () => {
    for (const card of ['pocket-card', 'patient-card']) {
      const res = await get(`/api/identify/${card}.pdf?lang=nb`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await get('/api/identify/patient-card.pdf?lang=ro')).headers['content-disposition']).toBe('attachment; filename="contacts-ro.pdf"');
    expect((await get('/api/identify/pocket-card.pdf?lang=xx')).statusCode).toBe(400);
    expect((await get('/api/identify/pocket-card.pdf?lang=en&extra=1')).statusCode).toBe(400);
  });

  it.skipIf(!hasPdftotext)('the pocket card has every step title and brief line, the disclaimer and the numbers, A6', async () => {
    for (const lang of ['en', 'ro', 'nb'] as const) {
      const bytes = (await get(`/api/identify/pocket-card.pdf?lang=${lang}`)).rawPayload;
      const text = pdfText(bytes);
      const content = aidContent(lang);
      expect(text).toContain(content.pocketCard.title);
      for (const step of content.steps) {
        expect(text).toContain(step.title);
        for (const line of step.brief) expect(text).toContain(line.split(' ').slice(0, 3).join(' '));
      }
      expect(text).toContain('112');
      expect(text).toContain('+47 22 33 11 60');
      const info = spawnSync('pdfinfo', [pdfFile(bytes)], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+297\.64 x 419\.53 pts/);
      expect(info).toMatch(/Tagged:\s+yes/);
    }
  });

  it.skipIf(!hasPdftotext)('the patient card lists the numbers and names nothing about trafficking or exploitation, in any language', async () => {
    for (const lang of ['en', 'ro', 'nb'] as const) {
      const text = pdfText((await get(`/api/identify/patient-card.pdf?lang=${lang}`)).rawPayload);
      const card = aidContent(lang).patientCard;
      expect(text).toContain(card.title);
      expect(text).toContain(card.appointment);
      expect(text).toContain('112');
      expect(text).toContain('+47 22 33 11 60');
      expect(text).toContain(card.helpline);
      const lower = text.toLowerCase();
      for (const word of REVEALING_WORDS) expect(lower, `${lang}: "${word}"`).not.toContain(word);
    }
  });

  it.skipIf(spawnSync('pdfinfo', ['-v']).status !== 0)('are tagged: headings a screen reader can follow', async () => {
    const tree = (bytes: Buffer) => spawnSync('pdfinfo', ['-struct-text', pdfFile(bytes)], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    const pocket = tree((await get('/api/identify/pocket-card.pdf?lang=en')).rawPayload);
    expect(pocket).toMatch(/H1 \(block\) "A patient you are worried about"/);
    expect(pocket).toMatch(/H2 \(block\) "5\. Danger check"/);
    const patient = tree((await get('/api/identify/patient-card.pdf?lang=en')).rawPayload);
    expect(patient).toMatch(/H1 \(block\) "Health and support contacts"/);
  });
});
