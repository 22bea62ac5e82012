// A penetration tester's findings on case files, each pinned by a test that failed before its fix: a forged list
// cursor answered 500, a coordinator on the team could widen their own grants (or take the case) without break-glass,
// and the blind index gave the same person the same digest in every organisation.
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

describe('the case list cursor', () => {
  test('a forged cursor is a 400 with the field, never a database error', async () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const before of [`2026-01-01T00:00:00.000Z_${'a'.repeat(36)}`, `2026-01-01T00:00:00.000Z_${'-'.repeat(36)}`, `0000-01-01T00:00:00.000Z_${uuid}`]) {
      const res = await call(t, w.ngo.owner, 'GET', `/api/cases?before=${encodeURIComponent(before)}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().fields).toHaveProperty('before');
    }
    await openCase(t, w.ngo.owner);
    await openCase(t, w.ngo.owner);
    const page = (await call(t, w.ngo.owner, 'GET', '/api/cases?limit=1')).json();
    expect(page.nextBefore).toBeTruthy();
    expect((await call(t, w.ngo.owner, 'GET', `/api/cases?limit=1&before=${encodeURIComponent(page.nextBefore)}`)).statusCode).toBe(200);
  });
});
