// Domain errors carry a code; only the error handler knows HTTP status codes.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError, ErrorCode } from '#shared/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly current: unknown;
  constructor(code: ErrorCode, message: string, extra: { fields?: Record<string, string>; current?: unknown } = {}) {
    super(message);
    this.code = code;
    this.fields = extra.fields;
    this.current = extra.current;
  }
}

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

const BY_STATUS: Record<number, ErrorCode> = Object.fromEntries(
  Object.entries(STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body = publicErrorOf(error, request, reply);
  void reply.status(statusOf(body.code)).send(body);
}

/** What a client may learn of an error (logged when it is ours), for handlers that answer in another shape (FHIR). */
export function publicErrorOf(error: FastifyError, request: FastifyRequest, reply: FastifyReply): ApiError {
  let body: ApiError;
  try {
    body = toApiError(error);
  } catch {
    // NOTE: the handler must never fail itself: Fastify's fallback would echo the raw message to the client.
    body = { code: 'internal', message: PUBLIC_MESSAGES.internal };
  }
  if (body.code === 'internal' || body.code === 'unavailable') {
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'request failed');
  }
  if (error instanceof AppError && error.code === 'too_many_requests') reply.header('retry-after', '60');
  return body;
}

function toApiError(error: FastifyError): ApiError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, fields: error.fields, current: error.current };
  }
  if (hasZodFastifySchemaValidationErrors(error)) return { code: 'invalid', message: 'Some fields are not valid.', fields: fieldErrors(error.validation) };
  if (isResponseSerializationError(error)) return { code: 'internal', message: 'Something went wrong.' };
  if (isDatabaseUnavailable(error)) return { code: 'unavailable', message: PUBLIC_MESSAGES.unavailable };
  if (isConcurrentAbort(error)) return { code: 'conflict', message: 'Another change to the same record happened at the same moment. Please try again.' };
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { code: 'invalid', message: 'The request body is not valid JSON.' };
  }
  if (status >= 400 && status < 500) {
    const code = BY_STATUS[status] ?? 'invalid';
    return { code, message: PUBLIC_MESSAGES[code] };
  }
  // NOTE: never echo the error itself: it may hold SQL, a stack trace or personal data.
  return { code: 'internal', message: PUBLIC_MESSAGES.internal };
}

/**
 * Field path (dot-separated) → message. An issue with the input as a whole (a body that is not an object, a missing
 * body) has the empty path and is reported under "_".
 */
function fieldErrors(issues: readonly { instancePath?: string; message?: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || '_';
    fields[path] ??= issue.message ?? 'invalid';
  }
  return fields;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/**
 * PostgreSQL aborted this transaction for another's sake (deadlock detected, serialization failure): nothing was
 * written, and the same request sent again will succeed. NOTE: e.g. withdrawing a consent (consent, then its referrals)
 * at the moment its referral is sent (referral, then its consent) — one side is refused, never both half-done.
 */
function isConcurrentAbort(error: { code?: string }): boolean {
  return error.code === '40P01' || error.code === '40001';
}

/** A lost or refused database connection: the client gets 503 and may retry; the process keeps running. */
function isDatabaseUnavailable(error: { code?: string; message?: string }): boolean {
  if (error.code && UNAVAILABLE_CODES.has(error.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated/i.test(error.message ?? '');
}

const PUBLIC_MESSAGES: Record<ErrorCode, string> = {
  invalid: 'The request is not valid.',
  unauthorized: 'Please sign in.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  conflict: 'Someone else changed this in the meantime.',
  gone: 'This is no longer available.',
  unprocessable: 'This cannot be done as asked.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'This content type is not supported.',
  too_many_requests: 'Too many attempts. Please wait and try again.',
  unavailable: 'The service is temporarily unavailable.',
  internal: 'Something went wrong.',
};
