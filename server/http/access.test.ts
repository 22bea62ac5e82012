import { describe, expect, it } from 'vitest';
import { fakeActor } from '#tests/factories.ts';
import { adminReadScope } from '#server/http/access.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

describe('administrator read scope (audit trail, outbox)', () => {
  it.each([
    ['platform admin, no filter', fakeActor({ isPlatformAdmin: true, organisationId: null, roles: [] }), undefined, { all: true }],
    ['platform admin, one organisation', fakeActor({ isPlatformAdmin: true, organisationId: null, roles: [] }), OTHER, { all: false, organisationId: OTHER }],
    ['organisation admin', fakeActor({}), undefined, { all: false, organisationId: ORG }],
    ['organisation admin naming their own organisation', fakeActor({}), ORG, { all: false, organisationId: ORG }],
    ['organisation admin naming another organisation', fakeActor({}), OTHER, null],
    ['coordinator', fakeActor({ roles: ['coordinator'] }), undefined, null],
    ['admin role without an organisation', fakeActor({ organisationId: null }), undefined, null],
  ])('%s', (_case, who, requested, expected) => {
    expect(adminReadScope(who, requested)).toEqual(expected);
  });
});
