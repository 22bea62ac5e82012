// Invitation rows: Kysely only. Tokens are stored as SHA-256 hashes, never in clear.
import type { Db } from '#server/db/db.ts';

const INVITATION_COLUMNS = [
  'invitation.id',
  'invitation.organisationId',
  'invitation.email',
  'invitation.roles',
  'invitation.expiresAt',
  'invitation.acceptedAt',
  'invitation.revokedAt',
  'invitation.createdAt',
] as const;

export interface NewInvitation {
  organisationId: string;
  email: string;
  roles: string[];
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Date;
}

export function insertInvitation(db: Db, values: NewInvitation, now: Date) {
  return db.insertInto('invitation').values({ ...values, createdAt: now }).returning(INVITATION_COLUMNS).executeTakeFirstOrThrow();
}

/** Neither accepted nor revoked (expired ones included, so an admin can resend them). */
export function listOpenInvitations(db: Db, organisationId: string) {
  return db
    .selectFrom('invitation')
    .leftJoin('account as inviter', 'inviter.id', 'invitation.invitedBy')
    .select(INVITATION_COLUMNS)
    .select('inviter.displayName as invitedByName')
    .where('invitation.organisationId', '=', organisationId)
    .where('invitation.acceptedAt', 'is', null)
    .where('invitation.revokedAt', 'is', null)
    .orderBy('invitation.createdAt', 'desc')
    .orderBy('invitation.id')
    .execute();
}

export function findInvitation(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('invitation')
    .leftJoin('account as inviter', 'inviter.id', 'invitation.invitedBy')
    .select(INVITATION_COLUMNS)
    .select('inviter.displayName as invitedByName')
    .where('invitation.organisationId', '=', organisationId)
    .where('invitation.id', '=', id)
    .executeTakeFirst();
}

/** Looks an invitation up by its token; `lock` holds the row until the accepting transaction ends. */
export function findInvitationByTokenHash(db: Db, tokenHash: string, lock = false) {
  const query = db
    .selectFrom('invitation')
    .innerJoin('organisation', 'organisation.id', 'invitation.organisationId')
    .select(INVITATION_COLUMNS)
    .select('organisation.name as organisationName')
    .where('invitation.tokenHash', '=', tokenHash);
  return (lock ? query.forUpdate('invitation') : query).executeTakeFirst();
}

export function findOpenInvitationForEmail(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('invitation')
    .select('id')
    .where('organisationId', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
}

export function markInvitationRevoked(db: Db, organisationId: string, id: string, now: Date) {
  return db
    .updateTable('invitation')
    .set({ revokedAt: now })
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A resend issues a fresh token (the old one stops working) and a fresh expiry. */
export function replaceInvitationToken(db: Db, organisationId: string, id: string, tokenHash: string, expiresAt: Date) {
  return db
    .updateTable('invitation')
    .set({ tokenHash, expiresAt })
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function markInvitationAccepted(db: Db, id: string, now: Date) {
  return db.updateTable('invitation').set({ acceptedAt: now }).where('id', '=', id).executeTakeFirst();
}

/** Invitations still waiting for an answer: neither accepted, revoked nor expired. */
export async function countPendingInvitations(db: Db, organisationId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('invitation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisationId', '=', organisationId)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
