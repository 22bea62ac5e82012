// Events core on the client: the public list and page, the organiser's list, one event as organisers edit it, and
// every change to it (each answers with the whole event, which replaces the cached one).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EventListSchema,
  EventManageSchema,
  EventPublicSchema,
  OrganisationChoicesSchema,
  OrganiseListSchema,
  type EventCreate,
  type EventLanguage,
  type EventManage,
  type EventTextSave,
  type EventUpdate,
  type SessionSave,
} from '#shared/events/event.schema.ts';
import { ApiRequestError, request } from '#web/lib/api.ts';

export const eventKeys = {
  all: ['events'] as const,
  list: (params: string) => ['events', 'list', params] as const,
  one: (id: string, lang: string) => ['events', 'public', id, lang] as const,
  organise: (lang: string) => ['events', 'organise', lang] as const,
  manage: (id: string) => ['events', 'manage', id] as const,
  choices: ['events', 'organisation-choices'] as const,
};

export interface ListParams {
  lang: EventLanguage;
  type?: string | undefined;
  past: boolean;
  page: number;
}

export function useEventList(p: ListParams) {
  const params = new URLSearchParams({ lang: p.lang, past: String(p.past), page: String(p.page), ...(p.type ? { type: p.type } : {}) }).toString();
  return useQuery({ queryKey: eventKeys.list(params), queryFn: () => request('GET', `/api/events?${params}`, { schema: EventListSchema }), placeholderData: (previous) => previous });
}

export function usePublicEvent(id: string, lang: EventLanguage) {
  return useQuery({ queryKey: eventKeys.one(id, lang), queryFn: () => request('GET', `/api/events/${id}?lang=${lang}`, { schema: EventPublicSchema }), retry: false });
}

export function useOrganisedEvents(lang: EventLanguage) {
  return useQuery({ queryKey: eventKeys.organise(lang), queryFn: () => request('GET', `/api/events/organise?lang=${lang}`, { schema: OrganiseListSchema }) });
}

export function useManagedEvent(id: string) {
  return useQuery({ queryKey: eventKeys.manage(id), queryFn: () => request('GET', `/api/events/${id}/manage`, { schema: EventManageSchema }), retry: false });
}

export function useOrganisationChoices() {
  return useQuery({ queryKey: eventKeys.choices, queryFn: () => request('GET', '/api/events/organise/organisations', { schema: OrganisationChoicesSchema }) });
}

export function useCreateEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventCreate) => request('POST', '/api/events', { body, schema: EventManageSchema }),
    onSuccess: (event) => {
      client.setQueryData(eventKeys.manage(event.id), event);
      void client.invalidateQueries({ queryKey: ['events', 'organise'] });
    },
  });
}

type Change =
  | { kind: 'fields'; body: EventUpdate }
  | { kind: 'text'; lang: EventLanguage; body: EventTextSave }
  | { kind: 'addSession'; body: SessionSave }
  | { kind: 'session'; sessionId: string; body: SessionSave }
  | { kind: 'removeSession'; sessionId: string }
  | { kind: 'order'; sessionIds: string[] }
  | { kind: 'addOrganiser'; organisationId: string }
  | { kind: 'removeOrganiser'; organisationId: string }
  | { kind: 'publish' | 'cancel'; version: number };

function send(id: string, c: Change): Promise<EventManage> {
  const base = `/api/events/${id}`;
  const schema = EventManageSchema;
  switch (c.kind) {
    case 'fields':
      return request('PUT', base, { body: c.body, schema });
    case 'text':
      return request('PUT', `${base}/texts/${c.lang}`, { body: c.body, schema });
    case 'addSession':
      return request('POST', `${base}/sessions`, { body: c.body, schema });
    case 'session':
      return request('PUT', `${base}/sessions/${c.sessionId}`, { body: c.body, schema });
    case 'removeSession':
      return request('DELETE', `${base}/sessions/${c.sessionId}`, { schema });
    case 'order':
      return request('PUT', `${base}/sessions-order`, { body: { sessionIds: c.sessionIds }, schema });
    case 'addOrganiser':
      return request('POST', `${base}/organisers`, { body: { organisationId: c.organisationId }, schema });
    case 'removeOrganiser':
      return request('DELETE', `${base}/organisers/${c.organisationId}`, { schema });
    default:
      return request('POST', `${base}/${c.kind}`, { body: { version: c.version }, schema });
  }
}

/** Any change to one event; the answer replaces the cached event, and the lists and public pages are refetched. */
export function useEventChange(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => send(id, change),
    onSuccess: (event) => {
      client.setQueryData(eventKeys.manage(id), event);
      void client.invalidateQueries({ queryKey: ['events', 'list'] });
      void client.invalidateQueries({ queryKey: ['events', 'public', id] });
      void client.invalidateQueries({ queryKey: ['events', 'organise'] });
    },
    onError: (error) => {
      // NOTE: a stale save answers 409 with the event as it is now: show that, so the organiser redoes the change on it.
      const current = error instanceof ApiRequestError && error.status === 409 ? EventManageSchema.safeParse(error.body.current) : null;
      if (current?.success) client.setQueryData(eventKeys.manage(id), current.data);
    },
  });
}
