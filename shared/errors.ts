// The one wire shape of an error, shared by server and web client.
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Field path (dot-separated) → message, for bad input. */
  fields: z.record(z.string(), z.string()).optional(),
  /** On `conflict` from optimistic locking: the record as it is now. */
  current: z.unknown().optional(),
});

export type ApiError = z.infer<typeof ApiErrorSchema>;
