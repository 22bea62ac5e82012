// Registering for an event, alone or for colleagues (all or nothing): a place is taken with the guarded counter,
// otherwise the person joins the waiting list (or is refused when the event has none). Registering the same e-mail
// again changes nothing: the link is sent again by e-mail, and the answer reveals nothing about the first registration.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { writeTogether } from '#server/db/write-together.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit, type AuditEntry } from '#server/features/audit/audit.service.ts';
import { consumeAttempt, countAttempt } from '#server/features/auth/rate-limit.service.ts';
import { emailWrites, queueEmail } from '#server/features/email/email.service.ts';
import { sha256 } from '#server/lib/crypto.ts';
import { QUESTION_KEYS, type RegistrationStatus } from '#shared/events/event-vocabulary.ts';
import type { RegistrationCreate, RegistrationForm, RegistrationOutcome } from '#shared/events/registration.schema.ts';
import { checkAnswers } from './registration-answers.ts';
import { registrationEmail } from './registration-email.ts';
import { manageTokenOf, registrantEmail, tellRegistrant } from './registration-notify.ts';
import * as q from './registration.queries.ts';

export const REGISTRATIONS_PER_ADDRESS_PER_HOUR = 30;

/**
 * Whom the registration limits count: a signed-in account by itself, anyone else by their address. NOTE: a hospital's
 * staff often share one public address; counting them together would refuse the 31st colleague of a popular training,
 * while an account is a vetted person whose own budget is the same.
 */
function caller(ctx: Ctx): string {
  return ctx.actor?.fullySignedIn ? `account:${ctx.actor.accountId}` : `ip:${ctx.ip ?? 'unknown'}`;
}
/**
 * People (each one an e-mail to the address given) registered from one address per hour: a group counts each person.
 * NOTE: without it, 30 groups of 50 would have the server mail 1,500 addresses an hour for anyone (a spam relay).
 */
export const PEOPLE_PER_ADDRESS_PER_HOUR = 100;
/** How many registration e-mails one address gets per event and hour: registering it again sends the link again. */
export const MAILS_PER_RECIPIENT_PER_HOUR = 3;

interface Attendee {
  id: string;
  fullName: string;
  email: string;
  language: string;
  answers: Record<string, unknown>;
  accountId: string | null;
}

/** A refusal of a well-formed registration: 409 with the reason the page explains. */
export function refused(reason: string, message: string): AppError {
  return new AppError('conflict', message, { current: { reason } });
}

/** The event, if registration is open for it now. Drafts do not exist for the public (404). */
export async function openEvent(ctx: Ctx, eventId: string, language: string) {
  const event = await q.findEventForRegistration(ctx.db, eventId, language);
  if (!event || event.status === 'draft') throw new AppError('not_found', 'Not found.');
  if (event.status === 'cancelled') throw refused('event_cancelled', 'This event has been cancelled.');
  if (event.registrationOpensAt && event.registrationOpensAt > ctx.now) throw refused('not_open_yet', 'Registration has not opened yet.');
  if ((event.registrationClosesAt && event.registrationClosesAt <= ctx.now) || event.startsAt <= ctx.now) throw refused('closed', 'Registration has closed.');
  return event;
}

/** The registration form of a published event: questions, group size, places left, and whether it is open now. */
export async function registrationForm(ctx: Ctx, eventId: string): Promise<RegistrationForm> {
  let closedReason: RegistrationForm['closedReason'] = null;
  let event: q.RegistrationEvent | undefined;
  try {
    event = await openEvent(ctx, eventId, 'en');
  } catch (error) {
    const reason = error instanceof AppError ? (error.current as { reason?: RegistrationForm['closedReason'] } | undefined)?.reason : undefined;
    if (!reason) throw error;
    closedReason = reason;
    event = await q.findEventForRegistration(ctx.db, eventId, 'en');
  }
  if (!event) throw new AppError('not_found', 'Not found.');
  const placesLeft = Math.max(0, event.capacity - event.seatsHeld);
  if (!closedReason && placesLeft === 0 && !event.waitlistEnabled) closedReason = 'full';
  const questions = event.questions.filter((x): x is RegistrationForm['questions'][number] => (QUESTION_KEYS as readonly string[]).includes(x.key));
  return { questions, maxGroupSize: event.maxGroupSize, waitlistEnabled: event.waitlistEnabled, requiresApproval: event.requiresApproval, placesLeft, closedReason, opensAt: event.registrationOpensAt };
}

async function attendeesOf(ctx: Ctx, input: RegistrationCreate, event: q.RegistrationEvent): Promise<{ booker: { name: string; email: string }; attendees: Attendee[] }> {
  const accountId = ctx.actor?.fullySignedIn ? ctx.actor.accountId : null;
  const email = (input.email ?? (accountId ? await q.accountEmail(ctx.db, accountId) : null))?.toLowerCase();
  if (!email) throw new AppError('invalid', 'Some fields are not valid.', { fields: { email: 'Write your e-mail address' } });
  const errors: Record<string, string> = {};
  const attendees: Attendee[] = [];
  if (input.attends) {
    const { kept, errors: e } = checkAnswers(event.questions, input.answers, '');
    Object.assign(errors, e);
    attendees.push({ id: randomUUID(), fullName: input.fullName, email, language: input.language, answers: kept, accountId });
  }
  input.colleagues.forEach((c, i) => {
    const { kept, errors: e } = checkAnswers(event.questions, c.answers, `colleagues.${i}.`);
    Object.assign(errors, e);
    attendees.push({ id: randomUUID(), fullName: c.fullName, email: c.email.toLowerCase(), language: c.language ?? input.language, answers: kept, accountId: null });
  });
  if (attendees.length === 0) errors.colleagues = 'Name at least one person to register';
  if (attendees.length > (input.colleagues.length > 0 ? event.maxGroupSize : 1)) errors.colleagues = `Register at most ${event.maxGroupSize} people at once`;
  const seen = new Set<string>();
  attendees.forEach((a, i) => {
    if (seen.has(a.email)) errors[input.attends ? (i === 0 ? 'email' : `colleagues.${i - 1}.email`) : `colleagues.${i}.email`] = 'This e-mail address is already in the list';
    seen.add(a.email);
  });
  if (Object.keys(errors).length > 0) throw new AppError('invalid', 'Some fields are not valid.', { fields: errors });
  return { booker: { name: input.fullName, email }, attendees };
}

/**
 * Places one new registration: a seat (confirmed or awaiting approval) or the waiting list. Answers its audit entry,
 * which the caller writes last.
 */
async function place(trx: Transaction<Database>, ctx: Ctx, event: q.RegistrationEvent, a: Attendee, grouped: boolean): Promise<{ status: RegistrationStatus; audit: AuditEntry }> {
  let status: RegistrationStatus;
  if (await q.takeSeat(trx, event.id)) status = event.requiresApproval ? 'pending_approval' : 'confirmed';
  else if (event.waitlistEnabled) status = 'waitlisted';
  else throw refused('full', 'This event is full.');
  // NOTE: a seat taken, this transaction holds the event row until it commits and every registration for the event
  // waits: what the outcome decides (status, history, e-mail) goes to the database in one statement.
  const kind = status === 'confirmed' ? 'confirmed' : status === 'waitlisted' ? 'waitlisted' : 'pending';
  const email = emailWrites(trx, registrantEmail(ctx.config, ctx.now, { kind, event, person: a }));
  await writeTogether(trx, [...q.placementWrites(trx, { registrationId: a.id, eventId: event.id, status, at: ctx.now, actorAccountId: ctx.actor?.accountId ?? null }), ...email.writes]);
  return { status, audit: { action: 'registration.created', entityType: 'registration', entityId: a.id, organisationId: event.organisationId, details: { eventId: event.id, status, grouped } } };
}

/** Registers the person (and their colleagues); 201 when anything new was written, 200 when all were registered already. */
export async function registerForEvent(ctx: Ctx, eventId: string, input: RegistrationCreate): Promise<{ created: boolean; outcome: RegistrationOutcome }> {
  await consumeAttempt(ctx.db, ctx.now, [{ key: `event_registration:${caller(ctx)}`, max: REGISTRATIONS_PER_ADDRESS_PER_HOUR, windowMs: 3600_000 }]);
  const event = await openEvent(ctx, eventId, input.language);
  const { booker, attendees } = await attendeesOf(ctx, input, event);
  await countPeople(ctx, attendees.length);
  const grouped = input.colleagues.length > 0;
  const quiet = await floodedAddresses(ctx, eventId, attendees);
  return ctx.db.transaction().execute(async (trx) => {
    const groupId = grouped ? await q.insertGroup(trx, { eventId, bookerName: booker.name, bookerEmail: booker.email, bookerAccountId: ctx.actor?.accountId ?? null, now: ctx.now }) : null;
    // NOTE: every row first, then the places: a transaction never waits on another's e-mail while holding the event row.
    const fresh: boolean[] = [];
    for (const a of attendees) {
      const row = { id: a.id, eventId, accountId: a.accountId, groupId, fullName: a.fullName, email: a.email, language: a.language, answers: a.answers, manageTokenHash: sha256(manageTokenOf(ctx.config, a.id)) };
      fresh.push(await q.insertRegistration(trx, row, 'waitlisted', ctx.now));
    }
    const statuses: RegistrationStatus[] = [];
    const audits: AuditEntry[] = [];
    let answeredAsNew = false;
    for (const [i, a] of attendees.entries()) {
      if (fresh[i]) {
        const placed = await place(trx, ctx, event, a, grouped);
        statuses.push(placed.status);
        audits.push(placed.audit);
      } else {
        const again = await repeat(trx, ctx, event, a.email, !quiet.has(a.email));
        statuses.push(again.status);
        answeredAsNew ||= again.asNew;
      }
    }
    if (grouped) {
      await queueEmail(trx, registrationEmail({ kind: 'group_summary', to: booker.email, language: input.language, publicUrl: ctx.config.publicUrl, organisationId: event.organisationId, vars: { count: String(attendees.length) } }));
    }
    // NOTE: the audit rows last: each takes the chain's one head row, which every audited transaction waits for.
    for (const entry of audits) await recordAudit(ctx, trx, entry);
    return { created: fresh.some(Boolean) || answeredAsNew, outcome: { attendees: statuses.map((status) => ({ status })) } };
  });
}

/**
 * The same e-mail again: nothing changes; the first registration's link goes to its address again. NOTE: the caller
 * is answered as a first registration would be now (201 and the status a new one would get), unless the registration
 * is their own account's: anyone can type another person's address, and must not learn that they registered, nor
 * whether they were confirmed, waitlisted or rejected. The e-mail, sent only to that address, tells the truth.
 */
async function repeat(trx: Transaction<Database>, ctx: Ctx, event: q.RegistrationEvent, email: string, mayMail: boolean): Promise<{ status: RegistrationStatus; asNew: boolean }> {
  const existing = await q.findRegistrationByEmail(trx, event.id, email);
  if (!existing) throw new AppError('conflict', 'Another change happened at the same moment. Please try again.');
  const own = !!ctx.actor?.fullySignedIn && existing.accountId === ctx.actor.accountId;
  const status = own ? (existing.status as RegistrationStatus) : await statusAsNew(trx, event);
  if (mayMail) await tellRegistrant(trx, ctx.config, ctx.now, { kind: 'link', event, person: existing });
  return { status, asNew: !own };
}

/** Counts each person against the caller (one hit each, atomic, before any row or e-mail); 429 over it. */
async function countPeople(ctx: Ctx, people: number): Promise<void> {
  const limit = { key: `event_registration_people:${caller(ctx)}`, max: PEOPLE_PER_ADDRESS_PER_HOUR, windowMs: 3600_000 };
  for (let i = 0; i < people; i++) await consumeAttempt(ctx.db, ctx.now, [limit]);
}

/**
 * The addresses that had their share of this event's e-mails this hour. NOTE: counted before the transaction and for
 * every attendee alike (new or not), and a flooded address only stops getting its link again: the answer is the same,
 * so the limit reveals nothing, while nobody can fill a stranger's inbox by registering their address over and over.
 */
async function floodedAddresses(ctx: Ctx, eventId: string, attendees: Attendee[]): Promise<Set<string>> {
  const quiet = new Set<string>();
  for (const a of attendees) {
    const limit = { key: `event_registration_mail:${sha256(`${eventId}:${a.email}`)}`, max: MAILS_PER_RECIPIENT_PER_HOUR, windowMs: 3600_000 };
    if ((await countAttempt(ctx.db, ctx.now, [limit])).over) quiet.add(a.email);
  }
  return quiet;
}

/** What a new registration would get now, without taking anything (a full event with no list refuses alike). */
async function statusAsNew(trx: Transaction<Database>, event: q.RegistrationEvent): Promise<RegistrationStatus> {
  const now = await trx.selectFrom('event').select(['seatsHeld', 'capacity']).where('id', '=', event.id).executeTakeFirstOrThrow();
  if (now.seatsHeld < now.capacity) return event.requiresApproval ? 'pending_approval' : 'confirmed';
  if (event.waitlistEnabled) return 'waitlisted';
  throw refused('full', 'This event is full.');
}
