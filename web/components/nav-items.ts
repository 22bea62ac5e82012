// The main navigation's links and who sees them. Labels are keys of the `common` namespace only: the shell renders
// on every page, before any page's own namespaces have loaded (web/lib/i18n.ts, issue 8).
import type { Me } from '#shared/auth/me.schema.ts';
import { CASE_DATA_ROLES, type Role } from '#shared/auth/roles.ts';

export interface NavItem {
  to: string;
  /** A key of the `common` namespace (no "<namespace>:" prefix). */
  label: `nav.${string}`;
  /** Shown only to these roles (platform admins see admin items too); absent = every signed-in account. */
  roles?: Role[];
  /** Shown to everyone, signed in or not (public content such as the library). */
  public?: boolean;
  /** About the account's own organisation: platform admins see it only when they hold one of `roles` there too. */
  ownOrganisation?: boolean;
}

export const NAV: NavItem[] = [
  { to: '/library', label: 'nav.library', public: true },
  { to: '/directory', label: 'nav.directory', public: true },
  { to: '/events', label: 'nav.events', public: true },
  { to: '/cases', label: 'nav.cases', roles: [...CASE_DATA_ROLES], ownOrganisation: true },
  { to: '/referrals', label: 'nav.referrals', roles: [...CASE_DATA_ROLES], ownOrganisation: true },
  { to: '/cases/approvals', label: 'nav.caseApprovals', roles: ['coordinator'], ownOrganisation: true },
  { to: '/cases/register', label: 'nav.caseRegister', roles: ['coordinator'], ownOrganisation: true },
  { to: '/cases/settings', label: 'nav.caseSettings', roles: ['org_admin'], ownOrganisation: true },
  { to: '/events/organise', label: 'nav.organiseEvents', roles: ['trainer', 'coordinator', 'org_admin'], ownOrganisation: true },
  { to: '/learn', label: 'nav.learn' },
  { to: '/account', label: 'nav.account' },
  { to: '/certificates', label: 'nav.certificates' },
  { to: '/desk', label: 'nav.desk', roles: ['editor', 'reviewer'] },
  { to: '/desk/directory', label: 'nav.directoryDesk', roles: ['org_admin', 'coordinator', 'case_manager'] },
  { to: '/desk/directory/review', label: 'nav.directoryReview', roles: ['coordinator'] },
  { to: '/reports/library-usage', label: 'nav.reports', roles: ['coordinator', 'org_admin', 'donor_viewer'] },
  { to: '/reports/events', label: 'nav.eventReports', roles: ['coordinator', 'org_admin', 'donor_viewer'], ownOrganisation: true },
  { to: '/admin/members', label: 'nav.members', roles: ['org_admin'], ownOrganisation: true },
  { to: '/admin/access-requests', label: 'nav.accessRequests', roles: ['org_admin'] },
  { to: '/admin/organisation', label: 'nav.profile', roles: ['org_admin'], ownOrganisation: true },
  // NOTE: no role grants this one (roles: []), so only platform admins see it.
  { to: '/admin/organisations', label: 'nav.organisations', roles: [] },
  { to: '/admin/audit', label: 'nav.audit', roles: ['org_admin'] },
  { to: '/admin/outbox', label: 'nav.outbox', roles: ['org_admin'] },
  { to: '/admin/api-tokens', label: 'nav.apiTokens', roles: ['org_admin'], ownOrganisation: true },
];

export function visibleNav(me: Me | null): NavItem[] {
  if (me?.signInStep !== 'done') return NAV.filter((item) => item.public);
  const holds = (item: NavItem) => item.roles?.some((r) => me.roles.includes(r)) ?? false;
  return NAV.filter((item) => item.public || !item.roles || holds(item) || (me.account.isPlatformAdmin && !item.ownOrganisation));
}
