// Times of an event as people read and type them: in the event's own time zone (a Bucharest training reads 09:00 to a
// reader in Oslo too, with the zone named), and the organiser's "date and time" fields converted to and from UTC.

const LOCALES: Record<string, string> = { ro: 'ro-RO', nb: 'nb-NO', en: 'en-GB' };
export const localeOf = (lang: string) => LOCALES[lang] ?? 'en-GB';

/** "15 October 2015, 09:00 – 17:00 EEST" or across days "14 – 16 April 2016", in the event's time zone. */
export function formatEventRange(start: Date, end: Date, timeZone: string, lang: string): string {
  const format = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
  return format.formatRange(start, end);
}

/** The day alone, "15 October 2015". */
export function formatEventDay(date: Date, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** "09:00 – 10:30" for an agenda session, in the event's time zone. */
export function formatSessionTime(start: Date, end: Date, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', timeZone }).formatRange(start, end);
}

function wallClock(date: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** A moment as a datetime-local value ("2026-01-10T09:00") on the wall clock of `timeZone`. */
export function toLocalInput(date: Date, timeZone: string): string {
  const c = wallClock(date, timeZone);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

const offsetAt = (utcMs: number, timeZone: string) => {
  const c = wallClock(new Date(utcMs), timeZone);
  return Date.UTC(c.year!, c.month! - 1, c.day!, c.hour!, c.minute!) - Math.floor(utcMs / 60_000) * 60_000;
};

/** A datetime-local value read on the wall clock of `timeZone`, as an ISO timestamp in UTC; null when not a date. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // NOTE: twice, so a time just after a daylight-saving change uses the offset in force at that time.
  const first = guess - offsetAt(guess, timeZone);
  const utc = guess - offsetAt(first, timeZone);
  return Number.isNaN(utc) ? null : new Date(utc).toISOString();
}
