// Where the scanner keeps an event's roster, waiting scans and conflicts on the phone: IndexedDB, one record per event,
// so a reload without network still has them. Falls back to memory where IndexedDB is refused (some private windows).
import { memoryStore, type CheckInStore, type SavedCheckIn } from './check-in-queue.ts';

const DB_NAME = 'ph-check-in';
const STORE = 'events';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      // NOTE: let a sign-out elsewhere delete the database instead of waiting for this page to close.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB refused'));
  });
}

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result as T);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB failed'));
  });
}

export async function indexedDbStore(): Promise<CheckInStore> {
  if (typeof indexedDB === 'undefined') return memoryStore();
  try {
    const db = await openDb();
    return {
      load: async (eventId) => (await run<SavedCheckIn | undefined>(db, 'readonly', (s) => s.get(eventId))) ?? null,
      save: async (eventId, saved) => void (await run(db, 'readwrite', (s) => s.put(saved, eventId))),
    };
  } catch {
    return memoryStore();
  }
}

/**
 * Forgets the roster (participants' names) and any queued scans on this device: called at sign-out, so the next
 * person using the phone or a shared computer cannot read them. Never fails the sign-out.
 */
export function forgetCheckInData(): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    try {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = () => resolve();
      req.onerror = () => resolve();
      req.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}

/** The scans waiting on this device for the server, over every event's record. */
function unsyncedIn(saved: readonly (SavedCheckIn | undefined)[]): number {
  return saved.reduce((n, s) => n + (s?.queue.length ?? 0), 0);
}

/**
 * How many scans this device holds that the server has not received: sign-out asks before deleting them. 0 where
 * IndexedDB is missing, holds nothing or cannot be read, so a broken store never keeps anyone from signing out.
 */
export async function countUnsyncedScans(): Promise<number> {
  if (typeof indexedDB === 'undefined') return 0;
  try {
    // NOTE: opening creates the database; on a device that never checked anyone in, ask first whether it exists.
    if (typeof indexedDB.databases === 'function' && !(await indexedDB.databases()).some((d) => d.name === DB_NAME)) return 0;
    const db = await openDb();
    try {
      return unsyncedIn(await run<SavedCheckIn[]>(db, 'readonly', (s) => s.getAll()));
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

const DEVICE_KEY = 'ph-check-in-device';

/** This phone's own random id, kept across reloads: the server tells two phones' scans apart by it. */
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept) return kept;
    const made = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, made);
    return made;
  } catch {
    return crypto.randomUUID();
  }
}
