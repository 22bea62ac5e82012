import { describe, expect, it } from 'vitest';
import type { Actor } from '#server/http/access.ts';
import { adminReadScope } from '#server/http/access.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

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

describe('administrator read scope (audit trail, outbox)', () => {
  it.each([
    ['platform admin, no filter', actor({ isPlatformAdmin: true, organisationId: null, roles: [] }), undefined, { all: true }],
    ['platform admin, one organisation', actor({ isPlatformAdmin: true, organisationId: null, roles: [] }), OTHER, { all: false, organisationId: OTHER }],
    ['organisation admin', actor({}), undefined, { all: false, organisationId: ORG }],
    ['organisation admin naming their own organisation', actor({}), ORG, { all: false, organisationId: ORG }],
    ['organisation admin naming another organisation', actor({}), OTHER, null],
    ['coordinator', actor({ roles: ['coordinator'] }), undefined, null],
    ['admin role without an organisation', actor({ organisationId: null }), undefined, null],
  ])('%s', (_case, who, requested, expected) => {
    expect(adminReadScope(who, requested)).toEqual(expected);
  });
});
