// The one HTTP client: JSON in, JSON out, errors as ApiRequestError with the server's code and field errors.
import type { z } from 'zod';
import { ApiErrorSchema, type ApiError } from '#shared/errors.ts';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError;
  constructor(status: number, body: ApiError) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  options: { body?: unknown; schema: S; signal?: AbortSignal },
): Promise<z.output<S>>;
export async function request(method: Method, path: string, options?: { body?: unknown; signal?: AbortSignal }): Promise<unknown>;
export async function request(
  method: Method,
  path: string,
  options: { body?: unknown; schema?: z.ZodType; signal?: AbortSignal } = {},
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
  if (!res.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    throw new ApiRequestError(res.status, parsed.success ? parsed.data : { code: 'internal', message: res.statusText });
  }
  return options.schema ? options.schema.parse(json) : json;
}
