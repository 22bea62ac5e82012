// The organiser's participant list: organisers of the event only (outsiders 404, others 403, anonymous 401), filters
// and counts, the read and the exports audited, and CSV/XLSX cells defused (a name starting with "=" stays text).
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from './events.fixtures.ts';
import { call } from './registration.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  [t, w] = [app, world];
});

async function world() {
  const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, coOrganisers: [w.partner.organisationId], capacity: 10 });
  await plantRegistration(t.deps.db, { eventId: e.id, fullName: '=HYPERLINK("http://evil.example","x")', email: 'evil@x.example', answers: { profession: 'physician', institution_type: 'hospital', country: 'RO' } });
  await plantRegistration(t.deps.db, { eventId: e.id, fullName: 'Kari Nordmann', email: 'kari@x.example', answers: { profession: 'nurse', institution_type: 'ngo', country: 'NO' }, checkedInAt: new Date() });
  await plantRegistration(t.deps.db, { eventId: e.id, fullName: 'Ion Waiting', status: 'waitlisted' });
  return e;
}

describe('the participant list', () => {
  test('organisers of the event (lead and co-organiser) read it; outsiders 404, non-organisers 403, anonymous 401', async () => {
    const e = await world();
    const url = `/api/events/${e.id}/participants`;
    expect((await call(t, w.lead.coordinator, 'GET', url)).statusCode).toBe(200);
    expect((await call(t, w.partner.trainer, 'GET', url)).statusCode).toBe(200);
    expect((await call(t, w.outsider.trainer, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, w.outsider.trainer, 'GET', `${url}.csv`)).statusCode).toBe(404);
    expect((await call(t, w.outsider.trainer, 'POST', `${url}/00000000-0000-4000-8000-000000000000/cancel`)).statusCode).toBe(404);
    expect((await call(t, w.clinician, 'GET', url)).statusCode).toBe(403);
    expect((await call(t, w.lead.caseManager, 'GET', url)).statusCode).toBe(403);
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, null, 'GET', `${url}.xlsx`)).statusCode).toBe(401);
  });

  test('filters, counts per status and the waiting list; the read is audited without names', async () => {
    const e = await world();
    const all = (await call(t, w.lead.trainer, 'GET', `/api/events/${e.id}/participants`)).json();
    expect(all.counts).toEqual({ confirmed: 2, waitlisted: 1 });
    expect([all.capacity, all.seatsHeld, all.waitlist.length]).toEqual([10, 2, 1]);
    const nurses = (await call(t, w.lead.trainer, 'GET', `/api/events/${e.id}/participants?profession=nurse&checkedIn=yes`)).json();
    expect(nurses.participants.map((p: { fullName: string }) => p.fullName)).toEqual(['Kari Nordmann']);
    const search = (await call(t, w.lead.trainer, 'GET', `/api/events/${e.id}/participants?q=KARI`)).json();
    expect(search.participants).toHaveLength(1);
    expect((await call(t, w.lead.trainer, 'GET', `/api/events/${e.id}/participants?status=nonsense`)).statusCode).toBe(400);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['details']).where('action', '=', 'event.participants_read').where('entityId', '=', e.id).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('Kari');
  });

  test('CSV and XLSX defuse formula cells and are audited as exports', async () => {
    const e = await world();
    const csv = await call(t, w.lead.admin, 'GET', `/api/events/${e.id}/participants.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await call(t, w.lead.admin, 'GET', `/api/events/${e.id}/participants.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(names).toContain(`'=HYPERLINK("http://evil.example","x")`);
    const cell = book.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.formula).toBeUndefined();
    const exports = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'event.participants_exported').where('entityId', '=', e.id).execute();
    expect(exports.map((x) => (x.details as { format: string }).format).sort()).toEqual(['csv', 'xlsx']);
  });

  test('an organiser cancels on someone’s behalf: they are told, the place goes to the list; the inbox counts pending', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 1, requiresApproval: true });
    const pending = await plantRegistration(t.deps.db, { eventId: e.id, status: 'pending_approval', email: 'pending.inbox@x.example' });
    await plantRegistration(t.deps.db, { eventId: e.id, status: 'waitlisted', email: 'next.inbox@x.example' });
    const inbox = (await call(t, w.lead.coordinator, 'GET', '/api/inbox')).json();
    expect(inbox.items).toContainEqual({ kind: 'event_registrations_pending', count: expect.any(Number), href: '/events/organise' });
    expect((await call(t, w.outsider.trainer, 'GET', '/api/inbox')).json().items.find((i: { kind: string }) => i.kind === 'event_registrations_pending')).toBeUndefined();
    const res = await call(t, w.lead.coordinator, 'POST', `/api/events/${e.id}/participants/${pending.id}/cancel`);
    expect([res.statusCode, res.json().status]).toEqual([200, 'cancelled']);
    const next = await t.deps.db.selectFrom('registration').select('status').where('email', '=', 'next.inbox@x.example').executeTakeFirstOrThrow();
    expect(next.status).toBe('offered');
    const told = await t.deps.db.selectFrom('outboxEmail').select('subject').where('toAddress', '=', 'pending.inbox@x.example').execute();
    expect(told).toHaveLength(1);
  });
});
