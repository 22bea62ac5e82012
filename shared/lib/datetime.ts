import { z } from 'zod';

/** A timestamp: an ISO 8601 string on the wire, a Date in code on both sides. */
export const DateTime = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});
