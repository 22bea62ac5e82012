// Issuing certificates: only to checked-in, confirmed participants of an ended event, once per registration even under
// parallel requests, by the registration link or the owner's account; organisers issue to all and revoke (audited).
import { describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { useEventWorld, type EventWorld } from '#server/features/events/events.fixtures.ts';
import { plantCourse } from '#server/features/learning/learning.fixtures.ts';
import type { EventCertificates, IssuedCertificate, MyCertificates, RegistrationCertificate } from '#shared/certificates/certificate.schema.ts';
import type { TestApp } from '#tests/test-app.ts';
import { endedEventWithParticipant, get, post } from './certificates.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

describe('eligibility', () => {
  test('a checked-in participant of an ended event gets one certificate, by the link in the body', async () => {
    const { registration } = await endedEventWithParticipant(t, w);
    const before = (await post(t, '/api/certificates/registration', { token: registration.manageToken })).json<RegistrationCertificate>();
    expect(before).toMatchObject({ eligible: true, refusal: null, certificate: null });
    const res = await post(t, '/api/certificates/registration/issue', { token: registration.manageToken });
    expect(res.statusCode).toBe(201);
    const body = res.json<IssuedCertificate>();
    expect(body.created).toBe(true);
    expect(body.certificate.code).toMatch(/^PH-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(body.certificate.recipientName).toBe('Ioana Mureșan');
    const again = await post(t, '/api/certificates/registration/issue', { token: registration.manageToken });
    expect(again.statusCode).toBe(200);
    expect(again.json<IssuedCertificate>()).toMatchObject({ created: false, certificate: { id: body.certificate.id } });
  });

  test('not checked in: 409 with the reason', async () => {
    const { registration } = await endedEventWithParticipant(t, w, { checkedIn: false });
    const status = (await post(t, '/api/certificates/registration', { token: registration.manageToken })).json<RegistrationCertificate>();
    expect(status).toMatchObject({ eligible: false, refusal: 'not_checked_in' });
    const res = await post(t, '/api/certificates/registration/issue', { token: registration.manageToken });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', current: { refusal: 'not_checked_in' } });
    expect(res.json<{ message: string }>().message).toMatch(/checked in/);
  });

  test('the event has not ended: 409', async () => {
    const { registration } = await endedEventWithParticipant(t, w, { endsInDays: 2 });
    const res = await post(t, '/api/certificates/registration/issue', { token: registration.manageToken });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ current: { refusal: 'not_ended' } });
  });

  test('a cancelled registration: 409; an unknown link: 404', async () => {
    const { registration } = await endedEventWithParticipant(t, w, { status: 'cancelled' });
    expect((await post(t, '/api/certificates/registration/issue', { token: registration.manageToken })).json()).toMatchObject({ current: { refusal: 'not_confirmed' } });
    expect((await post(t, '/api/certificates/registration/issue', { token: 'x'.repeat(43) })).statusCode).toBe(404);
  });

  test('an event without certificates: 409', async () => {
    const { event, registration } = await endedEventWithParticipant(t, w);
    await t.deps.db.updateTable('event').set({ certificateEnabled: false }).where('id', '=', event.id).execute();
    expect((await post(t, '/api/certificates/registration/issue', { token: registration.manageToken })).json()).toMatchObject({ current: { refusal: 'disabled' } });
  });
});

describe('concurrency', () => {
  test('twenty parallel requests make one certificate', async () => {
    const { registration } = await endedEventWithParticipant(t, w);
    const results = await Promise.all(Array.from({ length: 20 }, () => post(t, '/api/certificates/registration/issue', { token: registration.manageToken })));
    expect(results.map((r) => r.statusCode).filter((s) => s >= 300)).toEqual([]);
    expect(new Set(results.map((r) => r.json<IssuedCertificate>().certificate.id)).size).toBe(1);
    expect(results.filter((r) => r.json<IssuedCertificate>().created)).toHaveLength(1);
    const rows = await t.deps.db.selectFrom('certificate').select('id').where('registrationId', '=', registration.id).execute();
    expect(rows).toHaveLength(1);
  });
});

/** The last status list position handed out (the sequence's value once called). */
async function lastStatusIndex(): Promise<number> {
  const { rows } = await sql<{ lastValue: number; isCalled: boolean }>`select last_value::int as last_value, is_called from certificate_status_index_seq`.execute(t.deps.db);
  return rows[0]!.isCalled ? rows[0]!.lastValue : rows[0]!.lastValue - 1;
}

describe('concurrency of course certificates', () => {
  test('ten parallel requests for one passed enrolment: one certificate, one status list position, one answer for all', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'parallel-certificate' });
    const enrolment = await t.deps.db
      .insertInto('courseEnrolment')
      .values({ courseId: course.id, accountId: w.clinician.id, completedAt: new Date(), passedAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await lastStatusIndex();
    const results = await Promise.all(Array.from({ length: 10 }, () => post(t, '/api/certificates/course', { enrolmentId: enrolment.id }, w.clinician)));
    const answered = results.filter((r) => r.statusCode !== 409);
    expect(results.map((r) => r.statusCode).filter((s) => ![200, 201, 409].includes(s))).toEqual([]);
    expect(answered.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(answered.map((r) => r.json<IssuedCertificate>().certificate.id)).size).toBe(1);
    const rows = await t.deps.db.selectFrom('certificate').select('statusListIndex').where('enrolmentId', '=', enrolment.id).execute();
    expect(rows).toHaveLength(1);
    expect(await lastStatusIndex()).toBe(before + 1);
    expect(rows[0]!.statusListIndex).toBe(before + 1);
  });
});

describe('the signed-in person', () => {
  test('sees what they can ask for, asks, and downloads the PDF and credential; others cannot', async () => {
    const { registration } = await endedEventWithParticipant(t, w, { accountId: w.clinician.id });
    const mine = (await get(t, '/api/certificates/mine', w.clinician)).json<MyCertificates>();
    expect(mine.available.map((a) => a.registrationId)).toContain(registration.id);
    const res = await post(t, `/api/certificates/registrations/${registration.id}/issue`, {}, w.clinician);
    expect(res.statusCode).toBe(201);
    const id = res.json<IssuedCertificate>().certificate.id;
    expect((await post(t, `/api/certificates/registrations/${registration.id}/issue`, {}, w.participant)).statusCode).toBe(404);
    const after = (await get(t, '/api/certificates/mine', w.clinician)).json<MyCertificates>();
    expect(after.certificates.map((c) => c.id)).toContain(id);
    expect(after.available.map((a) => a.registrationId)).not.toContain(registration.id);
    const json = await get(t, `/api/certificates/${id}/credential.json`, w.clinician);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="PH-.{4}-.{4}\.json"$/);
    expect(json.headers['cache-control']).toBe('no-store');
    expect(json.json<{ type: string[] }>().type).toContain('OpenBadgeCredential');
    expect((await get(t, `/api/certificates/${id}/credential.json`, w.participant)).statusCode).toBe(404);
    expect((await get(t, `/api/certificates/${id}/pdf`, w.participant)).statusCode).toBe(404);
  });
});

describe('organisers', () => {
  test('issue to all checked-in, list, revoke with a reason (audited); outsiders get 404', async () => {
    const { event } = await endedEventWithParticipant(t, w);
    const { plantRegistration } = await import('#server/features/events/events.fixtures.ts');
    const start = new Date(t.deps.now().getTime() - 2 * 86_400_000);
    await plantRegistration(t.deps.db, { eventId: event.id, fullName: 'Kari Nordmann', checkedInAt: start, language: 'nb' });
    await plantRegistration(t.deps.db, { eventId: event.id, fullName: 'Not Here', checkedInAt: null });
    expect((await post(t, `/api/certificates/events/${event.id}/issue-all`, {}, w.outsider.trainer)).statusCode).toBe(404);
    expect((await post(t, `/api/certificates/events/${event.id}/issue-all`, {}, w.lead.caseManager)).statusCode).toBe(403);
    const all = await post(t, `/api/certificates/events/${event.id}/issue-all`, {}, w.lead.coordinator);
    expect(all.json()).toEqual({ issued: 2, alreadyIssued: 0 });
    expect((await post(t, `/api/certificates/events/${event.id}/issue-all`, {}, w.partner.trainer)).json()).toEqual({ issued: 0, alreadyIssued: 0 });
    const list = (await get(t, `/api/certificates/events/${event.id}`, w.lead.trainer)).json<EventCertificates>();
    expect(list.certificates.map((c) => c.recipientName).sort()).toEqual(['Ioana Mureșan', 'Kari Nordmann']);
    expect(list.checkedIn).toBe(2);
    const target = list.certificates[0]!;
    expect((await get(t, `/api/certificates/events/${event.id}`, w.outsider.trainer)).statusCode).toBe(404);
    expect((await post(t, `/api/certificates/${target.id}/revoke`, { reason: 'Issued by mistake', version: target.version }, w.outsider.trainer)).statusCode).toBe(404);
    const revoked = await post(t, `/api/certificates/${target.id}/revoke`, { reason: 'Issued by mistake', version: target.version }, w.lead.trainer);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ revokedReason: 'Issued by mistake' });
    const stale = await post(t, `/api/certificates/${target.id}/revoke`, { reason: 'Again', version: target.version }, w.lead.trainer);
    expect(stale.statusCode).toBe(409);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'details']).where('entityId', '=', target.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['certificate.issued', 'certificate.revoked']);
    expect(JSON.stringify(audit)).not.toContain('Issued by mistake');
  });
});

describe('demo certificates', () => {
  test('issued inside one transaction to the account first; missing events are skipped quietly', async () => {
    const { issueDemoCertificates } = await import('./certificate-demo.service.ts');
    const { event, registration } = await endedEventWithParticipant(t, w, { accountId: w.participant.id });
    const ctx = { db: t.deps.db, actor: null, now: t.deps.now(), log: t.app.log, ip: null, config: t.deps.config };
    const issued = await t.deps.db.transaction().execute((trx) => issueDemoCertificates(ctx, trx, ['00000000-0000-4000-8000-00000000dead', event.id], w.participant.id, 4));
    expect(issued).toBe(1);
    const row = await t.deps.db.selectFrom('certificate').select(['accountId', 'verificationCode']).where('registrationId', '=', registration.id).executeTakeFirstOrThrow();
    expect(row.accountId).toBe(w.participant.id);
    expect((await get(t, `/api/verify/${row.verificationCode}`)).json()).toMatchObject({ valid: true });
  });
});
