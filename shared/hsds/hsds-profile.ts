// Pro Health's HSDS 3.0 profile: the properties we add to HSDS objects (HSDS allows additional properties), as JSON
// Merge Patches (RFC 7396) over the official schemas, plus the rules the schemas cannot say (docs/hsds-profile.md).
// Served at /hsds/profile.json; the conformance tests apply the patches before validating in strict mode.

export const HSDS_VERSION = '3.0';

/** Per schema file: a merge patch adding our properties. */
export const HSDS_PROFILE_PATCHES: Record<string, { properties: Record<string, Record<string, unknown>> }> = {
  'service.json': {
    properties: {
      accepting_referrals: { type: 'boolean', description: 'The service takes referrals now (kept current by its organisation).' },
      available_places: { type: 'integer', minimum: 0, description: 'Places free now, when the service counts them (for example shelter beds).' },
      capacity_updated_at: { type: 'string', format: 'date-time', description: 'When accepting_referrals or available_places was last set.' },
      free_of_charge: { type: 'boolean', description: 'The person pays nothing for the service.' },
    },
  },
  'location.json': {
    properties: {
      is_confidential: {
        type: 'boolean',
        description: 'A shelter or safe house: it never carries addresses, latitude, longitude or postal code in any answer or export; reach it through its service phone (front gate) and find it by its service areas.',
      },
    },
  },
};

export const HSDS_PROFILE_SUMMARY =
  'Pro Health profile of HSDS 3.0: approved listings only; confidential locations (shelters, safe houses) never carry addresses or coordinates; services add accepting_referrals, available_places, capacity_updated_at and free_of_charge; descriptions in the language asked for (lang parameter or Accept-Language: en, ro, nb; English by default).';
