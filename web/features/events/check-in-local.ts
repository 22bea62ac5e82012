// Deciding a scan on the phone from its copy of the roster, for when the network is down: the same answers the server
// gives, except that a signature cannot be checked here (the server does that when the scan is synced) and another
// event's code looks like an unknown one.
import { looksLikeQrPayload, normaliseShortCode, registrationIdOfPayload } from '#shared/events/check-in-code.ts';
import type { CheckInResult, RosterEntry } from '#shared/events/check-in.schema.ts';

/** What the person at the door typed, scanned or picked from the list. */
export type ScanInput = { code: string } | { registrationId: string };

export interface LocalDecision {
  result: CheckInResult;
  entry: RosterEntry | null;
}

/** The roster entry a scan names, or the answer when it names none. */
export function findEntry(roster: readonly RosterEntry[], input: ScanInput): RosterEntry | CheckInResult {
  if ('registrationId' in input) return roster.find((r) => r.id === input.registrationId) ?? 'unknown';
  const code = input.code.trim();
  if (looksLikeQrPayload(code)) {
    const id = registrationIdOfPayload(code);
    if (!id) return 'invalid_code';
    return roster.find((r) => r.id === id) ?? 'unknown';
  }
  const short = normaliseShortCode(code);
  if (!short) return 'invalid_code';
  return roster.find((r) => r.shortCode === short) ?? 'unknown';
}

/** Decides one scan from the roster alone (the roster is not changed: see checkInLocally). */
export function decideLocally(roster: readonly RosterEntry[], input: ScanInput): LocalDecision {
  const found = findEntry(roster, input);
  if (typeof found === 'string') return { result: found, entry: null };
  if (found.status === 'cancelled' || found.status === 'rejected') return { result: 'cancelled', entry: found };
  if (found.status !== 'confirmed') return { result: 'not_confirmed', entry: found };
  if (found.checkedInAt) return { result: 'already_used', entry: found };
  return { result: 'ok', entry: found };
}

/** The roster with one entry replaced (a check-in decided here, or the server's answer about it). */
export function withEntry(roster: readonly RosterEntry[], entry: RosterEntry): RosterEntry[] {
  return roster.map((r) => (r.id === entry.id ? entry : r));
}

/** Checked in and expected (confirmed places) in a roster. */
export function countsOf(roster: readonly RosterEntry[]): { checkedIn: number; expected: number } {
  const confirmed = roster.filter((r) => r.status === 'confirmed');
  return { checkedIn: confirmed.filter((r) => r.checkedInAt).length, expected: confirmed.length };
}
