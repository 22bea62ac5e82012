// Demo data: organisations modelled on the project's partnership, and one demo account per role.
// NOTE: every name, address and number here is fictional; emails use reserved example domains
// (RFC 2606) and the telephone numbers are placeholders.
import type { Role } from '#shared/auth/roles.ts';
import type { OrganisationCreate } from '#shared/organisations/organisation.schema.ts';

/** One password for every demo account; it passes the password policy. Demo data never exists in production. */
export const DEMO_PASSWORD = 'Demo-Sanatate-2026';

export type DemoOrganisationKey = 'association' | 'podulVerde' | 'ancora' | 'aurora' | 'fyrlykta' | 'agency' | 'hospitalOlt' | 'hospitalMures' | 'fjordsiden';

export const DEMO_ORGANISATIONS: Record<DemoOrganisationKey, OrganisationCreate> = {
  // The coordinating association of the partnership.
  association: {
    name: 'Asociația Punți pentru Sănătate',
    type: 'NGO',
    country: 'RO',
    city: 'București',
    email: 'contact@punti-sanatate.example.org',
    phone: '+40 21 000 0011',
    website: 'https://punti-sanatate.example.org',
  },
  podulVerde: {
    name: 'Asociația Podul Verde',
    type: 'NGO',
    country: 'RO',
    city: 'Timișoara',
    email: 'contact@podul-verde.example.org',
    phone: '+40 21 000 0012',
    website: 'https://podul-verde.example.org',
  },
  ancora: {
    name: 'Fundația Ancora',
    type: 'NGO',
    country: 'RO',
    city: 'Constanța',
    email: 'contact@fundatia-ancora.example.org',
    phone: '+40 21 000 0013',
    website: 'https://fundatia-ancora.example.org',
  },
  // The reproductive-health institute.
  aurora: {
    name: 'Institutul Aurora pentru Sănătatea Reproducerii',
    type: 'HealthServiceOrganisation',
    country: 'RO',
    city: 'Cluj-Napoca',
    email: 'secretariat@institutul-aurora.example.org',
    phone: '+40 21 000 0014',
    website: 'https://institutul-aurora.example.org',
  },
  // The Norwegian partner.
  fyrlykta: {
    name: 'Stiftelsen Fyrlykta',
    type: 'NGO',
    country: 'NO',
    city: 'Oslo',
    email: 'post@fyrlykta.example.no',
    phone: '+47 21 00 00 15',
    website: 'https://fyrlykta.example.no',
  },
  // A regional office of the national agency.
  agency: {
    name: 'Agenția Națională pentru Protecția Victimelor – Centrul Regional Iași',
    type: 'CentralGovernmentOrganisation',
    country: 'RO',
    city: 'Iași',
    email: 'iasi@anpv.example.org',
    phone: '+40 21 000 0016',
    website: null,
  },
  hospitalOlt: {
    name: 'Spitalul Județean de Urgență „Valea Oltului”',
    type: 'HealthServiceOrganisation',
    country: 'RO',
    city: 'Râmnicu Vâlcea',
    email: 'registratura@spital-valea-oltului.example.org',
    phone: '+40 21 000 0017',
    website: 'https://spital-valea-oltului.example.org',
  },
  hospitalMures: {
    name: 'Spitalul Clinic Municipal „Mureșul”',
    type: 'HealthServiceOrganisation',
    country: 'RO',
    city: 'Târgu Mureș',
    email: 'contact@spital-muresul.example.org',
    phone: '+40 21 000 0018',
    website: 'https://spital-muresul.example.org',
  },
  // A Norwegian health centre, so a Norwegian clinician can refer someone to a Romanian partner in the demo.
  fjordsiden: {
    name: 'Fjordsiden legesenter',
    type: 'HealthServiceOrganisation',
    country: 'NO',
    city: 'Bergen',
    email: 'post@fjordsiden-legesenter.example.no',
    phone: '+47 21 00 00 19',
    website: 'https://fjordsiden-legesenter.example.no',
  },
};

export interface DemoAccount {
  /** The role this account demonstrates ('platform_admin' for the operator). */
  shows: Role | 'platform_admin';
  email: string;
  displayName: string;
  language: 'ro' | 'en' | 'nb';
  organisation: DemoOrganisationKey | null;
  roles: Role[];
}

const domain = 'demo.pro-health.example';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { shows: 'platform_admin', email: `platform-admin@${domain}`, displayName: 'Mihai Dobrescu', language: 'en', organisation: null, roles: [] },
  { shows: 'org_admin', email: `org-admin@${domain}`, displayName: 'Elena Vasilescu', language: 'ro', organisation: 'podulVerde', roles: ['org_admin'] },
  // NOTE: the coordinator also administers the association, so the demo journey (invite a colleague) works with one account.
  { shows: 'coordinator', email: `coordinator@${domain}`, displayName: 'Ioana Stănescu', language: 'ro', organisation: 'association', roles: ['coordinator', 'org_admin'] },
  { shows: 'case_manager', email: `case-manager@${domain}`, displayName: 'Radu Munteanu', language: 'ro', organisation: 'association', roles: ['case_manager'] },
  { shows: 'medical_professional', email: `medical-professional@${domain}`, displayName: 'Cristina Iordache', language: 'ro', organisation: 'hospitalOlt', roles: ['medical_professional'] },
  { shows: 'psychologist', email: `psychologist@${domain}`, displayName: 'Andreea Constantin', language: 'ro', organisation: 'aurora', roles: ['psychologist'] },
  { shows: 'social_worker', email: `social-worker@${domain}`, displayName: 'Bogdan Ene', language: 'ro', organisation: 'ancora', roles: ['social_worker'] },
  { shows: 'legal_advisor', email: `legal-advisor@${domain}`, displayName: 'Simona Dumitrescu', language: 'ro', organisation: 'agency', roles: ['legal_advisor'] },
  // NOTE: editor and reviewer share an organisation, so a library text can go through review (four eyes) in the demo.
  { shows: 'editor', email: `editor@${domain}`, displayName: 'Laura Petrescu', language: 'ro', organisation: 'association', roles: ['editor'] },
  { shows: 'reviewer', email: `reviewer@${domain}`, displayName: 'Marius Popa', language: 'ro', organisation: 'association', roles: ['reviewer'] },
  // NOTE: the trainer also administers the Norwegian foundation, so a Norwegian admin answers account requests in the demo.
  { shows: 'trainer', email: `trainer@${domain}`, displayName: 'Ingrid Solberg', language: 'nb', organisation: 'fyrlykta', roles: ['trainer', 'org_admin'] },
  { shows: 'donor_viewer', email: `donor-viewer@${domain}`, displayName: 'Kari Nordmann', language: 'nb', organisation: 'fyrlykta', roles: ['donor_viewer'] },
  // NOTE: a second clinician, Norwegian-speaking, for the referral journey between Norway and Romania.
  { shows: 'medical_professional', email: `clinician-nb@${domain}`, displayName: 'Sigrid Haugen', language: 'nb', organisation: 'fjordsiden', roles: ['medical_professional'] },
  { shows: 'participant', email: `participant@${domain}`, displayName: 'Daniel Moldovan', language: 'ro', organisation: 'hospitalMures', roles: ['participant'] },
];

// NOTE: people who took the first course before the visitor arrived, so the course report, the knowledge change and
// the course certificates are not empty (demo-course-history.ts). Participants only (no two-factor set-up), and not
// in the sign-in table: the visitor takes the course as the medical professional, on an empty record.
export const DEMO_LEARNERS: DemoAccount[] = [
  { shows: 'participant', email: `alexandra.neagu@${domain}`, displayName: 'Alexandra Neagu', language: 'ro', organisation: 'hospitalOlt', roles: ['participant'] },
  { shows: 'participant', email: `vlad.tanase@${domain}`, displayName: 'Vlad Tănase', language: 'ro', organisation: 'hospitalMures', roles: ['participant'] },
  { shows: 'participant', email: `raluca.georgescu@${domain}`, displayName: 'Raluca Georgescu', language: 'ro', organisation: 'ancora', roles: ['participant'] },
  { shows: 'participant', email: `catalina.preda@${domain}`, displayName: 'Cătălina Preda', language: 'ro', organisation: 'podulVerde', roles: ['participant'] },
  { shows: 'participant', email: `sorin.manea@${domain}`, displayName: 'Sorin Manea', language: 'ro', organisation: 'agency', roles: ['participant'] },
  { shows: 'participant', email: `oana.balan@${domain}`, displayName: 'Oana Bălan', language: 'ro', organisation: 'aurora', roles: ['participant'] },
  { shows: 'participant', email: `gabriel.dinu@${domain}`, displayName: 'Gabriel Dinu', language: 'ro', organisation: 'hospitalOlt', roles: ['participant'] },
  { shows: 'participant', email: `marit.lunde@${domain}`, displayName: 'Marit Lunde', language: 'nb', organisation: 'fyrlykta', roles: ['participant'] },
  { shows: 'participant', email: `henrik.aas@${domain}`, displayName: 'Henrik Aas', language: 'nb', organisation: 'fjordsiden', roles: ['participant'] },
  { shows: 'participant', email: `ingvild.bakke@${domain}`, displayName: 'Ingvild Bakke', language: 'nb', organisation: 'fjordsiden', roles: ['participant'] },
];
