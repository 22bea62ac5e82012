// The words of a case file as codes: HTCDS v2.0 code lists (value names exactly as in the IOM spreadsheet,
// ../shared/docs/domain.md §4.2), the minimal medical-assistance record (§6) and our own lists. The interface names
// each code per language (web/locales/*/cases.json); the server and the database hold only codes.
import { z } from 'zod';

/** What a grant is for: each category is read and written only by team members holding it. */
export const CASE_CATEGORIES = ['general', 'identity', 'health', 'psychological', 'legal', 'social'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CaseCategorySchema = z.enum(CASE_CATEGORIES);

/** HTCDS cas_Status. */
export const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const CLOSED_STATUSES: readonly CaseStatus[] = ['Closed', 'ClosedReferred'];

/** Why a case closed (HTCDS keeps it as long text; we keep a code plus the text, so reports can count). */
export const CLOSURE_REASONS = ['goals_reached', 'person_ended_contact', 'lost_contact', 'referred_on', 'moved_away', 'not_a_victim', 'deceased', 'other'] as const;
export const ClosureReasonSchema = z.enum(CLOSURE_REASONS);

/** HTCDS vic_TraffickingStatus and vic_TraffickingStatusDecisionMakingOrg. */
export const TRAFFICKING_STATUSES = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;
export const TraffickingStatusSchema = z.enum(TRAFFICKING_STATUSES);
export const STATUS_DECIDERS = ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'] as const;
export const StatusDeciderSchema = z.enum(STATUS_DECIDERS);

/** HTCDS prs_Gender (v2.0). */
export const GENDERS = ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'] as const;
export const GenderSchema = z.enum(GENDERS);

/**
 * CTDC ageBroad bands (domain.md §5): the age when assisted, never a birth date outside the identity vault. Two of
 * our own for what a referral's wider bands tell: under 18 or adult, band not yet known (CTDC exports count them as
 * unknown).
 */
export const CASE_AGE_BANDS = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+', 'minor_unknown', 'adult_unknown', 'unknown'] as const;
export const CaseAgeBandSchema = z.enum(CASE_AGE_BANDS);
export type CaseAgeBand = (typeof CASE_AGE_BANDS)[number];
/** Under 18, or age not known at all (possibly a child): the child path applies (domain.md §7.2, children path). */
export function needsChildPath(band: CaseAgeBand): boolean {
  return band === '0-8' || band === '9-17' || band === 'minor_unknown' || band === 'unknown';
}
/** A referral's age band (shared/referrals/referral-vocabulary.ts) as the case's band. */
export function caseBandOfReferralBand(band: string): CaseAgeBand {
  if (band === '14-17') return '9-17';
  if (band === '0-13') return 'minor_unknown';
  return band === 'unknown' ? 'unknown' : 'adult_unknown';
}

/** HTCDS victim-context multi-select lists (domain.md §4.2). */
export const VICTIM_CONTEXT_LISTS = {
  typeOfExploitation: ['ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedMarriage', 'Servitude', 'ForcedMilitaryByNonStateActors', 'OrganRemoval', 'ForcedBegging', 'ForcedAdoption', 'Surrogacy', 'Other'],
  typeOfSexExploitation: ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'],
  forcedLabourIndustry: [
    'A_AgricultureForestryAndFishing',
    'B_MiningAndQuarrying',
    'C_Manufacturing',
    'D_ElectricityGasSteamAndAirConditioningSupply',
    'E_WaterSupplySewerageWasteManagement',
    'F_Construction',
    'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
    'H_TransportationAndStorage',
    'I_AccommodationAndFoodServiceActivities',
    'J_InformationAndCommunication',
    'K_FinancialAndInsuranceActivities',
    'L_RealEstateActivities',
    'M_ProfessionalScientificAndTechnicalActivities',
    'N_AdministrativeAndSupportServiceActivities',
    'O_PublicAdministrationAndDefence',
    'P_Education',
    'Q_HumanHealthAndSocialWorkActivities',
    'R_ArtsEntertainmentAndRecreation',
    'S_OtherServiceActivities',
    'T_ActivitiesOfHouseholdsAsEmployers',
    'U_ActivitiesOfExtraterritorialOrganizations',
  ],
  methodsOfControl: [
    'PhysicalThreats',
    'ThreatsLawEnforcement',
    'ThreatensChildrenFamily',
    'DebtBondage',
    'FalsePromises',
    'PhysicalAbuse',
    'SexualAbuse',
    'TakesEarnings',
    'RestrictsFinancialAccess',
    'RestrictsMedicalCare',
    'WithholdsNecessities',
    'PsychologicalAbuse',
    'PsychoactiveSubstance',
    'ExcessiveWorkingHours',
    'WithholdsDocuments',
    'RestrictsMovement',
    'UsesChildren',
    'Other',
  ],
  methodOfRecruitment: [
    'AtAPlaceOfBusiness',
    'AtAnEducationalInstitution',
    'AtWork',
    'ThroughOnlineSocialNetworks',
    'ThroughAnOnlineAdvertisement',
    'ThroughATelevisionAdvert',
    'ThroughANewspaperAdvert',
    'ThroughFamilyOrFamilyEvents',
    'ThroughFriendsOrSocialEvents',
    'Other',
  ],
  recruitmentWebsitesAndApps: ['Facebook', 'Instagram', 'WhatsApp', 'Telegram', 'FacebookMessenger', 'Viber', 'SnapChat', 'Line', '4Sale', 'WeChat', 'QQ', 'QZone', 'TikTok', 'Twitter', 'Other'],
} as const;
export type VictimContextList = keyof typeof VICTIM_CONTEXT_LISTS;

/** HTCDS vic_RelationshipToTrafficker ("Unaquainted" is spelled so in the standard). */
export const RELATIONSHIPS_TO_TRAFFICKER = ['Familial', 'Acquainted', 'Unaquainted'] as const;
/** HTCDS hte_Type. */
export const HISTORIC_EVENT_TYPES = ['Recruitment', 'Transit', 'Exploitation'] as const;

/**
 * An answer that may be missing for two different reasons: "not asked" is not "declined to answer", and neither is
 * "no" (domain.md §6, missingness). Multi-select fields hold either a list of codes or one of these two words.
 */
export const NOT_ANSWERED = ['not_asked', 'declined'] as const;
export type NotAnswered = (typeof NOT_ANSWERED)[number];

export function answerSchema<T extends readonly [string, ...string[]]>(codes: T) {
  return z.union([z.object({ answer: z.literal('given'), values: z.array(z.enum(codes)).max(codes.length) }).strict(), z.object({ answer: z.enum(NOT_ANSWERED) }).strict()]);
}

/** Assistance types (Directive 2011/36/EU art. 11 and the list) and the data category each belongs to. */
export const ASSISTANCE_TYPES = ['medical_counselling', 'medical_assistance', 'psychological', 'social', 'legal', 'accompaniment', 'interpretation', 'shelter'] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];
export const AssistanceTypeSchema = z.enum(ASSISTANCE_TYPES);
export const ASSISTANCE_CATEGORY: Record<AssistanceType, CaseCategory> = {
  medical_counselling: 'health',
  medical_assistance: 'health',
  psychological: 'psychological',
  social: 'social',
  legal: 'legal',
  accompaniment: 'social',
  interpretation: 'social',
  shelter: 'social',
};

/** Each assistance is tracked as offered, accepted, declined or delivered, not only delivered (domain.md §2.5). */
export const ASSISTANCE_STATES = ['offered', 'accepted', 'declined', 'delivered'] as const;
export const AssistanceStateSchema = z.enum(ASSISTANCE_STATES);

/** The minimal medical-assistance record (domain.md §6). */
export const MEDICAL_SERVICE_CATEGORIES = [
  'first_consult',
  'emergency_care',
  'sexual_reproductive_health',
  'mental_health_counselling',
  'psychiatric_referral',
  'medication',
  'dental',
  'lab_imaging',
  'specialist_referral',
  'accompaniment',
  'interpretation',
  'health_information',
] as const;
export const DELIVERY_MODES = ['in_person', 'phone', 'online'] as const;
export const ASSISTANCE_OUTCOMES = ['provided', 'partly_provided', 'declined', 'referred_on', 'did_not_attend'] as const;

/** HTCDS spl_Type. */
export const PLAN_TYPES = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;
export const PLAN_STATUSES = ['draft', 'pending_approval', 'active', 'completed', 'discontinued'] as const;

/** HTCDS assessment sections (individual, household, community), each rated; repeated over time to show change. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'not_assessed'] as const;
export const RISK_AREAS = ['individual', 'household', 'community'] as const;

/** What a consent record may allow (the scopes). `share` names one organisation. */
export const CONSENT_SCOPES = ['services', 'share', 'statistics', 'research'] as const;
export const ConsentScopeSchema = z.enum(CONSENT_SCOPES);
/** HTCDS con_Consent guidance items (domain.md §4.3), each recorded on its own. */
export const CONSENT_GUIDANCE_ITEMS = ['interview', 'purpose', 'data_use', 'research_use', 'access_right', 'retention', 'withdrawal'] as const;
export const CASE_CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;

/** Safe-contact channels (domain.md §7.2). */
export const CONTACT_CHANNELS = ['phone_call', 'sms', 'messaging_app', 'email', 'post', 'in_person', 'through_other'] as const;

/** What a team member is given by default when added, by the role they hold (domain.md §1, platform roles). */
export const DEFAULT_GRANTS: Record<string, readonly CaseCategory[]> = {
  case_manager: ['general', 'identity', 'health', 'psychological', 'legal', 'social'],
  coordinator: ['general'],
  medical_professional: ['general', 'health'],
  psychologist: ['general', 'psychological'],
  social_worker: ['general', 'social'],
  legal_advisor: ['general', 'legal'],
};

/** How long a coordinator's break-glass access lasts. */
export const BREAK_GLASS_HOURS = 4;

/** Approvals a case may wait for, when the organisation's settings ask for them. */
export const APPROVAL_KINDS = ['closure', 'plan'] as const;
