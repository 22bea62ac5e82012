// The one HTTP client: JSON in, JSON out, errors as ApiRequestError with the server's code and field errors.
// NOTE: no zod here. The reader route loads this module at start, and zod alone is ~26 KB gzip of its 150 KB budget
// (docs/decisions/010); pages behind sign-in pass zod schemas, which fit `Decoder` as they are.
import { ERROR_CODES, type ApiError } from '#shared/errors.ts';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError;
  constructor(status: number, body: ApiError) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

/** Turns parsed JSON into T: a zod schema from shared/, or one of the reader's decoders (library.decoders.ts). */
export interface Decoder<T> {
  parse(json: unknown): T;
}

/**
 * For a response whose wire form is already its code form (no timestamps): a typed cast, no check. The server has
 * validated it against the shared schema; modules the reader route loads at start use this instead of zod.
 */
export function asSent<T>(): Decoder<T> {
  return { parse: (json) => json as T };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(
  method: Method,
  path: string,
  options: { body?: unknown; schema: Decoder<T>; signal?: AbortSignal },
): Promise<T>;
export async function request(method: Method, path: string, options?: { body?: unknown; signal?: AbortSignal }): Promise<unknown>;
export async function request(
  method: Method,
  path: string,
  options: { body?: unknown; schema?: Decoder<unknown>; signal?: AbortSignal } = {},
): Promise<unknown> {
  const res = await fetch(path, {
    method,
    signal: options.signal,
    credentials: 'same-origin',
    headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiRequestError(res.status, isApiError(json) ? json : { code: 'internal', message: res.statusText });
  return options.schema ? options.schema.parse(json) : json;
}

/** No network rather than a refusal: fetch failed, a timeout, a proxy's error page (not JSON) or a 5xx. */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ApiRequestError) return error.status >= 500;
  if (error instanceof DOMException) return error.name === 'TimeoutError' || error.name === 'AbortError' || error.name === 'NetworkError';
  return error instanceof TypeError || error instanceof SyntaxError;
}

/** The error shape of shared/errors.ts, checked by hand (see the note at the top). */
function isApiError(json: unknown): json is ApiError {
  if (typeof json !== 'object' || json === null) return false;
  const { code, message, fields } = json as Record<string, unknown>;
  const knownCode = typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
  const fieldsOk = fields === undefined || (typeof fields === 'object' && fields !== null && Object.values(fields).every((v) => typeof v === 'string'));
  return knownCode && typeof message === 'string' && fieldsOk;
}
