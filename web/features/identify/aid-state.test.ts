// The aid's flags and path: what the answers add up to decides which advice shows and which steps are walked.
import { describe, expect, test } from 'vitest';
import { flagsOf, freshState, stepsFor, type AidState } from './aid-state.ts';

const state = (patch: Partial<AidState>): AidState => ({ ...freshState('NO'), ...patch });

describe('identification aid flags', () => {
  test('an adult with nothing ticked: no danger, not wanting a referral yet, the country', () => {
    expect([...flagsOf(state({}))].sort()).toEqual(['NO', 'adult', 'notNow']);
  });

  test('any immediate danger sign is danger; a later risk is not', () => {
    expect(flagsOf(state({ ticked: ['danger.immediate.here-now'] })).has('danger')).toBe(true);
    expect(flagsOf(state({ ticked: ['danger.later-risk.no-safe-place'] })).has('danger')).toBe(false);
  });

  test('under 18 or perhaps under 18 takes the child path, which skips the adult choice', () => {
    for (const age of ['under-18', 'unsure']) {
      const flags = flagsOf(state({ answers: { 'child.age': age, 'choice.wish': 'wants-help' } }));
      expect(flags.has('child')).toBe(true);
      expect(flags.has('wantsHelp')).toBe(false);
      expect(stepsFor(flags)).not.toContain('choice');
    }
    const adult = flagsOf(state({ answers: { 'child.age': 'adult', 'choice.wish': 'wants-help' } }));
    expect(adult.has('wantsHelp')).toBe(true);
    expect(stepsFor(adult)).toContain('choice');
  });

  test('privacy answers', () => {
    const flags = flagsOf(state({ country: 'RO', answers: { 'privacy.alone': 'no', 'privacy.safe-to-ask': 'no', 'privacy.language': 'yes' } }));
    expect([...flags].sort()).toEqual(['RO', 'adult', 'interpreter', 'notAlone', 'notNow', 'notSafeToAsk']);
  });
});
