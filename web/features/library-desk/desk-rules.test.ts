// The desk's predicates: four eyes on publishing, and which texts count as one's own.
import { describe, expect, test } from 'vitest';
import { isMyDraft, isOwnText, whyNotPublish } from './desk-rules.ts';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const edit = (author: string | null, submittedBy: string | null) => ({ current: { authorAccountId: author }, submittedBy });

describe('whyNotPublish', () => {
  test.each([
    ['wrote it', edit(ME, OTHER), 'wrote'],
    ['wrote and submitted it', edit(ME, ME), 'wrote'],
    ['submitted someone else’s text', edit(OTHER, ME), 'submitted'],
    ['someone else wrote and submitted it', edit(OTHER, OTHER), null],
    ['imported text (no author)', edit(null, OTHER), null],
  ])('%s', (_name, text, expected) => {
    expect(whyNotPublish(text, ME)).toBe(expected);
  });
});

describe('isOwnText and isMyDraft', () => {
  test.each([
    [{ authorAccountId: ME, submittedBy: null }, true, true],
    [{ authorAccountId: OTHER, submittedBy: ME }, true, false],
    [{ authorAccountId: OTHER, submittedBy: OTHER }, false, false],
    [{ authorAccountId: null, submittedBy: null }, false, false],
    [{}, false, true],
  ])('%j → own %s, my draft %s', (text, own, draft) => {
    expect(isOwnText(text, ME)).toBe(own);
    expect(isMyDraft(text, ME)).toBe(draft);
  });
});
