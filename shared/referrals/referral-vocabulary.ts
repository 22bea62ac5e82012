// The words of a referral's minimum dataset and of its outcome, as codes; the interface names them per language.
import { z } from 'zod';

/** Age as a band, never a birth date: the bands split at 18 (child protection) and stay wide enough not to identify. */
export const AGE_BANDS = ['0-13', '14-17', '18-24', '25-34', '35-49', '50-64', '65+', 'unknown'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);
export type AgeBand = (typeof AGE_BANDS)[number];
export function isChildBand(band: AgeBand): boolean {
  return band === '0-13' || band === '14-17';
}

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const SexSchema = z.enum(SEXES);

export const URGENCIES = ['routine', 'urgent'] as const;
export const UrgencySchema = z.enum(URGENCIES);

/** What a consent allows: care by the receiver, and the coordination needed to give it. */
export const CONSENT_PURPOSES = ['assistance', 'medical-care', 'coordination', 'follow-up'] as const;
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);

/** The sender's plain view of how it ended (shown beside the FHIR status). */
export const OUTCOMES = ['got_help', 'not_contacted', 'not_eligible', 'no_capacity', 'declined', 'referred_elsewhere'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = (typeof OUTCOMES)[number];

export const API_SCOPES = ['referrals:read', 'referrals:write'] as const;
export const ApiScopeSchema = z.enum(API_SCOPES);

/** Referral prefill handed from the identification aid to the referral form in memory (router state), never a URL. */
export interface ReferralPrefill {
  serviceId?: string;
  ageBand?: AgeBand;
  sex?: (typeof SEXES)[number];
  languages?: string[];
  needs?: string[];
  urgency?: (typeof URGENCIES)[number];
}
