// The scanner's offline queue without a browser: a fake server that can "lose the network", the in-memory store.
import { describe, expect, test } from 'vitest';
import type { CheckInAnswer, CheckInResult, Roster, RosterEntry } from '#shared/events/check-in.schema.ts';
import { decideLocally } from './check-in-local.ts';
import { CheckInQueue, memoryStore, type CheckInApi, type ScanBody } from './check-in-queue.ts';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry = (n: number, extra: Partial<RosterEntry> = {}): RosterEntry => ({ id: ID(n), fullName: `Person ${n}`, status: 'confirmed', checkedInAt: null, shortCode: `AAAA-000${n}`, ...extra });
// A payload for registration n as the server signs it: only its id part matters on the phone.
const payload = (n: number) => `PH1.${Buffer.from(ID(n).replaceAll('-', ''), 'hex').toString('base64url')}.${'x'.repeat(16)}`;

class FakeServer implements CheckInApi {
  down = false;
  registrations: RosterEntry[] = [entry(1), entry(2), entry(3, { status: 'cancelled' }), entry(4, { status: 'waitlisted' })];
  seen = new Map<string, CheckInAnswer>();
  batches: number[] = [];

  private check(): void {
    if (this.down) throw new TypeError('Failed to fetch');
  }

  async roster(): Promise<Roster> {
    this.check();
    return { eventId: ID(0), titles: { en: 'Training' }, startsAt: new Date(), endsAt: new Date(), generatedAt: new Date(), registrations: structuredClone(this.registrations) };
  }

  async scan(body: ScanBody): Promise<CheckInAnswer> {
    this.check();
    return this.decide(body);
  }

  async sync(items: ScanBody[]): Promise<CheckInAnswer[]> {
    this.check();
    this.batches.push(items.length);
    return items.map((i) => this.decide(i));
  }

  /** The server's rules, over its own list (a code's signature always holds here). */
  private decide(body: ScanBody): CheckInAnswer {
    const first = this.seen.get(body.idempotencyKey);
    if (first) return { ...first, replayed: true };
    const decision = decideLocally(this.registrations, body.code !== undefined ? { code: body.code } : { registrationId: body.registrationId! });
    let result: CheckInResult = decision.result;
    const e = decision.entry;
    if (result === 'ok' && e) this.registrations = this.registrations.map((r) => (r.id === e.id ? { ...r, checkedInAt: new Date(body.scannedAt) } : r));
    const now = this.registrations.find((r) => r.id === e?.id);
    if (result === 'unknown' && body.code === payload(99)) result = 'other_event';
    const answer = { idempotencyKey: body.idempotencyKey, result, registrationId: e?.id ?? null, fullName: e?.fullName ?? null, checkedInAt: now?.checkedInAt ?? null, replayed: false };
    this.seen.set(body.idempotencyKey, answer);
    return answer;
  }
}

function setUp(server = new FakeServer(), store = memoryStore()) {
  let key = 0;
  let clock = Date.parse('2026-12-07T08:00:00Z');
  const queue = new CheckInQueue({
    eventId: ID(0),
    deviceId: 'phone-1',
    store,
    api: server,
    now: () => new Date((clock += 1000)),
    newKey: () => ID(1000 + key++),
    isNetworkFailure: (e) => e instanceof TypeError,
  });
  return { server, store, queue };
}

describe('the check-in queue', () => {
  test('online, scans go to the server and nothing is queued', async () => {
    const { queue } = setUp();
    await queue.start();
    expect(await queue.scan({ code: payload(1) })).toMatchObject({ result: 'ok', fullName: 'Person 1', offline: false });
    expect(await queue.scan({ code: payload(1) })).toMatchObject({ result: 'already_used', offline: false });
    expect(queue.view().queue).toHaveLength(0);
    expect(queue.view().roster?.registrations[0]?.checkedInAt).not.toBeNull();
  });

  test('a failed request switches to offline by itself; scans are decided from the roster and queued', async () => {
    const { server, queue } = setUp();
    await queue.start();
    server.down = true;
    expect(await queue.scan({ code: payload(1) })).toMatchObject({ result: 'ok', offline: true });
    expect(queue.view().online).toBe(false);
    expect(await queue.scan({ code: payload(1) })).toMatchObject({ result: 'already_used', offline: true });
    expect(await queue.scan({ code: payload(3) })).toMatchObject({ result: 'cancelled', offline: true });
    expect(await queue.scan({ code: payload(4) })).toMatchObject({ result: 'not_confirmed' });
    expect(await queue.scan({ code: 'aaaa-0002' })).toMatchObject({ result: 'ok', fullName: 'Person 2' });
    expect(await queue.scan({ code: 'PH1.nonsense' })).toMatchObject({ result: 'invalid_code' });
    expect(await queue.scan({ code: payload(77) })).toMatchObject({ result: 'unknown' });
    expect(queue.view().queue.map((q) => [q.localResult, q.offline])).toEqual([
      ['ok', true],
      ['already_used', true],
      ['cancelled', true],
      ['not_confirmed', true],
      ['ok', true],
      ['invalid_code', true],
      ['unknown', true],
    ]);
  });

  test('back online, the queue syncs in batches of 100, merges the answers and reports only real conflicts', async () => {
    const { server, queue } = setUp();
    await queue.start();
    await queue.setOnline(false);
    await queue.scan({ code: payload(1) });
    await queue.scan({ code: payload(2) });
    // meanwhile another phone, online, checked person 2 in, and person 1's place was cancelled
    server.registrations = server.registrations.map((r) => (r.id === ID(2) ? { ...r, checkedInAt: new Date('2026-12-07T07:59:00Z') } : r.id === ID(1) ? { ...r, status: 'cancelled' } : r));
    for (let i = 0; i < 150; i++) await queue.scan({ code: payload(99) });
    expect(queue.view().queue).toHaveLength(152);
    await queue.sync();
    expect(server.batches).toEqual([100, 52]);
    const view = queue.view();
    expect(view.online).toBe(true);
    expect(view.queue).toHaveLength(0);
    expect(view.conflicts.map((c) => [c.fullName, c.serverResult])).toEqual([
      ['Person 1', 'cancelled'],
      ['Person 2', 'already_used'],
    ]);
    expect(view.conflicts[1]?.checkedInAt?.toISOString()).toBe('2026-12-07T07:59:00.000Z');
    await queue.dismissConflict(view.conflicts[0]!.idempotencyKey);
    expect(queue.view().conflicts).toHaveLength(1);
  });

  test('a sync cut off half-way keeps the rest queued; a retry sends the same keys and the server replays its answers', async () => {
    const { server, queue } = setUp();
    await queue.start();
    await queue.setOnline(false);
    for (let i = 0; i < 120; i++) await queue.scan({ code: payload(99) });
    await queue.scan({ code: payload(1) });
    const keys = queue.view().queue.map((q) => q.idempotencyKey);
    const realSync = server.sync.bind(server);
    let calls = 0;
    server.sync = async (items) => {
      calls += 1;
      if (calls === 2) throw new TypeError('Failed to fetch');
      return realSync(items);
    };
    await queue.sync();
    expect(queue.view().online).toBe(false);
    expect(queue.view().queue.map((q) => q.idempotencyKey)).toEqual(keys.slice(100));
    await queue.sync();
    expect(queue.view().queue).toHaveLength(0);
    expect(queue.view().conflicts).toHaveLength(0);
    expect(server.registrations[0]?.checkedInAt).not.toBeNull();
  });

  test('a reload without network keeps the roster, the waiting scans and the conflicts', async () => {
    const store = memoryStore();
    const first = setUp(new FakeServer(), store);
    await first.queue.start();
    first.server.down = true;
    await first.queue.scan({ registrationId: ID(1) });
    const second = setUp(first.server, store);
    await second.queue.start();
    expect(second.queue.view().online).toBe(false);
    expect(second.queue.view().queue).toHaveLength(1);
    expect(await second.queue.scan({ registrationId: ID(1) })).toMatchObject({ result: 'already_used', offline: true });
    first.server.down = false;
    await second.queue.setOnline(true);
    expect(second.queue.view()).toMatchObject({ online: true, queue: [] });
    expect(second.queue.view().conflicts).toEqual([]);
  });

  test('a refusal that is not a network failure is not queued', async () => {
    const { server, queue } = setUp();
    await queue.start();
    server.scan = async () => {
      throw new Error('403');
    };
    await expect(queue.scan({ code: payload(1) })).rejects.toThrow('403');
    expect(queue.view()).toMatchObject({ online: true, queue: [] });
  });
});
