// Who sees which link of the main navigation: public links for everyone, role links by role, and a platform admin
// every administration link except those about an organisation they do not belong to.
import { describe, expect, test } from 'vitest';
import type { Me } from '#shared/auth/me.schema.ts';
import type { Role } from '#shared/auth/roles.ts';
import { visibleNav } from './nav-items.ts';

function me(roles: Role[], isPlatformAdmin = false): Me {
  const account = { id: '00000000-0000-4000-8000-000000000001', email: 'a@example.org', displayName: 'A', language: null, isPlatformAdmin, twoFactorEnabled: true, twoFactorRequired: true };
  return { account, signInStep: 'done', organisationId: null, roles, memberships: [] } as Me;
}
const links = (who: Me | null) => visibleNav(who).map((item) => item.to);

describe('visibleNav', () => {
  test('signed out: the library, the directory and the events only', () => {
    expect(links(null)).toEqual(['/library', '/directory', '/events']);
  });

  test('organising events: trainers, coordinators and admins in their own organisation', () => {
    for (const role of ['trainer', 'coordinator', 'org_admin'] as const) expect(links(me([role]))).toContain('/events/organise');
    expect(links(me(['participant']))).not.toContain('/events/organise');
    expect(links(me(['medical_professional']))).toEqual(expect.arrayContaining(['/events']));
    expect(links(me([], true))).not.toContain('/events/organise');
  });

  test('an organisation admin sees the members and the organisation profile', () => {
    expect(links(me(['org_admin']))).toEqual(expect.arrayContaining(['/admin/members', '/admin/organisation', '/admin/access-requests']));
  });

  test('a platform admin without an organisation is not offered its members or profile, which would refuse them', () => {
    const shown = links(me([], true));
    expect(shown).toEqual(expect.arrayContaining(['/admin/organisations', '/admin/audit', '/desk', '/admin/access-requests']));
    expect(shown).not.toContain('/admin/members');
    expect(shown).not.toContain('/admin/organisation');
  });

  test('referrals: for the roles that handle case data, in their own organisation', () => {
    expect(links(me(['case_manager']))).toContain('/referrals');
    expect(links(me(['medical_professional']))).toContain('/referrals');
    expect(links(me(['trainer']))).not.toContain('/referrals');
    expect(links(me([], true))).not.toContain('/referrals');
  });
});
