// Registration queries: the form of an event, registering, the person's own page by the secret of their link (sent in
// POST bodies only), offers, "my registrations", and the organiser's participant list.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MyRegistrationsSchema,
  ParticipantActionResultSchema,
  ParticipantHistorySchema,
  ParticipantListSchema,
  RegistrationFormSchema,
  RegistrationOutcomeSchema,
  RegistrationViewSchema,
  type ParticipantFilter,
  type RegistrationCreate,
} from '#shared/events/registration.schema.ts';
import { request } from '#web/lib/api.ts';
import { saveFile } from '#web/lib/save-file.ts';

export function useRegistrationForm(eventId: string) {
  return useQuery({ queryKey: ['registration-form', eventId], queryFn: () => request('GET', `/api/events/${encodeURIComponent(eventId)}/registrations/form`, { schema: RegistrationFormSchema }) });
}

export function useRegister(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationCreate) => request('POST', `/api/events/${encodeURIComponent(eventId)}/registrations`, { body, schema: RegistrationOutcomeSchema }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['registration-form', eventId] }),
  });
}

export function useRegistrationView(token: string) {
  return useQuery({ queryKey: ['registration-view', token], queryFn: () => request('POST', '/api/registration/view', { body: { token }, schema: RegistrationViewSchema }), enabled: token !== '', retry: false });
}

/** Cancel, leave the list, accept or decline an offer: each a POST with the token, then the page reloads its view. */
export function useRegistrationAction(token: string, path: 'cancel' | 'offer/accept' | 'offer/decline') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', `/api/registration/${path}`, { body: { token } }),
    onSettled: () => void client.invalidateQueries({ queryKey: ['registration-view', token] }),
  });
}

/** Downloads the .ics through a POST (the token never goes in a URL). */
export async function downloadIcs(token: string): Promise<void> {
  const res = await fetch('/api/registration/ics', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  if (!res.ok) throw new Error(String(res.status));
  saveFile('event.ics', new Blob([await res.text()], { type: 'text/calendar' }));
}

export function useMyRegistrations(enabled: boolean) {
  return useQuery({ queryKey: ['my-registrations'], queryFn: () => request('GET', '/api/registration/mine', { schema: MyRegistrationsSchema }), enabled });
}

function filterQuery(f: ParticipantFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function participantsUrl(eventId: string, f: ParticipantFilter, ext = ''): string {
  return `/api/events/${encodeURIComponent(eventId)}/participants${ext}${filterQuery(f)}`;
}

export function useParticipants(eventId: string, f: ParticipantFilter) {
  return useQuery({ queryKey: ['participants', eventId, f], queryFn: () => request('GET', participantsUrl(eventId, f), { schema: ParticipantListSchema }) });
}

export function useParticipantHistory(eventId: string, registrationId: string | null) {
  return useQuery({
    queryKey: ['participant-history', eventId, registrationId],
    queryFn: () => request('GET', `/api/events/${encodeURIComponent(eventId)}/participants/${encodeURIComponent(registrationId ?? '')}/history`, { schema: ParticipantHistorySchema }),
    enabled: registrationId !== null,
  });
}

export function useParticipantAction(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { registrationId: string; action: 'approve' | 'reject' | 'cancel' } | { registrationId: string; action: 'priority'; priority: number; version: number }) => {
      const base = `/api/events/${encodeURIComponent(eventId)}/participants/${encodeURIComponent(a.registrationId)}`;
      if (a.action === 'priority') return request('PUT', `${base}/priority`, { body: { priority: a.priority, version: a.version }, schema: ParticipantActionResultSchema });
      return request('POST', `${base}/${a.action}`, { schema: ParticipantActionResultSchema });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['participants', eventId] }),
  });
}
