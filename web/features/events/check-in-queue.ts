// The scanner's offline queue: every scan goes to the server while it answers; when the network fails (or the phone
// says it is offline) the scan is decided from the roster kept on the phone, queued with its idempotency key, and
// synced in batches when the network is back. The server's answers are merged in, and a scan it decided differently
// (a cancelled place, a code another phone used first) becomes a conflict the organiser sees, never a silent failure.
// Pure of the browser: storage and HTTP come in through small interfaces (IndexedDB and fetch on the page, memory in tests).
import type { CheckInAnswer, CheckInResult, Roster, RosterEntry } from '#shared/events/check-in.schema.ts';
import { decideLocally, withEntry, type ScanInput } from './check-in-local.ts';

/** One scan as the server takes it (POST …/check-in, or an item of …/check-in/sync). */
export interface ScanBody {
  idempotencyKey: string;
  deviceId: string;
  scannedAt: string;
  code?: string;
  registrationId?: string;
  offline?: boolean;
}

/** A scan decided on the phone while offline, waiting to be synced; what the phone showed is kept beside it. */
export interface QueuedScan extends ScanBody {
  localResult: CheckInResult;
  localName: string | null;
}

/** A scan the phone showed as checked in that the server decided otherwise: the organiser must look at it. */
export interface Conflict {
  idempotencyKey: string;
  fullName: string | null;
  scannedAt: string;
  serverResult: CheckInResult;
  /** For already_used: when the person was checked in first (by another phone). */
  checkedInAt: Date | null;
}

/** What the phone keeps per event, so a reload without network still has the list and the waiting scans. */
export interface SavedCheckIn {
  roster: Roster;
  queue: QueuedScan[];
  conflicts: Conflict[];
}

export interface CheckInStore {
  load(eventId: string): Promise<SavedCheckIn | null>;
  save(eventId: string, saved: SavedCheckIn): Promise<void>;
}

export interface CheckInApi {
  roster(): Promise<Roster>;
  scan(body: ScanBody): Promise<CheckInAnswer>;
  sync(items: ScanBody[]): Promise<CheckInAnswer[]>;
}

export interface ScanOutcome {
  result: CheckInResult;
  fullName: string | null;
  checkedInAt: Date | null;
  /** Decided on the phone, to be confirmed by the sync. */
  offline: boolean;
}

export interface CheckInView {
  roster: Roster | null;
  queue: readonly QueuedScan[];
  conflicts: readonly Conflict[];
  online: boolean;
  syncing: boolean;
}

export interface QueueDeps {
  eventId: string;
  deviceId: string;
  store: CheckInStore;
  api: CheckInApi;
  now: () => Date;
  newKey: () => string;
  /** True when an error means "no network" (fetch failed, a proxy's 5xx, a timeout) rather than a refusal. */
  isNetworkFailure: (error: unknown) => boolean;
  onChange?: (view: CheckInView) => void;
}

/** Scans per sync request (the server takes at most 100). */
export const SYNC_BATCH = 100;

export class CheckInQueue {
  private roster: Roster | null = null;
  private queue: QueuedScan[] = [];
  private conflicts: Conflict[] = [];
  private online = true;
  private syncing = false;

  private readonly deps: QueueDeps;

  constructor(deps: QueueDeps) {
    this.deps = deps;
  }

  view(): CheckInView {
    return { roster: this.roster, queue: this.queue, conflicts: this.conflicts, online: this.online, syncing: this.syncing };
  }

  /** Loads what the phone kept, then the server's roster; without network the kept roster is used as it is. */
  async start(): Promise<void> {
    const saved = await this.deps.store.load(this.deps.eventId);
    if (saved) ({ roster: this.roster, queue: this.queue, conflicts: this.conflicts } = saved);
    await this.sync();
  }

  /** The phone's own report (navigator.onLine, the online/offline events): offline at once, online on the next sync. */
  async setOnline(online: boolean): Promise<void> {
    if (!online) return this.goOffline();
    await this.sync();
  }

  /** One scan: to the server when it answers, otherwise decided here and queued. */
  async scan(input: ScanInput): Promise<ScanOutcome> {
    const body: ScanBody = { idempotencyKey: this.deps.newKey(), deviceId: this.deps.deviceId, scannedAt: this.deps.now().toISOString(), ...input };
    if (this.online) {
      try {
        const answer = await this.deps.api.scan(body);
        this.applyAnswer(answer);
        await this.persist();
        return { result: answer.result, fullName: answer.fullName, checkedInAt: answer.checkedInAt, offline: false };
      } catch (error) {
        if (!this.deps.isNetworkFailure(error)) throw error;
        await this.goOffline();
      }
    }
    return this.scanOffline(body, input);
  }

  private async scanOffline(body: ScanBody, input: ScanInput): Promise<ScanOutcome> {
    const decision = decideLocally(this.roster?.registrations ?? [], input);
    const at = new Date(body.scannedAt);
    if (decision.result === 'ok' && decision.entry) this.replaceEntry({ ...decision.entry, checkedInAt: at });
    this.queue = [...this.queue, { ...body, offline: true, localResult: decision.result, localName: decision.entry?.fullName ?? null }];
    await this.persist();
    const checkedInAt = decision.result === 'ok' ? at : (decision.entry?.checkedInAt ?? null);
    return { result: decision.result, fullName: decision.entry?.fullName ?? null, checkedInAt, offline: true };
  }

  /**
   * Sends the queue in batches and merges the answers; with nothing queued, fetches the roster again. Any network
   * failure leaves the rest queued and the phone offline (the page tries again on a timer and on the online event).
   */
  async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    this.notify();
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, SYNC_BATCH);
        const answers = await this.deps.api.sync(batch.map(toBody));
        this.mergeAnswers(batch, answers);
        await this.persist();
      }
      this.roster = await this.deps.api.roster();
      this.online = true;
      await this.persist();
    } catch (error) {
      if (!this.deps.isNetworkFailure(error)) throw error;
      await this.goOffline();
    } finally {
      this.syncing = false;
      this.notify();
    }
  }

  /** The organiser has dealt with a conflict. */
  async dismissConflict(idempotencyKey: string): Promise<void> {
    this.conflicts = this.conflicts.filter((c) => c.idempotencyKey !== idempotencyKey);
    await this.persist();
  }

  /** A roster line the server sent back (after undo). */
  async applyEntry(entry: RosterEntry): Promise<void> {
    this.replaceEntry(entry);
    await this.persist();
  }

  private mergeAnswers(batch: readonly QueuedScan[], answers: readonly CheckInAnswer[]): void {
    const byKey = new Map(answers.map((a) => [a.idempotencyKey, a]));
    for (const scan of batch) {
      const answer = byKey.get(scan.idempotencyKey);
      if (!answer) continue;
      this.applyAnswer(answer);
      if (scan.localResult === 'ok' && answer.result !== 'ok') {
        this.conflicts = [
          ...this.conflicts,
          { idempotencyKey: scan.idempotencyKey, fullName: answer.fullName ?? scan.localName, scannedAt: scan.scannedAt, serverResult: answer.result, checkedInAt: answer.checkedInAt },
        ];
      }
    }
    this.queue = this.queue.filter((q) => !byKey.has(q.idempotencyKey));
  }

  private applyAnswer(answer: CheckInAnswer): void {
    const entry = this.roster?.registrations.find((r) => r.id === answer.registrationId);
    if (!entry) return;
    if (answer.result === 'ok' || answer.result === 'already_used') this.replaceEntry({ ...entry, checkedInAt: answer.checkedInAt });
    else if (answer.result === 'cancelled') this.replaceEntry({ ...entry, status: 'cancelled', checkedInAt: null });
  }

  private replaceEntry(entry: RosterEntry): void {
    if (this.roster) this.roster = { ...this.roster, registrations: withEntry(this.roster.registrations, entry) };
  }

  private async goOffline(): Promise<void> {
    this.online = false;
    this.notify();
  }

  private async persist(): Promise<void> {
    this.notify();
    if (this.roster) await this.deps.store.save(this.deps.eventId, { roster: this.roster, queue: this.queue, conflicts: this.conflicts });
  }

  private notify(): void {
    this.deps.onChange?.(this.view());
  }
}

function toBody({ localResult: _r, localName: _n, ...body }: QueuedScan): ScanBody {
  return body;
}

/** An in-memory store: the tests', and the page's when IndexedDB is not available (private windows of some browsers). */
export function memoryStore(): CheckInStore {
  const kept = new Map<string, SavedCheckIn>();
  return {
    load: async (eventId) => structuredClone(kept.get(eventId) ?? null),
    save: async (eventId, saved) => void kept.set(eventId, structuredClone(saved)),
  };
}
