// The thesaurus form's own checks: how the textarea is split into terms, and what is refused before sending.
import { describe, expect, test } from 'vitest';
import type { SynonymGroup } from '#shared/search/thesaurus.schema.ts';
import { checkTerms, termsOf } from './thesaurus-rules.ts';

const group = (terms: string[]): SynonymGroup => ({ id: '00000000-0000-4000-8000-000000000000', language: 'ro', terms, version: 1 });

describe('thesaurus form rules', () => {
  test('one term per line (commas split too), lower case, spaces collapsed, each once, blank lines dropped', () => {
    expect(termsOf('Copil\n\n  copilul ,copii\nasistent   medical\ncopil')).toEqual(['copil', 'copilul', 'copii', 'asistent medical']);
  });

  test('refuses fewer than two or more than twenty terms, and a term over 60 characters', () => {
    expect(checkTerms(['copil'], [])).toEqual({ kind: 'tooFew' });
    expect(checkTerms(Array.from({ length: 21 }, (_, i) => `t${i}`), [])).toEqual({ kind: 'tooMany' });
    expect(checkTerms(['a'.repeat(61), 'b'], [])).toEqual({ kind: 'tooLong', terms: 'a'.repeat(61) });
    expect(checkTerms(['copil', 'prunc'], [])).toBeNull();
  });

  test('names the terms another group already holds, compared without diacritics', () => {
    expect(checkTerms(['copíl', 'prunc', 'victima'], [group(['copil', 'minor']), group(['victimă'])])).toEqual({ kind: 'taken', terms: 'copil, victimă' });
  });
});
