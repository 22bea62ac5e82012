// Sign-out forgets the scanner's data on this device: the roster (participants' names) and queued scans live in
// IndexedDB, which outlives the session unless it is deleted. A stand-in indexedDB records what was asked of it.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { forgetCheckInData } from './check-in-store.ts';

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
