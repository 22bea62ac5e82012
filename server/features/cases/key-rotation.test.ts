// Key rotation while the app keeps serving: reads and writes run in parallel with the rotation; afterwards every value
// decrypts, nothing is left under the old key, a write made meanwhile was not overwritten, and duplicates are still
// found through the blind index rebuilt under the new key. A second run finds nothing to do.
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';
import { PNG, insertComment, upload } from './case-protection.fixtures.ts';
import { countStale, rotateKeys } from './key-rotation.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

const identity = (n: number) => ({ givenName: `Rota${n}`, familyName: `Cheiescu${n}`, birthDate: '1990-01-0' + ((n % 9) + 1), contacts: [{ kind: 'phone', value: `+40 723 000 ${String(100 + n)}` }] });

describe('rotate-keys', () => {
  test('re-seals everything under the new key while reads and writes go on, and is resumable', async () => {
    const cases: { id: string }[] = [];
    for (let n = 0; n < 6; n += 1) {
      const c = await openCase(t, w.ngo.owner, { safeContact: { channels: ['sms'], times: null, codeWord: null, never: [], note: `only SMS ${n}` } });
      await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, ...identity(n) });
      await insertComment(t, c.id, 'general', `comment ${n}`);
      await upload(t, w.ngo.owner, c.id, 'general', `file-${n}.png`, PNG);
      cases.push(c);
    }
    const config = t.deps.config;
    const [oldKey, oldBlind] = [config.encryptionKeys[0]!, config.blindIndexKeys[0]!];
    // NOTE: what a redeploy with new keys in front does: the app now writes with the new keys and still reads the old.
    config.encryptionKeys.unshift({ id: 'k2027', key: randomBytes(32) });
    config.blindIndexKeys.unshift({ id: 'bi2027', key: randomBytes(32) });
    expect(await countStale(t.deps.db, config)).toBeGreaterThan(30);

    const lines: string[] = [];
    const traffic = async () => {
      const results = [];
      for (const [n, c] of cases.entries()) {
        results.push(await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/identity`));
        results.push(await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 1, familyName: `Nou${n}` }));
        results.push(await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/export.json`));
      }
      return results;
    };
    const [summary, responses] = await Promise.all([rotateKeys(t.deps.db, config, { batch: 2, progress: (l) => lines.push(l) }), traffic()]);
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    expect(summary.values).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith('case_identity: '))).toBe(true);

    // NOTE: the rotation may have finished some tables before the traffic wrote to them; a second run completes, as
    // re-running after an interruption would, and then nothing is left.
    await rotateKeys(t.deps.db, config, { batch: 2 });
    expect(await countStale(t.deps.db, config)).toBe(0);
    expect(await rotateKeys(t.deps.db, config)).toEqual({ values: 0, attachments: 0, identitiesReindexed: 0 });

    // the old keys can go: everything still reads, the writes made during the rotation are there
    config.encryptionKeys.splice(config.encryptionKeys.indexOf(oldKey), 1);
    config.blindIndexKeys.splice(config.blindIndexKeys.indexOf(oldBlind), 1);
    for (const [n, c] of cases.entries()) {
      const seen = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/identity`)).json();
      expect(seen).toMatchObject({ givenName: `Rota${n}`, familyName: `Nou${n}` });
      const exported = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/export.json`)).json();
      expect(exported.comments[0].body).toBe(`comment ${n}`);
      expect(exported.case.safeContact.note).toBe(`only SMS ${n}`);
      const list = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/attachments`)).json();
      const file = await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/attachments/${list.attachments[0].id}`);
      expect(file.rawPayload.equals(PNG)).toBe(true);
    }
    const dup = await call(t, w.ngo.owner, 'POST', '/api/cases/duplicates', { contacts: [{ kind: 'phone', value: '0723000103' }] });
    expect(dup.json().matches).toEqual([expect.objectContaining({ caseId: cases[3]!.id })]);
  });
});
