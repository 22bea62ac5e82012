// Test data builders: each returns plain data and inserts through the real tables. Tests isolate by organisation.
import { randomUUID } from 'node:crypto';
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { loadConfig } from '#server/config.ts';
import { hashPassword } from '#server/features/auth/password.ts';
import { newTotpSecret, sealTotpSecret } from '#server/features/auth/totp.ts';
import type { Role } from '#shared/auth/roles.ts';

export async function createOrganisation(db: Db, overrides: Partial<{ name: string; type: string; country: string }> = {}) {
  return db
    .insertInto('organisation')
    .values({ name: overrides.name ?? `Org ${randomUUID().slice(0, 8)}`, type: overrides.type ?? 'NGO', country: overrides.country ?? 'RO' })
    .returning(['id', 'name', 'type', 'country'])
    .executeTakeFirstOrThrow();
}

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  /** Base32 TOTP secret, when the account was created with two-factor on. */
  totpSecret?: string;
}

/**
 * An account with a real argon2id password hash, optionally a membership with roles and two-factor on
 * (the secret sealed with the test keyring, exactly as enrolment stores it).
 */
export async function createAccount(
  db: Db,
  options: Partial<{
    organisationId: string;
    roles: Role[];
    password: string;
    isPlatformAdmin: boolean;
    withTotp: boolean;
    email: string;
    language: string;
    displayName: string;
  }> = {},
): Promise<TestAccount> {
  const email = options.email ?? `user-${randomUUID().slice(0, 8)}@example.test`;
  const password = options.password ?? `Test-${randomUUID()}`;
  const totpSecret = options.withTotp ? newTotpSecret() : undefined;
  const { id } = await db
    .insertInto('account')
    .values({
      email,
      displayName: options.displayName ?? 'Test Person',
      passwordHash: await hashPassword(password),
      language: options.language ?? null,
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      totpSecret: totpSecret ? sealTotpSecret(testKeyring(), totpSecret) : null,
      totpEnabledAt: totpSecret ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.organisationId) {
    await db.insertInto('membership').values({ accountId: id, organisationId: options.organisationId, roles: options.roles ?? [] }).execute();
  }
  return totpSecret ? { id, email, password, totpSecret } : { id, email, password };
}

/** The keyring createTestApp() uses (the development keys of loadConfig). */
function testKeyring() {
  return loadConfig({ NODE_ENV: 'test' }).encryptionKeys;
}

/** A signed-in actor as a policy sees it, without a database: an org_admin of `organisationId`, fully signed in. */
export function fakeActor(overrides: Partial<Actor> = {}): Actor {
  return {
    accountId: 'a',
    sessionId: 's',
    email: 'x@example.test',
    displayName: 'X',
    language: null,
    isPlatformAdmin: false,
    organisationId: '00000000-0000-4000-8000-000000000001',
    roles: ['org_admin'],
    fullySignedIn: true,
    twoFactorEnabled: true,
    twoFactorRequired: true,
    ...overrides,
  };
}
