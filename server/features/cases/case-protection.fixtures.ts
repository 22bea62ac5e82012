// Test helpers of the data-protection part: small real files (a PNG, a PDF), uploads, and rows the other parts'
// APIs write (assistance, comments, plans) inserted directly, so these tests do not depend on those routes.
import type { TestApp } from '#tests/test-app.ts';
import { seal, sealJson } from './vault.ts';
import { call, type Person } from './cases.fixtures.ts';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A small PDF whose bytes carry `marker` in clear (so a dump would show it if the bytes were not sealed). */
export function pdfWith(marker: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');
}

export function upload(t: TestApp, who: Person, caseId: string, category: string, fileName: string, bytes: Buffer) {
  return call(t, who, 'POST', `/api/cases/${caseId}/attachments?category=${category}`, { fileName, dataBase64: bytes.toString('base64') });
}

export async function insertAssistance(t: TestApp, caseId: string, values: { type: string; category: string; note?: string; providerRole?: string; providerOrganisationId?: string }) {
  const c = await t.deps.db.selectFrom('caseFile').select('organisationId').where('id', '=', caseId).executeTakeFirstOrThrow();
  const keys = t.deps.config.encryptionKeys;
  return t.deps.db
    .insertInto('caseAssistance')
    .values({ caseId, organisationId: c.organisationId, type: values.type, category: values.category, state: 'delivered', occurredOn: '2026-03-02', sharedWith: '[]', outcome: 'provided', providerRole: values.providerRole ?? null, providerOrganisationId: values.providerOrganisationId ?? null, note: seal(keys, values.note) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertComment(t: TestApp, caseId: string, category: string, body: string) {
  await t.deps.db.insertInto('caseComment').values({ caseId, category, body: seal(t.deps.config.encryptionKeys, body)! }).execute();
}

export async function insertPlan(t: TestApp, caseId: string, category: string, objectives: string) {
  const keys = t.deps.config.encryptionKeys;
  const plan = await t.deps.db.insertInto('casePlan').values({ caseId, type: 'Health', category, objectives: seal(keys, objectives), goals: sealJson(keys, [{ text: objectives, done: false }]) }).returning('id').executeTakeFirstOrThrow();
  await t.deps.db.insertInto('casePlanReview').values({ planId: plan.id, reviewedOn: '2026-04-01', progress: 'on_track', note: seal(keys, `${objectives} review`) }).execute();
  return plan;
}

/** Closes the case as the workflow would (status, closure time), without going through its routes. */
export async function closeCase(t: TestApp, caseId: string, closedAt: Date) {
  await t.deps.db.updateTable('caseFile').set({ status: 'Closed', closureReason: 'goals_reached', closedAt, version: (eb) => eb('version', '+', 1) }).where('id', '=', caseId).execute();
}

export async function versionOf(t: TestApp, caseId: string): Promise<number> {
  return (await t.deps.db.selectFrom('caseFile').select('version').where('id', '=', caseId).executeTakeFirstOrThrow()).version;
}
