// Check-in use cases for an event's organisers: the roster for the phone, one scan (online), a batch of scans the
// phone queued offline, and undoing a check-in. Each scan runs in its own transaction, claimed by its idempotency key.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { CheckInAnswer, CheckInResult, CheckInScan, Roster, RosterEntry } from '#shared/events/check-in.schema.ts';
import { mayManageEvent } from './event.policy.ts';
import { decideScan, methodOf } from './check-in-decide.ts';
import { addHistory, claimScan, clearCheckIn, eventForCheckIn, eventTitles, registrationForScan, rosterRows, scanByKey, settleScan } from './check-in.queries.ts';
import { shortCodeOf } from './registration-code.ts';

/** The event when the actor organises it; otherwise 404, so a draft's existence is not revealed. */
async function requireOrganisedEvent(ctx: Ctx, eventId: string) {
  const event = await eventForCheckIn(ctx.db, eventId);
  if (!event || !mayManageEvent(ctx.actor, event.organiserIds)) throw new AppError('not_found', 'No such event');
  return event;
}

/** The roster a phone keeps for offline check-in (audited: an organiser's read of the participant list). */
export async function getCheckInRoster(ctx: Ctx, eventId: string): Promise<Roster> {
  const event = await requireOrganisedEvent(ctx, eventId);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await rosterRows(trx, eventId);
    await recordAudit(ctx, trx, { action: 'event.check_in_roster_viewed', entityType: 'event', entityId: eventId, details: { registrations: rows.length } });
    return {
      eventId,
      titles: await eventTitles(trx, eventId),
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      generatedAt: ctx.now,
      registrations: rows.map((r) => ({ ...r, shortCode: shortCodeOf(ctx.config.blindIndexKeys, r.id) })),
    };
  });
}

/** One scan: its first answer when its key was seen before, otherwise decided now. */
async function processScan(ctx: Ctx, eventId: string, scan: CheckInScan): Promise<CheckInAnswer> {
  const scannedAt = new Date(scan.scannedAt);
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await claimScan(trx, {
      eventId,
      idempotencyKey: scan.idempotencyKey,
      deviceId: scan.deviceId,
      method: methodOf(scan),
      scannedAt,
      receivedAt: ctx.now,
      accountId: ctx.actor?.accountId ?? null,
    });
    if (!claimed) return replay(trx, eventId, scan.idempotencyKey);
    const decision = await decideScan(trx, ctx, eventId, { code: scan.code, registrationId: scan.registrationId, offline: scan.offline, scannedAt }, claimed.id);
    await settleScan(trx, claimed.id, decision.result, decision.registrationId);
    return { idempotencyKey: scan.idempotencyKey, ...decision, replayed: false };
  });
}

async function replay(db: Ctx['db'], eventId: string, idempotencyKey: string): Promise<CheckInAnswer> {
  const first = await scanByKey(db, idempotencyKey);
  // NOTE: a key first used for another event (only a crafted request does that) answers nothing about that event.
  if (!first || first.eventId !== eventId) return { idempotencyKey, result: 'invalid_code', registrationId: null, fullName: null, checkedInAt: null, replayed: true };
  return {
    idempotencyKey,
    result: first.result as CheckInResult,
    registrationId: first.registrationId,
    fullName: first.fullName ?? null,
    checkedInAt: first.checkedInAt ?? null,
    replayed: true,
  };
}

/** An online scan (QR, short code or a name picked from the roster). */
export async function checkIn(ctx: Ctx, eventId: string, scan: CheckInScan): Promise<CheckInAnswer> {
  await requireOrganisedEvent(ctx, eventId);
  return processScan(ctx, eventId, scan);
}

/** A batch of scans queued offline, answered one by one in the order the phone made them. */
export async function syncCheckIns(ctx: Ctx, eventId: string, items: CheckInScan[]): Promise<{ answers: CheckInAnswer[] }> {
  await requireOrganisedEvent(ctx, eventId);
  const answers: CheckInAnswer[] = [];
  // NOTE: one transaction per scan, not per batch: every check-in appends to the audit chain, and two phones syncing
  // batches at once would otherwise lock registrations and the chain's head in opposite orders (a deadlock).
  for (const scan of items) answers.push(await processScan(ctx, eventId, scan));
  return { answers };
}

/** Takes back a check-in made by mistake (audited, in the registration's history). */
export async function undoCheckIn(ctx: Ctx, eventId: string, registrationId: string): Promise<RosterEntry> {
  await requireOrganisedEvent(ctx, eventId);
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const cleared = await clearCheckIn(trx, { registrationId, eventId, now: ctx.now });
    if (cleared) {
      await addHistory(trx, { registrationId, eventId, kind: 'check_in_undone', detail: {}, actorAccountId: actor.accountId, at: ctx.now });
      await recordAudit(ctx, trx, { action: 'event.check_in_undone', entityType: 'registration', entityId: registrationId, details: { eventId } });
    }
    const row = await registrationForScan(trx, registrationId);
    if (!row || row.eventId !== eventId) throw new AppError('not_found', 'No such registration');
    return { id: row.id, fullName: row.fullName, status: row.status, checkedInAt: row.checkedInAt, shortCode: shortCodeOf(ctx.config.blindIndexKeys, row.id) };
  });
}
