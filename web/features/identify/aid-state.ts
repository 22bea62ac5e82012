// What the clinician has answered in the identification aid, and what it adds up to. NOTE: kept in this module's
// memory only (never localStorage, the URL or a request), so it survives going to sign-in and back inside the app but
// not a reload; "Start again" and signing out forget it.
import { AID_STEPS, type AidFlag, type AidStepId } from '#shared/identify/aid-content.ts';
import type { Country } from '#shared/directory/regions.ts';
import type { ServiceCategory } from '#shared/directory/taxonomy.ts';

export interface AidState {
  country: Country;
  /** `<step>.<block>` → the chosen answer id. */
  answers: Record<string, string>;
  /** `<step>.<block>.<item>` of every ticked box. */
  ticked: string[];
  step: AidStepId;
  /** Needs ticked on the outcome (each one directory search); proposed once from the answers (needsChosen). */
  needs: ServiceCategory[];
  needsChosen: boolean;
  /** A county code to narrow the search, or ''. */
  region: string;
}

let kept: AidState | null = null;

export function keptState(): AidState | null {
  return kept;
}

export function keepState(state: AidState | null): void {
  kept = state;
}

export function freshState(country: Country): AidState {
  return { country, answers: {}, ticked: [], step: 'start', needs: [], needsChosen: false, region: '' };
}

export const answerOf = (state: AidState, step: AidStepId, block: string): string | undefined => state.answers[`${step}.${block}`];

export const isTicked = (state: AidState, key: string): boolean => state.ticked.includes(key);

/** The flags the content's `when` conditions test (shared/identify/aid-content.ts). */
export function flagsOf(state: AidState): Set<AidFlag> {
  const flags = new Set<AidFlag>([state.country]);
  if (state.ticked.some((key) => key.startsWith('danger.immediate.'))) flags.add('danger');
  const age = answerOf(state, 'child', 'age');
  flags.add(age === 'under-18' || age === 'unsure' ? 'child' : 'adult');
  if (flags.has('adult')) flags.add(answerOf(state, 'choice', 'wish') === 'wants-help' ? 'wantsHelp' : 'notNow');
  if (answerOf(state, 'privacy', 'alone') === 'no') flags.add('notAlone');
  if (answerOf(state, 'privacy', 'safe-to-ask') === 'no') flags.add('notSafeToAsk');
  if (answerOf(state, 'privacy', 'language') === 'yes') flags.add('interpreter');
  return flags;
}

/** What the answers suggest the patient needs, ticked in advance on the outcome (the clinician changes them freely). */
export function likelyNeeds(state: AidState, flags: ReadonlySet<AidFlag>): ServiceCategory[] {
  const needs: ServiceCategory[] = [];
  if (flags.has('child')) needs.push('child-protection');
  if (flags.has('danger')) needs.push('emergency');
  if (isTicked(state, 'danger.later-risk.no-safe-place')) needs.push('shelter');
  if (flags.has('interpreter')) needs.push('interpretation');
  if (needs.length === 0) needs.push('social');
  return needs;
}

/**
 * The age the directory search filters by: the patient's exact age is never asked. NOTE: what matters to the filter is
 * the line at 18 (child-only or adult-only services), so a child or possible child searches as 17 and an adult as 18.
 */
export function searchAge(flags: ReadonlySet<AidFlag>): number {
  return flags.has('child') ? 17 : 18;
}

/** The steps this patient's path goes through: a child's skips the adult's choice (no consent is needed to protect). */
export function stepsFor(flags: ReadonlySet<AidFlag>): AidStepId[] {
  return AID_STEPS.filter((step) => step !== 'choice' || !flags.has('child'));
}
