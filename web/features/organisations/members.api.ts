// Members and invitations of the own organisation (organisation admins).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '#shared/auth/roles.ts';
import { InvitationListSchema, InvitationSchema, type InvitationCreate } from '#shared/organisations/invitation.schema.ts';
import { MemberListSchema, MemberSchema } from '#shared/organisations/member.schema.ts';
import { request } from '#web/lib/api.ts';

const MEMBERS_KEY = ['members'] as const;
const INVITATIONS_KEY = ['invitations'] as const;

/** The members of the own organisation; `enabled` false for callers who have none to list (a platform admin's view). */
export function useMembers(enabled = true) {
  return useQuery({ queryKey: MEMBERS_KEY, queryFn: () => request('GET', '/api/members', { schema: MemberListSchema }), enabled });
}

export function useChangeRoles() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; roles: Role[]; version: number }) =>
      request('PUT', `/api/members/${input.id}/roles`, { body: { roles: input.roles, version: input.version }, schema: MemberSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request('DELETE', `/api/members/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
}

export function useInvitations() {
  return useQuery({ queryKey: INVITATIONS_KEY, queryFn: () => request('GET', '/api/invitations', { schema: InvitationListSchema }) });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationCreate) => request('POST', '/api/invitations', { body: input, schema: InvitationSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

export function useInvitationAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: 'revoke' | 'resend' }) => request('POST', `/api/invitations/${input.id}/${input.action}`),
    onSettled: () => client.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}
