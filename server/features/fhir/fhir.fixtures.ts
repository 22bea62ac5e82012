// Test fixtures for the FHIR facade: a sender, a receiver with a listed service, a consent and a referral with its
// package, written straight into the tables (the referral service is another feature's), plus API tokens.
import { randomUUID } from 'node:crypto';
import type { Db } from '#server/db/db.ts';
import { loadConfig } from '#server/config.ts';
import { encrypt, randomToken, sha256 } from '#server/lib/crypto.ts';
import { API_TOKEN_PREFIX } from '#shared/api-tokens/api-token.schema.ts';
import type { TaskStatus } from '#shared/referrals/task-status.ts';
import { createOrganisation } from '#tests/factories.ts';

const keyring = () => loadConfig({ NODE_ENV: 'test' }).encryptionKeys;

export interface ReferralWorld {
  senderId: string;
  receiverId: string;
  directoryOrganizationId: string;
  serviceId: string;
}

/** Two platform organisations; the receiver keeps a directory listing with one service accepting referrals. */
export async function referralWorld(db: Db, existing: { receiverId?: string } = {}): Promise<ReferralWorld> {
  const sender = await createOrganisation(db, { country: 'NO' });
  const receiver = existing.receiverId
    ? await db.selectFrom('organisation').select(['id', 'name']).where('id', '=', existing.receiverId).executeTakeFirstOrThrow()
    : await createOrganisation(db, { country: 'RO' });
  const listing = await db
    .insertInto('directoryOrganization')
    .values({ organisationId: receiver.id, name: receiver.name, country: 'RO', phone: '+40 21 000 0000', email: 'intake@example.test', descriptions: JSON.stringify({}), updatedAt: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = await db
    .insertInto('directoryService')
    .values({
      directoryOrganizationId: listing.id,
      name: 'Shelter intake',
      summaries: JSON.stringify({ en: 'Safe accommodation' }),
      sexes: JSON.stringify([]),
      requiredDocuments: JSON.stringify([]),
      schedules: JSON.stringify([]),
      categories: JSON.stringify(['shelter', 'social']),
      languages: JSON.stringify(['ro', 'en']),
      serviceAreas: JSON.stringify(['RO-B']),
      phone: '+40 21 000 0001',
      acceptingReferrals: true,
      reviewStatus: 'approved',
      updatedAt: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { senderId: sender.id, receiverId: receiver.id, directoryOrganizationId: listing.id, serviceId: service.id };
}

export interface ReferralSpec {
  status?: TaskStatus;
  statusReason?: string | null;
  outcome?: string | null;
  urgency?: 'routine' | 'urgent';
  consent?: 'given' | 'refused' | 'withdrawn' | 'expired';
  updatedAt?: Date;
  safeContact?: string | null;
  /** A service outside the platform: no receiving organisation; the consent names the directory listing. */
  external?: boolean;
}

/** A referral from the world's sender to its receiver, with package version 1 and a consent naming the receiver. */
export async function insertReferral(db: Db, world: ReferralWorld, spec: ReferralSpec = {}): Promise<{ id: string; consentId: string; subjectCode: string }> {
  const now = new Date();
  const subjectCode = `P-${randomUUID().slice(0, 6).toUpperCase()}`;
  const consentKind = spec.consent ?? 'given';
  const consent = await db
    .insertInto('consent')
    .values({
      organisationId: world.senderId,
      subjectCode,
      receiverOrganisationId: spec.external ? null : world.receiverId,
      receiverDirectoryOrganizationId: spec.external ? world.directoryOrganizationId : null,
      purposes: JSON.stringify(['assistance', 'medical-care', 'coordination']),
      decision: consentKind === 'refused' ? 'refused' : 'given',
      language: 'nb',
      recordedAt: new Date(now.getTime() - 86_400_000),
      expiresAt: new Date(now.getTime() + (consentKind === 'expired' ? -3_600_000 : 90 * 86_400_000)),
      withdrawnAt: consentKind === 'withdrawn' ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const status = spec.status ?? 'requested';
  const referral = await db
    .insertInto('referral')
    .values({
      reference: `R-${randomUUID().slice(0, 8).toUpperCase()}`,
      senderOrganisationId: world.senderId,
      serviceId: world.serviceId,
      receiverOrganisationId: spec.external ? null : world.receiverId,
      consentId: consent.id,
      status,
      statusReason: spec.statusReason ?? null,
      outcome: spec.outcome ?? null,
      urgency: spec.urgency ?? 'urgent',
      sentAt: status === 'draft' ? null : (spec.updatedAt ?? now),
      dueAt: status === 'draft' ? null : new Date(now.getTime() + 4 * 3_600_000),
      createdAt: spec.updatedAt ?? now,
      updatedAt: spec.updatedAt ?? now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('referralPackage')
    .values({
      referralId: referral.id,
      version: 1,
      consentId: consent.id,
      subjectCode,
      ageBand: '25-34',
      sex: 'female',
      languages: JSON.stringify(['ro', 'en']),
      needs: JSON.stringify(['shelter', 'medical']),
      urgency: spec.urgency ?? 'urgent',
      safeContact: spec.safeContact === null ? null : encrypt(keyring(), spec.safeContact ?? 'Only by text message, weekdays after 18:00'),
      note: encrypt(keyring(), 'Needs a female doctor.'),
      identity: encrypt(keyring(), JSON.stringify({ name: 'Secret Name' })),
    })
    .execute();
  return { id: referral.id, consentId: consent.id, subjectCode };
}

/** An API token of `organisationId`, straight into the table; returns its secret and id. */
export async function insertApiToken(db: Db, organisationId: string, options: { scopes?: string[]; expiresAt?: Date; revokedAt?: Date | null } = {}) {
  const secret = `${API_TOKEN_PREFIX}${randomToken()}`;
  const row = await db
    .insertInto('apiToken')
    .values({
      organisationId,
      name: 'Test system',
      tokenHash: sha256(secret),
      scopes: JSON.stringify(options.scopes ?? ['referrals:read', 'referrals:write']),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * 86_400_000),
      revokedAt: options.revokedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, secret, authorization: `Bearer ${secret}` };
}
