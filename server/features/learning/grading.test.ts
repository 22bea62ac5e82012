// Scoring of each question kind (all or nothing), grading by highest or last attempt, and the gain formulas.
import { describe, expect, test } from 'vitest';
import { gainOf, gradeAttempt, gradeOf, isCorrect, type QuestionRow } from './grading.ts';

const single: QuestionRow = { key: 'q1', kind: 'single', options: ['a', 'b', 'c'], correct: ['b'], points: 1 };
const multiple: QuestionRow = { key: 'q2', kind: 'multiple', options: ['a', 'b', 'c', 'd'], correct: ['a', 'c'], points: 2 };
const trueFalse: QuestionRow = { key: 'q3', kind: 'true_false', options: [], correct: false, points: 1 };
const matching: QuestionRow = { key: 'q4', kind: 'matching', options: { left: ['l1', 'l2', 'l3'], right: ['r1', 'r2', 'r3'] }, correct: { l1: 'r2', l2: 'r1', l3: 'r3' }, points: 3 };

describe('scoring', () => {
  test('single choice: only the correct option', () => {
    expect(isCorrect(single, 'b')).toBe(true);
    expect(isCorrect(single, 'a')).toBe(false);
    expect(isCorrect(single, ['b'])).toBe(false);
    expect(isCorrect(single, undefined)).toBe(false);
  });

  test('multiple choice: all or nothing, in any order', () => {
    expect(isCorrect(multiple, ['c', 'a'])).toBe(true);
    expect(isCorrect(multiple, ['a'])).toBe(false);
    expect(isCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
    expect(isCorrect(multiple, ['a', 'b', 'c', 'd'])).toBe(false);
    expect(isCorrect(multiple, ['a', 'a'])).toBe(false);
  });

  test('true/false: the boolean, not a string', () => {
    expect(isCorrect(trueFalse, false)).toBe(true);
    expect(isCorrect(trueFalse, true)).toBe(false);
    expect(isCorrect(trueFalse, 'false')).toBe(false);
  });

  test('matching: every pair right, none missing', () => {
    expect(isCorrect(matching, { l1: 'r2', l2: 'r1', l3: 'r3' })).toBe(true);
    expect(isCorrect(matching, { l1: 'r2', l2: 'r1' })).toBe(false);
    expect(isCorrect(matching, { l1: 'r2', l2: 'r3', l3: 'r1' })).toBe(false);
    expect(isCorrect(matching, { l1: 'r2', l2: 'r1', l3: 'r3', lx: 'r1' })).toBe(false);
  });

  test('an attempt adds the points of right answers; unanswered earns 0; percent has one decimal', () => {
    const g = gradeAttempt([single, multiple, trueFalse, matching], { q1: 'b', q2: ['a'], q3: false });
    expect(g).toEqual({ score: 2, maxScore: 7, percent: 28.6, earned: { q1: 1, q2: 0, q3: 1, q4: 0 } });
  });
});

describe('grading', () => {
  const attempts = [
    { number: 1, percent: 80 },
    { number: 3, percent: 40 },
    { number: 2, percent: 60 },
  ];
  test('highest takes the best attempt, last the latest by number', () => {
    expect(gradeOf(attempts, 'highest')).toBe(80);
    expect(gradeOf(attempts, 'last')).toBe(40);
    expect(gradeOf([], 'highest')).toBeNull();
  });

  test('raw gain in points; normalised gain skips a perfect pre-test', () => {
    expect(gainOf(40, 70)).toEqual({ rawGain: 30, normalisedGain: 0.5 });
    expect(gainOf(80, 60)).toEqual({ rawGain: -20, normalisedGain: -1 });
    expect(gainOf(100, 100)).toEqual({ rawGain: 0, normalisedGain: null });
    expect(gainOf(null, 70)).toEqual({ rawGain: null, normalisedGain: null });
  });
});
