// Deciding one scan inside its transaction: which registration the code names, whether it belongs to this event and
// holds a confirmed place, and the one guarded UPDATE that checks it in (two phones, one code: the first wins).
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { CheckInResult } from '#shared/events/check-in.schema.ts';
import { addHistory, markCheckedIn, registrationForScan, rosterRows } from './check-in.queries.ts';
import { isShortCodeOf, looksLikeQrPayload, normaliseShortCode, verifyRegistrationCode } from './registration-code.ts';

export interface ScanInput {
  code?: string | undefined;
  registrationId?: string | undefined;
  offline?: boolean | undefined;
  scannedAt: Date;
}

export interface Decision {
  result: CheckInResult;
  registrationId: string | null;
  fullName: string | null;
  checkedInAt: Date | null;
}

const nothing = (result: CheckInResult): Decision => ({ result, registrationId: null, fullName: null, checkedInAt: null });

/** How a scan was made, as registration.check_in_method records it. */
export function methodOf(scan: Pick<ScanInput, 'code' | 'registrationId' | 'offline'>): 'scan' | 'offline_scan' | 'manual' {
  if (scan.registrationId !== undefined || !looksLikeQrPayload(scan.code ?? '')) return 'manual';
  return scan.offline ? 'offline_scan' : 'scan';
}

/** A scan older than this (a phone with a wrong clock, a queue found a week later) is dated when it arrives. */
const OLDEST_SCAN_MS = 7 * 24 * 3600 * 1000;

function checkInTime(scannedAt: Date, now: Date): Date {
  const t = scannedAt.getTime();
  return t > now.getTime() || t < now.getTime() - OLDEST_SCAN_MS ? now : scannedAt;
}

/** Which registration of this event the scan names; a Decision when it names none (the answer is then final). */
async function resolve(trx: Transaction<Database>, ctx: Ctx, eventId: string, scan: ScanInput): Promise<string | Decision> {
  if (scan.registrationId !== undefined) return scan.registrationId;
  const code = scan.code ?? '';
  if (looksLikeQrPayload(code)) return verifyRegistrationCode(ctx.config.blindIndexKeys, code) ?? nothing('invalid_code');
  const shortCode = normaliseShortCode(code);
  if (!shortCode) return nothing('invalid_code');
  // NOTE: short codes are not stored: an event's few hundred HMACs take about a millisecond, and nothing can drift.
  const match = (await rosterRows(trx, eventId)).find((r) => isShortCodeOf(ctx.config.blindIndexKeys, r.id, shortCode));
  return match?.id ?? nothing('unknown');
}

/** Decides one scan for this event and, when it is the first good one, checks the registration in (audited). */
export async function decideScan(trx: Transaction<Database>, ctx: Ctx, eventId: string, scan: ScanInput, scanId: string): Promise<Decision> {
  const resolved = await resolve(trx, ctx, eventId, scan);
  if (typeof resolved !== 'string') return resolved;
  const registration = await registrationForScan(trx, resolved);
  // NOTE: a manual pick of another event's registration is "unknown": the organiser sees only their own events.
  if (!registration) return nothing('unknown');
  if (registration.eventId !== eventId) return nothing(scan.registrationId !== undefined ? 'unknown' : 'other_event');
  const seen = { registrationId: registration.id, fullName: registration.fullName };
  if (registration.status === 'cancelled' || registration.status === 'rejected') return { ...seen, result: 'cancelled', checkedInAt: registration.checkedInAt };
  if (registration.status !== 'confirmed') return { ...seen, result: 'not_confirmed', checkedInAt: null };
  const method = methodOf(scan);
  const by = ctx.actor?.accountId ?? null;
  const marked = await markCheckedIn(trx, { registrationId: registration.id, eventId, at: checkInTime(scan.scannedAt, ctx.now), by, method, now: ctx.now });
  if (!marked) {
    // NOTE: read again: the row may have changed between the first read and the guarded UPDATE (another phone).
    const now = await registrationForScan(trx, registration.id);
    if (now && now.status !== 'confirmed') return { ...seen, result: now.status === 'cancelled' || now.status === 'rejected' ? 'cancelled' : 'not_confirmed', checkedInAt: null };
    return { ...seen, result: 'already_used', checkedInAt: now?.checkedInAt ?? null };
  }
  await addHistory(trx, { registrationId: registration.id, eventId, kind: 'checked_in', detail: { method, scanId }, actorAccountId: by, at: ctx.now });
  await recordAudit(ctx, trx, { action: 'event.checked_in', entityType: 'registration', entityId: registration.id, details: { eventId, method, scanId } });
  return { ...seen, result: 'ok', checkedInAt: marked.checkedInAt };
}
