// Attachments: type sniffed from the bytes (415 otherwise), 10 MB limit (413), bytes and name sealed at rest, listed
// and downloaded only through the case's rules for the attachment's category (404 and audited otherwise).
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { ATTACHMENT_MAX_BYTES } from '#shared/cases/case-protection.schema.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';
import { PNG, pdfWith, upload } from './case-protection.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

describe('uploading', () => {
  test('keeps a PDF sealed at rest, with the type read from its bytes and not from the name', async () => {
    const c = await openCase(t, w.ngo.owner);
    const res = await upload(t, w.ngo.owner, c.id, 'health', 'scan-Marinescu.png', pdfWith('UNIQUE-PDF-MARKER-7781'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ category: 'health', mediaType: 'application/pdf', fileName: 'scan-Marinescu.png' });
    const row = await t.deps.db.selectFrom('caseAttachment').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(Buffer.from(row.content).includes('UNIQUE-PDF-MARKER-7781')).toBe(false);
    expect(row.fileName).not.toMatch(/Marinescu/);
    expect(row.keyId).toBe(t.deps.config.encryptionKeys[0]!.id);
    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'case.attachment_added').where('entityId', '=', c.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toMatch(/Marinescu/);
  });

  test('refuses what is not a PDF, PNG, JPEG or WebP whatever the client says (415), and an empty or broken file', async () => {
    const c = await openCase(t, w.ngo.owner);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    expect((await upload(t, w.ngo.owner, c.id, 'health', 'report.pdf', exe)).statusCode).toBe(415);
    expect((await upload(t, w.ngo.owner, c.id, 'health', 'page.html', Buffer.from('<html><script>alert(1)</script></html>'))).statusCode).toBe(415);
    const notBase64 = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/attachments?category=health`, { fileName: 'x.pdf', dataBase64: '%%%' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().fields).toHaveProperty('dataBase64');
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/attachments?category=nonsense`, { fileName: 'x.png', dataBase64: PNG.toString('base64') })).statusCode).toBe(400);
  });

  test('refuses more than 10 MB with 413, and nothing is stored', async () => {
    const c = await openCase(t, w.ngo.owner);
    const big = Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    expect((await upload(t, w.ngo.owner, c.id, 'general', 'big.png', big)).statusCode).toBe(413);
    const stored = await t.deps.db.selectFrom('caseAttachment').select('id').where('caseId', '=', c.id).execute();
    expect(stored).toEqual([]);
  });

  test('needs the write grant of the category', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    expect((await upload(t, w.ngo.psychologist, c.id, 'health', 'x.png', PNG)).statusCode).toBe(404);
    expect((await upload(t, w.ngo.psychologist, c.id, 'psychological', 'x.png', PNG)).statusCode).toBe(201);
    expect((await upload(t, w.other.caseManager, c.id, 'general', 'x.png', PNG)).statusCode).toBe(404);
  });
});

describe('reading', () => {
  test('lists and downloads only the categories of the grant; other cases and organisations get 404', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    const health = (await upload(t, w.ngo.owner, c.id, 'health', 'clinic.png', PNG)).json();
    const psych = (await upload(t, w.ngo.owner, c.id, 'psychological', 'session.pdf', pdfWith('x'))).json();
    const seen = (await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/attachments`)).json();
    expect(seen.attachments.map((a: { id: string }) => a.id)).toEqual([psych.id]);
    expect((await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/attachments?category=health`)).statusCode).toBe(404);
    expect((await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/attachments/${health.id}`)).statusCode).toBe(404);

    const file = await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/attachments/${health.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${health.id}.png"`);
    expect(file.headers['cache-control']).toBe('private, no-store');

    const other = await openCase(t, w.ngo.owner);
    expect((await call(t, w.ngo.owner, 'GET', `/api/cases/${other.id}/attachments/${health.id}`)).statusCode).toBe(404);
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}/attachments/${health.id}`)).statusCode).toBe(404);
    expect((await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}/attachments/${health.id}`)).statusCode).toBe(404);

    const reads = await t.deps.db.selectFrom('auditEvent').select(['action', 'details', 'actorAccountId']).where('entityId', '=', c.id).where('action', 'in', ['case.read', 'case.access_refused']).execute();
    expect(reads.filter((r) => r.action === 'case.read' && (r.details as { attachmentId?: string }).attachmentId === health.id)).toHaveLength(1);
    expect(reads.filter((r) => r.action === 'case.access_refused' && r.actorAccountId === w.ngo.psychologist.id).length).toBeGreaterThanOrEqual(2);
  });
});
