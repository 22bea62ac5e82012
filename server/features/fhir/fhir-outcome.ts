// FHIR answers its errors as an OperationOutcome (application/fhir+json): the same public message and field list the
// JSON API gives, in FHIR's shape; 401 names the Bearer scheme.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicErrorOf, statusOf } from '#server/errors.ts';
import type { ApiError, ErrorCode } from '#shared/errors.ts';
import type { OperationOutcome } from './fhir-types.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Our error code → FHIR issue-type code. */
const ISSUE_TYPE: Record<ErrorCode, string> = {
  invalid: 'invalid',
  unauthorized: 'login',
  forbidden: 'forbidden',
  not_found: 'not-found',
  conflict: 'conflict',
  gone: 'deleted',
  unprocessable: 'business-rule',
  payload_too_large: 'too-long',
  unsupported_media_type: 'not-supported',
  too_many_requests: 'throttled',
  unavailable: 'transient',
  internal: 'exception',
};

export function operationOutcomeOf(error: ApiError): OperationOutcome {
  const type = ISSUE_TYPE[error.code] ?? 'processing';
  const fields = Object.entries(error.fields ?? {});
  const current = currentStatus(error.current);
  if (fields.length === 0) {
    return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: type, details: { text: error.message }, ...(current ? { diagnostics: `current status: ${current}` } : {}) }] };
  }
  return {
    resourceType: 'OperationOutcome',
    issue: fields.map(([field, message]) => ({ severity: 'error' as const, code: type, details: { text: message }, expression: [field] })),
  };
}

/** A 409 carries the referral's status as it is now, so the client can re-read or pick a valid next step. */
function currentStatus(current: unknown): string | null {
  if (current && typeof current === 'object' && 'status' in current && typeof current.status === 'string') return current.status;
  return null;
}

export function fhirErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body = publicErrorOf(error, request, reply);
  if (body.code === 'unauthorized') reply.header('www-authenticate', 'Bearer realm="fhir"');
  void reply.status(statusOf(body.code)).type(FHIR_JSON).send(JSON.stringify(operationOutcomeOf(body)));
}

/** Inside the /fhir scope: FHIR's media types parsed as JSON, FHIR errors, never cached. */
export function installFhirScope(scope: FastifyInstance): void {
  scope.addContentTypeParser(['application/fhir+json', 'application/json-patch+json'], { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
  scope.setErrorHandler(fhirErrorHandler);
  scope.setNotFoundHandler(async (request, reply) => fhirErrorHandler(Object.assign(new Error('Not found.'), { statusCode: 404 }) as FastifyError, request, reply));
  scope.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
}
