// The route fuzzer: every registered route, called by four kinds of caller with hostile values derived from its own
// schemas. No answer may be a 5xx or show a stack trace, SQL or an internal message, and a refused request may write
// nothing but the records of its refusal (rate-limit counters, audit entries, session bookkeeping).
// Replay a run with FUZZ_SEED=<seed printed on failure>; FUZZ_REQUESTS sets the number of requests (default 10,000).
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { buildFuzzWorld, CALLERS, type CallerName, type FuzzWorld } from './fuzz-world.ts';
import { buildRequest, describe, fuzzRoutes, type FuzzRequest, type FuzzRoute } from './fuzz-requests.ts';
import { seededRandom } from './hostile-values.ts';
import { changedTables, fingerprint, tablesOf, type Fingerprint } from './write-probe.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);

/** Internals that must never reach a client: stack frames, file paths, SQL and driver or runtime messages. */
const LEAK =
  /\bat \S+ \(|node_modules|\.ts:\d+|server\/|Cannot read prop|is not a function|is not defined|TypeError|RangeError|ReferenceError|stack|syntax error|violates|relation "|column "|\bselect\b.*\bfrom\b|insert into|tsquery|invalid input syntax|out of range|22021|22P02|PGlite|kysely|postgres/i;

/** What a refused request may still write: counting and recording the refusal, and session bookkeeping. */
const REFUSAL_RECORDS = new Set(['rate_limit', 'audit_event', 'audit_head', 'auth_session']);
/** Wrong passwords and codes count against the account itself (lockouts). */
const COUNTS_ON_ACCOUNT = /^\/api\/(auth\/|me\/(password|two-factor))/;
/** A call with an API token records the token's last use, whatever the answer (api_token.last_used_at). */
const TOKEN_USE = /^\/fhir\//;

interface Finding {
  caller: CallerName;
  index: number;
  request: FuzzRequest;
  status: number;
  problem: string;
}

let t: TestApp;
let world: FuzzWorld;
let routes: FuzzRoute[];
let tables: string[];
const findings: Finding[] = [];
let sent = 0;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFuzzWorld(t);
  routes = fuzzRoutes(t.app.routeList);
  tables = await tablesOf(t.deps.db);
}, 180_000);
afterAll(async () => t?.close());

async function fuzzAs(caller: CallerName, count: number): Promise<void> {
  const random = seededRandom(SEED + CALLERS.indexOf(caller));
  const progress = routes.map(() => ({ round: 0, fieldRound: 0 }));
  let before: Fingerprint = await fingerprint(t.deps.db, tables);
  for (let index = 0; index < count; index++) {
    const route = routes[index % routes.length]!;
    const request = buildRequest(route, random, world.ids, progress[index % routes.length]!);
    const cookie = world.cookieOf(caller);
    const authorization = world.authorizationOf(caller);
    const res = await t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, ...(cookie ? { cookie } : {}), ...(authorization ? { authorization } : {}) },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    sent++;
    const problem = problemWith(res.statusCode, res.body, String(res.headers['content-type'] ?? ''));
    const after = await fingerprint(t.deps.db, tables);
    const changed = changedTables(before, after);
    const wrote = res.statusCode >= 400 ? changed.filter((table) => !mayRecordRefusal(table, route.url)) : [];
    if (problem || wrote.length > 0) findings.push({ caller, index, request, status: res.statusCode, problem: problem ?? `refused but wrote ${wrote.join(', ')}` });
    if (changed.length > 0) {
      await world.restore();
      before = await fingerprint(t.deps.db, tables);
    } else {
      before = after;
    }
  }
}

function mayRecordRefusal(table: string, url: string): boolean {
  return REFUSAL_RECORDS.has(table) || (table === 'account' && COUNTS_ON_ACCOUNT.test(url)) || (table === 'api_token' && TOKEN_USE.test(url));
}

function problemWith(status: number, body: string, contentType: string): string | null {
  if (status >= 500) return `answered ${status}: ${body.slice(0, 200)}`;
  if (status >= 400 && LEAK.test(body)) return `answer reveals internals: ${body.slice(0, 200)}`;
  if (status >= 400 && contentType.includes('json')) {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown; resourceType?: unknown; issue?: { details?: { text?: unknown } }[] };
    // NOTE: the FHIR routes answer errors as an OperationOutcome, each issue with a readable text.
    if (parsed.resourceType === 'OperationOutcome') {
      if (!Array.isArray(parsed.issue) || parsed.issue.length === 0 || parsed.issue.some((i) => typeof i.details?.text !== 'string')) return `OperationOutcome without issues: ${body.slice(0, 200)}`;
    } else if (typeof parsed.code !== 'string' || typeof parsed.message !== 'string') return `error without code and message: ${body.slice(0, 200)}`;
  }
  return null;
}

function report(list: Finding[]): string {
  const distinct = [...new Map(list.map((f) => [`${f.request.method} ${f.request.url.split("?")[0]!.replace(/[0-9a-f-]{36}/g, ":id")} ${f.problem.slice(0, 40)}`, f])).values()];
  const lines = distinct.slice(0, 40).map(
    (f) => `#${f.index} as ${f.caller}: ${f.request.method} ${f.request.url.slice(0, 160)} [${f.request.mutation}] body=${describe(f.request.payload)} → ${f.status}: ${f.problem}`,
  );
  return `${list.length} finding(s); replay with FUZZ_SEED=${SEED} FUZZ_REQUESTS=${TOTAL}\n${lines.join('\n')}`;
}

suite(`route fuzzer (seed ${SEED})`, () => {
  for (const caller of CALLERS) {
    test(`${caller}: ${Math.ceil(TOTAL / CALLERS.length)} hostile requests over every route`, async () => {
      await fuzzAs(caller, Math.ceil(TOTAL / CALLERS.length));
      const mine = findings.filter((f) => f.caller === caller);
      expect(mine.length, report(mine)).toBe(0);
    }, 600_000);
  }

  test('covered every registered route, at least 10,000 requests in a full run', () => {
    const registered = new Set(t.app.routeList.map((r) => r.url));
    expect(new Set(routes.map((r) => r.url))).toEqual(registered);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
  });
});
