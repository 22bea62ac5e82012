// Check-in's calls to the server: the roster, one scan, a sync batch, undo, and the person's own code. Scans carry a
// time limit, so a connection that hangs (a venue's Wi-Fi) counts as offline instead of freezing the scanner.
import { request } from '#web/lib/api.ts';
import { CheckInAnswerSchema, CheckInSyncAnswerSchema, RegistrationQrSchema, RosterEntrySchema, RosterSchema, type RegistrationQr, type RosterEntry } from '#shared/events/check-in.schema.ts';
import type { CheckInApi, ScanBody } from './check-in-queue.ts';

const SCAN_TIMEOUT_MS = 8_000;
const SYNC_TIMEOUT_MS = 30_000;

export function checkInApi(eventId: string): CheckInApi {
  const base = `/api/events/${eventId}/check-in`;
  return {
    roster: () => request('GET', `${base}/roster`, { schema: RosterSchema, signal: AbortSignal.timeout(SYNC_TIMEOUT_MS) }),
    scan: (body: ScanBody) => request('POST', base, { body, schema: CheckInAnswerSchema, signal: AbortSignal.timeout(SCAN_TIMEOUT_MS) }),
    sync: async (items: ScanBody[]) => (await request('POST', `${base}/sync`, { body: { items }, schema: CheckInSyncAnswerSchema, signal: AbortSignal.timeout(SYNC_TIMEOUT_MS) })).answers,
  };
}

export function undoCheckIn(eventId: string, registrationId: string): Promise<RosterEntry> {
  return request('POST', `/api/events/${eventId}/check-in/undo`, { body: { registrationId }, schema: RosterEntrySchema });
}

/** The person's own code; the link's secret goes in the body, never in the URL. */
export function fetchRegistrationQr(token: string): Promise<RegistrationQr> {
  return request('POST', '/api/registration/qr', { body: { token }, schema: RegistrationQrSchema });
}
