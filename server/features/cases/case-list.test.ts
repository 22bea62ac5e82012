// The case list's two-step query (case.queries.ts listVisibleCases: the page's ids from the covering index, then the
// rows): keyset pages follow each other without gaps or repeats, newest change first, and the filters still hold.
import { expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

interface Page {
  cases: { id: string; code: string; updatedAt: string; isOwner: boolean }[];
  nextBefore: string | null;
}

test('pages through the cases the reader may open, newest change first, without gaps or repeats', async () => {
  const mine = [];
  for (let i = 0; i < 5; i++) mine.push(await openCase(t, w.ngo.colleague));
  const theirs = await openCase(t, w.ngo.owner);
  await addToTeam(t, w.ngo.owner, theirs.id, w.ngo.colleague, ['general']);
  await openCase(t, w.ngo.owner); // not on its team: never listed
  const seen: Page['cases'] = [];
  let url = '/api/cases?limit=2';
  for (let round = 0; round < 10; round++) {
    const page = (await call(t, w.ngo.colleague, 'GET', url)).json() as Page;
    seen.push(...page.cases);
    if (!page.nextBefore) break;
    url = `/api/cases?limit=2&before=${encodeURIComponent(page.nextBefore)}`;
  }
  expect(seen.map((c) => c.id).sort()).toEqual([...mine.map((c) => c.id), theirs.id].sort());
  const order = seen.map((c) => `${c.updatedAt}_${c.id}`);
  expect(order).toEqual([...order].sort().reverse());

  const onlyMine = (await call(t, w.ngo.colleague, 'GET', '/api/cases?mine=true&limit=100')).json() as Page;
  expect(onlyMine.cases.map((c) => c.id).sort()).toEqual(mine.map((c) => c.id).sort());
  const byCode = (await call(t, w.ngo.colleague, 'GET', `/api/cases?code=${mine[2]!.code.slice(-7)}`)).json() as Page;
  expect(byCode.cases.map((c) => c.id)).toEqual([mine[2]!.id]);
  const closed = (await call(t, w.ngo.colleague, 'GET', '/api/cases?status=closed')).json() as Page;
  expect(closed.cases).toEqual([]);
});
