// Check-in on the wire: the roster a phone keeps for offline use, one scan (online, or queued and synced later), the
// answers, manual undo, and the person's own QR code. The same scan shape serves online scans and the offline sync.
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { line, secret, Timestamp } from '../lib/input.ts';

/**
 * What a scan comes to: checked in now; already checked in (the first time is given); a cancelled or rejected
 * registration; one that holds no confirmed place (waiting list, offer, awaiting approval); no registration of this
 * event with that short code; a genuine code of another event; a malformed or forged code (one answer for both, so a
 * guess learns nothing about which registrations exist).
 */
export const CHECK_IN_RESULTS = ['ok', 'already_used', 'cancelled', 'not_confirmed', 'unknown', 'other_event', 'invalid_code'] as const;
export type CheckInResult = (typeof CHECK_IN_RESULTS)[number];

export const EventIdParamsSchema = z.object({ id: z.uuid() }).strict();

/** Longest thing a scan carries: the QR payload is 43 characters, a short code 8 (9 with its dash). */
export const SCAN_CODE_MAX = 64;

export const CheckInScanSchema = z
  .object({
    /** Made by the phone once per scan; the same key sent again returns the first answer. */
    idempotencyKey: z.uuid(),
    /** The phone's own random id, kept in its storage: tells two phones' scans apart. */
    deviceId: line(64).min(1),
    /** The phone's clock when the code was scanned (offline scans arrive later). */
    scannedAt: Timestamp,
    /** A QR payload ("PH1.…") or a short code typed by hand ("K7QM-2XH4"). */
    code: line(SCAN_CODE_MAX).min(1).optional(),
    /** A registration picked from the roster by name (manual check-in). */
    registrationId: z.uuid().optional(),
    /** Decided on the phone while the network was down, sent later by the sync. */
    offline: z.boolean().optional(),
  })
  .strict()
  .refine((s) => (s.code === undefined) !== (s.registrationId === undefined), { message: 'Send a code or a registration, not both', path: ['code'] });
export type CheckInScan = z.input<typeof CheckInScanSchema>;

export const CheckInAnswerSchema = z.object({
  idempotencyKey: z.uuid(),
  result: z.enum(CHECK_IN_RESULTS),
  /** Only for a registration of this event (never for another event's, unknown or invalid codes). */
  registrationId: z.uuid().nullable(),
  fullName: z.string().nullable(),
  /** When the registration was checked in (the first scan's time for already_used). */
  checkedInAt: DateTime.nullable(),
  /** True when this key was answered before and this is that first answer again. */
  replayed: z.boolean(),
});
export type CheckInAnswer = z.output<typeof CheckInAnswerSchema>;

/** The most scans one sync request carries; the phone sends its queue in batches of this size. */
export const SYNC_BATCH_MAX = 100;

export const CheckInSyncSchema = z.object({ items: z.array(CheckInScanSchema).min(1).max(SYNC_BATCH_MAX) }).strict();
export const CheckInSyncAnswerSchema = z.object({ answers: z.array(CheckInAnswerSchema) });
export type CheckInSyncAnswer = z.output<typeof CheckInSyncAnswerSchema>;

export const CheckInUndoSchema = z.object({ registrationId: z.uuid() }).strict();

/** One line of the roster: the minimum a phone needs to decide a scan on its own. */
export const RosterEntrySchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  status: z.string(),
  checkedInAt: DateTime.nullable(),
  shortCode: z.string(),
});
export type RosterEntry = z.output<typeof RosterEntrySchema>;

export const RosterSchema = z.object({
  eventId: z.uuid(),
  /** The event's title per language (ro, en, nb as written). */
  titles: z.record(z.string(), z.string()),
  startsAt: DateTime,
  endsAt: DateTime,
  /** When the server made this roster: scans decided offline are later than it. */
  generatedAt: DateTime,
  registrations: z.array(RosterEntrySchema),
});
export type Roster = z.output<typeof RosterSchema>;

export const RegistrationQrRequestSchema = z.object({ token: secret(128).min(1) }).strict();
export const RegistrationQrSchema = z.object({ code: z.string(), shortCode: z.string() });
export type RegistrationQr = z.output<typeof RegistrationQrSchema>;
