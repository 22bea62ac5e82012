// Pure facts derived from an event row, shared by the public pages and the registration part: places left, the state
// of registration at a moment, the text shown in a language (with the library's fallback and out-of-date rules).
import type { RegistrationState } from '#shared/events/event.schema.ts';

interface Seats {
  capacity: number;
  seatsHeld: number;
}

/** Places not held; never negative, even if capacity were ever set below the places held. */
export function placesLeft(e: Seats): number {
  return Math.max(0, e.capacity - e.seatsHeld);
}

interface Window extends Seats {
  status: string;
  startsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  waitlistEnabled: boolean;
}

/**
 * Whether people can register now: not before the window opens, not after it closes or the event starts (nor for a
 * draft or cancelled event); when every place is held, the waiting list if the event keeps one, else full.
 */
export function registrationState(e: Window, now: Date): RegistrationState {
  if (e.status !== 'published') return 'closed';
  if (e.registrationOpensAt && now < e.registrationOpensAt) return 'not_open';
  if ((e.registrationClosesAt && now > e.registrationClosesAt) || now >= e.startsAt) return 'closed';
  if (placesLeft(e) > 0) return 'open';
  return e.waitlistEnabled ? 'full_waitlist' : 'full';
}

interface TextRow {
  language: string;
  title: string;
  summary: string;
  description: string;
  sourceVersion: number | null;
  version: number;
}

/** A translation is out of date when it was made from an older version of the source text (or from none known). */
export function isOutdated(text: TextRow, source: TextRow | undefined, sourceLanguage: string): boolean {
  if (text.language === sourceLanguage || !source) return false;
  return text.sourceVersion === null || text.sourceVersion < source.version;
}

/** The text in `lang`, else the source language's (flagged as fallback); null when the event has no text at all. */
export function shownText<T extends TextRow>(texts: readonly T[], lang: string, sourceLanguage: string) {
  const source = texts.find((t) => t.language === sourceLanguage);
  const own = texts.find((t) => t.language === lang);
  const text = own ?? source ?? texts[0];
  if (!text) return null;
  return { row: text, language: text.language, fallback: !own, outdated: !!own && isOutdated(own, source, sourceLanguage) };
}
