// The accept page's calls: what an invitation offers, and accepting it. Tokens travel in POST bodies only.
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  InvitationAcceptedSchema,
  InvitationPreviewSchema,
  type InvitationAccept,
} from '#shared/organisations/invitation.schema.ts';
import { request } from '#web/lib/api.ts';

export function useInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    enabled: token !== null,
    // NOTE: the token is a secret; do not keep it in the query cache longer than the page needs it.
    gcTime: 0,
    queryFn: () => request('POST', '/api/invitations/inspect', { body: { token }, schema: InvitationPreviewSchema }),
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (input: InvitationAccept) => request('POST', '/api/invitations/accept', { body: input, schema: InvitationAcceptedSchema }),
  });
}
