// A penetration tester's pass over certificates: the organiser's read of who got one is audited like any read of a
// participant list, the issuer's secret key never leaves its sealed form (no response carries it), and a public
// verification cannot make the server canonicalise a crafted document on its event loop.
import { describe, expect, test, vi } from 'vitest';
import type { IssuedCertificate, Verification } from '#shared/certificates/certificate.schema.ts';
import { shortTasks } from '#server/lib/worker-pool.ts';
import { decrypt } from '#server/lib/crypto.ts';
import { useEventWorld, type EventWorld } from '#server/features/events/events.fixtures.ts';
import type { TestApp } from '#tests/test-app.ts';
import { endedEventWithParticipant, get, post } from './certificates.fixtures.ts';
import { VERIFY_LIMIT_PER_MINUTE } from './certificate-verify.service.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => ((t = app), (w = world)));

describe('certificates', () => {
  test('the organiser’s list of an event’s certificates (names) is audited, without the names', async () => {
    const { event } = await endedEventWithParticipant(t, w, { fullName: 'Auditqz Person' });
    expect((await post(t, `/api/certificates/events/${event.id}/issue-all`, {}, w.lead.coordinator)).json()).toEqual({ issued: 1, alreadyIssued: 0 });
    const list = await get(t, `/api/certificates/events/${event.id}`, w.lead.trainer);
    expect(list.body).toContain('Auditqz Person');
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'details', 'actorAccountId']).where('entityId', '=', event.id).where('action', '=', 'event.participants_read').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorAccountId).toBe(w.lead.trainer.id);
    expect(JSON.stringify(audit)).not.toContain('Auditqz');
  });

  test('the issuer’s secret key is in no response: issuer profile, credential, verification, lists', async () => {
    const { event, registration } = await endedEventWithParticipant(t, w);
    await post(t, `/api/certificates/events/${event.id}/issue-all`, {}, w.lead.coordinator);
    const key = await t.deps.db.selectFrom('issuerKey').select(['secretSealed', 'publicKeyMultibase']).where('active', '=', true).executeTakeFirstOrThrow();
    const secret = decrypt(t.deps.config.encryptionKeys, key.secretSealed);
    const list = await get(t, `/api/certificates/events/${event.id}`, w.lead.trainer);
    const code = list.json().certificates[0].code as string;
    const bodies = [
      list.body,
      (await get(t, '/ob/issuer')).body,
      (await get(t, '/ob/status/1')).body,
      (await get(t, `/ob/credentials/${code}`)).body,
      (await get(t, `/api/verify/${code}`)).body,
      (await post(t, '/api/certificates/credential', { token: registration.manageToken })).body,
      (await post(t, '/api/certificates/registration', { token: registration.manageToken })).body,
    ];
    expect(bodies.join('\n')).toContain(key.publicKeyMultibase);
    for (const body of bodies) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain(secret.slice(4, 30));
      expect(body).not.toContain(key.secretSealed);
      expect(body).not.toMatch(/secretKey|privateKey|secretSealed/i);
    }
  });

  test('guessing verification codes at the credential URL is rate-limited like the verification page', async () => {
    const codes = Array.from({ length: VERIFY_LIMIT_PER_MINUTE + 5 }, (_, i) => `PH-${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[i % 32]!.repeat(4)}-${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[(i >> 5) % 32]!.repeat(4)}`);
    const answers = [];
    for (const code of codes) answers.push((await t.app.inject({ method: 'GET', url: `/ob/credentials/${code}`, remoteAddress: '10.250.0.1' })).statusCode);
    expect(answers.slice(0, VERIFY_LIMIT_PER_MINUTE).every((s) => s === 404)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });

  test('a crafted credential far bigger than ours is malformed before any proof work, and every check runs off the event loop', async () => {
    const { registration } = await endedEventWithParticipant(t, w);
    const code = (await post(t, '/api/certificates/registration/issue', { token: registration.manageToken })).json<IssuedCertificate>().certificate.code;
    const credential = (await get(t, `/ob/credentials/${code}`)).json<Record<string, any>>();
    // NOTE: our issuer and key, so it gets past the cheap checks; 400 alignments are some 2,000 values in 33 kB.
    credential.credentialSubject.achievement.alignment = Array.from({ length: 400 }, (_, i) => ({ type: ['Alignment'], targetName: `x${i}`, targetUrl: `https://e.example/${i}` }));
    const calls = vi.spyOn(shortTasks, 'call');
    try {
      const crafted = await post(t, '/api/verify/credential', { credential: JSON.stringify(credential) });
      expect(crafted.statusCode).toBe(200);
      expect(crafted.json<Verification>()).toMatchObject({ valid: false, reason: 'malformed' });
      expect((await get(t, `/api/verify/${code}`)).json<Verification>()).toMatchObject({ valid: true });
      const tasks = calls.mock.calls.map(([module, name]) => `${String(module).split('/').pop()}#${name}`);
      expect(tasks).toEqual(['verify-task.ts#verifyCredential', 'verify-task.ts#verifyCredential']);
    } finally {
      calls.mockRestore();
    }
  });
});
