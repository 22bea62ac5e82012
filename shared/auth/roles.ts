// Roles an account can hold within an organisation (membership). Platform admin is a flag on the account.
export const ROLES = [
  'org_admin',
  'coordinator',
  'case_manager',
  'medical_professional',
  'psychologist',
  'social_worker',
  'legal_advisor',
  'trainer',
  'editor',
  'reviewer',
  'donor_viewer',
  'participant',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that can see case data (now or in later modules): two-factor sign-in is mandatory for them. */
export const CASE_DATA_ROLES: readonly Role[] = [
  'coordinator',
  'case_manager',
  'medical_professional',
  'psychologist',
  'social_worker',
  'legal_advisor',
];

/** Administrators manage accounts and roles, so a stolen admin password must not be enough either. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['org_admin', ...CASE_DATA_ROLES];

export function requiresTwoFactor(roles: readonly string[], isPlatformAdmin: boolean): boolean {
  return isPlatformAdmin || roles.some((r) => (TWO_FACTOR_ROLES as readonly string[]).includes(r));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
