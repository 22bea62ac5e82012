// Organisation queries: the own organisation's profile (organisation admins) and all organisations (platform admins).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  OrganisationListSchema,
  OrganisationSchema,
  type OrganisationCreate,
  type OrganisationUpdate,
} from '#shared/organisations/organisation.schema.ts';
import { request } from '#web/lib/api.ts';

const OWN_KEY = ['organisation', 'own'] as const;
const ALL_KEY = ['organisations'] as const;

export function useOwnOrganisation() {
  return useQuery({ queryKey: OWN_KEY, queryFn: () => request('GET', '/api/organisation', { schema: OrganisationSchema }) });
}

export function useSaveOwnOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationUpdate) => request('PUT', '/api/organisation', { body: input, schema: OrganisationSchema }),
    onSuccess: (saved) => client.setQueryData(OWN_KEY, saved),
  });
}

export function useOrganisations() {
  return useQuery({ queryKey: ALL_KEY, queryFn: () => request('GET', '/api/organisations', { schema: OrganisationListSchema }) });
}

export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationCreate) => request('POST', '/api/organisations', { body: input, schema: OrganisationSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ALL_KEY }),
  });
}
