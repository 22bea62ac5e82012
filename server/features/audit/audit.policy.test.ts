import { describe, expect, it } from 'vitest';
import type { Actor } from '#server/http/access.ts';
import { canVerifyChain } from './audit.policy.ts';

const ORG = '00000000-0000-4000-8000-000000000001';

function actor(overrides: Partial<Actor>): Actor {
  return {
    accountId: 'a',
    sessionId: 's',
    email: 'x@example.test',
    displayName: 'X',
    language: null,
    isPlatformAdmin: false,
    organisationId: ORG,
    roles: ['org_admin'],
    fullySignedIn: true,
    twoFactorEnabled: true,
    twoFactorRequired: true,
    ...overrides,
  };
}


describe('chain verification', () => {
  it('is for platform admins only', () => {
    expect(canVerifyChain(actor({ isPlatformAdmin: true }))).toBe(true);
    expect(canVerifyChain(actor({}))).toBe(false);
  });
});
