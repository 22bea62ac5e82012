// The input types every route builds its schemas from, so that nothing a client sends can reach the database in a
// form it refuses: text without control characters or lone surrogates, integers that fit their columns, dates in a
// sane range, validated keyset cursors and bounded search terms. Response schemas keep plain zod types.
import { z } from 'zod';

/** PostgreSQL `integer` (int4): versions, counts, positions. */
export const INT4_MAX = 2_147_483_647;

/** Dates outside these years are typing mistakes or probes; PostgreSQL and JavaScript both handle everything within. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2199;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// NOTE: one line (names, titles, codes) refuses tab and newline too, and the bidirectional overrides that can make an
// audit entry or a name read differently from what it holds (the "Trojan Source" trick).
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NO_CONTROL = 'Remove control characters from this text';

const wellFormed = (s: string) => s.isWellFormed();

/** One line of text, trimmed: names, titles, comments of one line, codes. */
export function line(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_IN_LINE.test(s) && wellFormed(s), NO_CONTROL);
}

/** Text of several lines (Markdown, notes): tab, newline and carriage return allowed, other control characters not. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !CONTROL_IN_TEXT.test(s) && wellFormed(s), NO_CONTROL);
}

/** A secret as typed (password, token): not trimmed, no control characters. */
export function secret(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !CONTROL_IN_LINE.test(s) && wellFormed(s), NO_CONTROL);
}

/** An integer that fits an int4 column, in [min, max]. */
export function int4(min = 0, max = INT4_MAX) {
  return z.int().min(min).max(Math.min(max, INT4_MAX));
}

/** The same from a query string ("50" → 50); anything but one decimal integer is refused. */
export function queryInt(min: number, max: number) {
  return z
    .string()
    .regex(/^-?\d{1,16}$/, 'Not a whole number')
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

/** The optimistic-locking version of a row the client read (1 or more). */
export const Version = int4(1);

function inYearRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= YEAR_MIN && year <= YEAR_MAX && !Number.isNaN(Date.parse(iso));
}

const YEARS = `Use a date between ${YEAR_MIN} and ${YEAR_MAX}`;

/** A calendar day, YYYY-MM-DD. */
export const Day = z.iso.date().refine(inYearRange, YEARS);

/** A timestamp with an offset, ISO 8601. */
export const Timestamp = z.iso.datetime({ offset: true }).refine(inYearRange, YEARS);

/**
 * A keyset cursor "<ISO timestamp>_<uuid>" as a page's nextBefore gives it: both halves checked, so a forged cursor is
 * a 400, never a database error.
 */
export const TimeIdCursor = z
  .string()
  .max(80)
  .refine((s) => {
    const cut = s.lastIndexOf('_');
    return cut > 0 && Timestamp.safeParse(s.slice(0, cut)).success && z.uuid().safeParse(s.slice(cut + 1)).success;
  }, 'Not a cursor');

/** Words of a search query, most. */
export const SEARCH_TERMS_MAX = 12;

/**
 * A search query: one line, at most SEARCH_TERMS_MAX words, at least one letter or digit. Runs of dashes shrink to
 * one: websearch syntax reads each as a NOT, and PostgreSQL gives up on long chains of them ("too complex").
 */
export function searchText(max: number) {
  return line(max)
    .min(1, 'Type something to search for')
    .transform((s) => s.replace(/-{2,}/g, '-'))
    .refine((s) => /[\p{L}\p{N}]/u.test(s), 'Type a word to search for')
    .refine((s) => s.split(/\s+/).length <= SEARCH_TERMS_MAX, `Use at most ${SEARCH_TERMS_MAX} words`);
}
