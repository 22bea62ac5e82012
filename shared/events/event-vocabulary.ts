// The words of events (issue 11): types, statuses and the registration questions an organiser can ask. Codes are
// stored verbatim; every label lives in web/locales/*/events.json. Counties reuse shared/directory/regions.ts.

export const EVENT_TYPES = ['training', 'roundtable', 'conference', 'webinar', 'study_visit'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const ATTENDANCE_MODES = ['in_person', 'online', 'hybrid'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/**
 * A registration's life: awaiting the organiser's approval, confirmed (holds a place), on the waiting list, holding an
 * open waiting-list offer, cancelled (by the person or the organiser) or rejected by the organiser.
 */
export const REGISTRATION_STATUSES = ['pending_approval', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses that hold one of the event's places (event.seats_held counts exactly these). */
export const SEAT_HOLDING_STATUSES: readonly RegistrationStatus[] = ['pending_approval', 'confirmed', 'offered'];

/** The questions an organiser may ask at registration, each optional or required per event (name and e-mail always). */
export const QUESTION_KEYS = ['profession', 'institution_type', 'institution', 'country', 'county', 'languages', 'sex', 'access_needs', 'dietary_needs'] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

/** Professions of participants: the people the project trains, and the partners who sit at its roundtables. */
export const PARTICIPANT_PROFESSIONS = [
  'physician',
  'nurse',
  'midwife',
  'psychologist',
  'social_worker',
  'legal_advisor',
  'police_officer',
  'labour_inspector',
  'public_servant',
  'ngo_staff',
  'teacher',
  'student',
  'other',
] as const;
export type ParticipantProfession = (typeof PARTICIPANT_PROFESSIONS)[number];

/** The health professions counted in "medical professionals trained" (domain.md §9). */
export const MEDICAL_PROFESSIONS: readonly ParticipantProfession[] = ['physician', 'nurse', 'midwife'];

export const INSTITUTION_TYPES = [
  'hospital',
  'primary_care',
  'emergency_service',
  'public_health_authority',
  'social_services',
  'child_protection',
  'police',
  'anti_trafficking_authority',
  'prosecution_or_court',
  'ngo',
  'international_organisation',
  'university',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Sex as reporting disaggregates it; "not said" is kept apart from a missing answer. */
export const SEXES = ['female', 'male', 'other', 'not_said'] as const;
export type Sex = (typeof SEXES)[number];

/** Countries a participant can come from (ISO 3166-1 alpha-2): the partners' two first, then the region's. */
export const PARTICIPANT_COUNTRIES = ['RO', 'NO', 'MD', 'BG', 'HU', 'UA', 'RS', 'DE', 'IT', 'ES', 'GB', 'SE', 'DK', 'FI', 'other'] as const;

/** Roles that may organise events in their organisation (create, edit, run registration and check-in). */
export const EVENT_ORGANISER_ROLES = ['trainer', 'coordinator', 'org_admin'] as const;
