// The iCalendar (.ics) invitation of a registration: one VEVENT whose UID is stable per event, so a calendar updates
// (SEQUENCE raised on every change) or removes (METHOD:CANCEL) the entry it already holds instead of adding another.
// NOTE: SUMMARY and LOCATION are as neutral as the e-mail it travels with; the one attendee is the recipient.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { EmailAttachment } from '#server/db/schema.ts';

export interface IcsEvent {
  id: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  venueName: string | null;
  venueAddress: string | null;
  venueCity: string | null;
  /** Given only for a confirmed registration. */
  onlineUrl: string | null;
}

export interface IcsInput {
  event: IcsEvent;
  method: 'request' | 'cancel';
  attendee: { name: string; email: string };
  /** The recipient's language: the neutral SUMMARY is written in it. */
  language: string;
  /** The sender, from MAIL_FROM ("Name <address>"). */
  mailFrom: string;
  publicUrl: string;
  now: Date;
}

function organiserOf(mailFrom: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailFrom);
  return match ? { name: match[1] || 'Pro Health', email: match[2] as string } : { name: 'Pro Health', email: mailFrom.trim() };
}

function locationOf(e: IcsEvent): string | null {
  const place = [e.venueName, e.venueAddress, e.venueCity].filter((p): p is string => !!p).join(', ');
  return place || e.onlineUrl || null;
}

/** The calendar text (CRLF lines, folded at 75 octets by ical-generator). Times are UTC. */
export function eventIcs(input: IcsInput): string {
  const host = new URL(input.publicUrl).hostname;
  const cal = ical({ prodId: { company: 'Pro Health', product: 'Events', language: 'EN' }, method: input.method === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  const e = input.event;
  cal.createEvent({
    id: `event-${e.id}@${host}`,
    sequence: e.sequence,
    stamp: input.now,
    start: e.startsAt,
    end: e.endsAt,
    summary: NEUTRAL_SUMMARY[input.language] ?? NEUTRAL_SUMMARY.en,
    location: locationOf(e),
    url: e.onlineUrl,
    status: input.method === 'cancel' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: organiserOf(input.mailFrom),
    attendees: [{ name: input.attendee.name, email: input.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED }],
  });
  return foldOctets(cal.toString());
}

// NOTE: the title may name the subject matter; a calendar is as readable by others as a mailbox (see email.service).
const NEUTRAL_SUMMARY: Record<string, string> = { en: 'Pro Health event', ro: 'Eveniment Pro Health', nb: 'Pro Health-arrangement' };

/**
 * RFC 5545 §3.1: lines end in CRLF and are folded at 75 OCTETS (ical-generator counts characters, which lets a
 * line of "ș" and "—" run past 75 bytes). Unfolds, then folds again without splitting a UTF-8 character.
 */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter((l) => l !== '');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    // the first line holds 75 octets; continuation lines start with a space, so they hold 74 more
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The invitation as an e-mail attachment; the METHOD goes in the content type too, as mail clients expect. */
export function icsAttachment(input: IcsInput): EmailAttachment {
  const method = input.method === 'cancel' ? 'CANCEL' : 'REQUEST';
  return { filename: 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: eventIcs(input) };
}
