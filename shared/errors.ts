// The one wire shape of an error, shared by server and web client. Plain TypeScript, no zod: the web client checks
// it by hand (web/lib/api.ts) so that the reader route ships without zod (docs/decisions/010).

export const ERROR_CODES = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  /** Was valid once and is no longer (a waiting-list offer used after it expired). */
  'gone',
  /** Well-formed but against a rule of the domain (a referral without a valid consent, a reason missing). */
  'unprocessable',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated) → message, for bad input. */
  fields?: Record<string, string>;
  /** On `conflict` from optimistic locking: the record as it is now. */
  current?: unknown;
}
