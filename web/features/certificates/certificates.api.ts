// Certificates: the person's list, the registration page's certificate, the organiser's list, public verification,
// and downloads (a POST with the registration secret in the body, saved through a temporary object URL).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventCertificates, IssueAllResult, IssuedCertificate, MyCertificates, RegistrationCertificate, Verification } from '#shared/certificates/certificate.schema.ts';
import { ApiRequestError, asSent, request } from '#web/lib/api.ts';
import { saveFile } from '#web/lib/save-file.ts';

export const certificateKeys = {
  mine: ['certificates', 'mine'] as const,
  registration: (registrationId: string) => ['certificates', 'registration', registrationId] as const,
  event: (eventId: string) => ['certificates', 'event', eventId] as const,
  verify: (code: string) => ['certificates', 'verify', code] as const,
};

export function useMyCertificates() {
  return useQuery({ queryKey: certificateKeys.mine, queryFn: () => request('GET', '/api/certificates/mine', { schema: asSent<MyCertificates>() }) });
}

export function useIssueMine() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) => request('POST', `/api/certificates/registrations/${registrationId}/issue`, { body: {}, schema: asSent<IssuedCertificate>() }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.mine }),
  });
}

export function useRegistrationCertificate(token: string, registrationId: string) {
  return useQuery({
    queryKey: certificateKeys.registration(registrationId),
    queryFn: () => request('POST', '/api/certificates/registration', { body: { token }, schema: asSent<RegistrationCertificate>() }),
  });
}

export function useIssueForRegistration(token: string, registrationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', '/api/certificates/registration/issue', { body: { token }, schema: asSent<IssuedCertificate>() }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.registration(registrationId) }),
  });
}

export function useEventCertificates(eventId: string) {
  return useQuery({ queryKey: certificateKeys.event(eventId), queryFn: () => request('GET', `/api/certificates/events/${eventId}`, { schema: asSent<EventCertificates>() }) });
}

export function useIssueAll(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', `/api/certificates/events/${eventId}/issue-all`, { body: {}, schema: asSent<IssueAllResult>() }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.event(eventId) }),
  });
}

export function useRevoke(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason: string; version: number }) => request('POST', `/api/certificates/${input.id}/revoke`, { body: { reason: input.reason, version: input.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.event(eventId) }),
  });
}

export function useVerification(code: string) {
  return useQuery({ queryKey: certificateKeys.verify(code), queryFn: () => request('GET', `/api/verify/${encodeURIComponent(code)}`, { schema: asSent<Verification>() }), retry: false });
}

export function useCheckCredential() {
  return useMutation({ mutationFn: (credential: string) => request('POST', '/api/verify/credential', { body: { credential }, schema: asSent<Verification>() }) });
}

/** Fetches a file and hands it to the browser as a download under the server's file name. */
export async function downloadFile(path: string, body?: unknown): Promise<void> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new ApiRequestError(res.status, { code: res.status === 404 ? 'not_found' : 'internal', message: res.statusText });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'certificate';
  saveFile(name, await res.blob());
}

/** A passed course's certificate for the signed-in learner: issued once, the same one on every later ask. */
export function useIssueCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) => request('POST', '/api/certificates/course', { body: { enrolmentId }, schema: asSent<IssuedCertificate>() }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.mine }),
  });
}
