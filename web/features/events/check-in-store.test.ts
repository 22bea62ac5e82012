// Sign-out forgets the scanner's data on this device: the roster (participants' names) and queued scans live in
// IndexedDB, which outlives the session unless it is deleted. A stand-in indexedDB records what was asked of it.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SavedCheckIn } from './check-in-queue.ts';
import { countUnsyncedScans, forgetCheckInData } from './check-in-store.ts';

afterEach(() => vi.unstubAllGlobals());

describe('forgetCheckInData', () => {
  test('deletes the check-in database (roster and queued scans)', async () => {
    const deleted: string[] = [];
    vi.stubGlobal('indexedDB', {
      deleteDatabase(name: string) {
        deleted.push(name);
        const req: { onsuccess?: () => void; onerror?: () => void; onblocked?: () => void } = {};
        queueMicrotask(() => req.onsuccess?.());
        return req;
      },
    });
    await forgetCheckInData();
    expect(deleted).toEqual(['ph-check-in']);
  });

  test('does nothing and does not throw where IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(forgetCheckInData()).resolves.toBeUndefined();
  });
});

/** A stand-in indexedDB holding `records` in the check-in database (or no database at all); counts opens. */
function fakeIndexedDb(records: SavedCheckIn[] | null) {
  const opened: string[] = [];
  const later = (fn: () => void) => queueMicrotask(fn);
  const db = {
    close: () => undefined,
    transaction: () => {
      const tx: { oncomplete?: () => void; onerror?: () => void; objectStore: () => unknown } = {
        objectStore: () => ({ getAll: () => (later(() => tx.oncomplete?.()), { result: records ?? [] }) }),
      };
      return tx;
    },
  };
  vi.stubGlobal('indexedDB', {
    databases: async () => (records ? [{ name: 'ph-check-in', version: 1 }] : []),
    open(name: string) {
      opened.push(name);
      const req: { result?: unknown; onsuccess?: () => void } = {};
      later(() => ((req.result = db), req.onsuccess?.()));
      return req;
    },
  });
  return opened;
}

const saved = (waiting: number) => ({ roster: {}, queue: Array.from({ length: waiting }, () => ({})), conflicts: [] }) as unknown as SavedCheckIn;

describe('countUnsyncedScans (sign-out asks before deleting them)', () => {
  test('adds up the scans waiting in every event kept on the device', async () => {
    fakeIndexedDb([saved(2), saved(0), saved(1)]);
    expect(await countUnsyncedScans()).toBe(3);
  });

  test('nothing waiting, no database (not created by asking), or no IndexedDB: 0', async () => {
    fakeIndexedDb([saved(0)]);
    expect(await countUnsyncedScans()).toBe(0);
    const opened = fakeIndexedDb(null);
    expect(await countUnsyncedScans()).toBe(0);
    expect(opened).toEqual([]);
    vi.stubGlobal('indexedDB', undefined);
    expect(await countUnsyncedScans()).toBe(0);
  });
});
