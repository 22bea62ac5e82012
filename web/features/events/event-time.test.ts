// Times typed and shown on the event's wall clock: a Bucharest 09:00 is 06:00 UTC in summer and 07:00 in winter, both
// ways, and the range reads in the event's zone whatever the reader's.
import { describe, expect, test } from 'vitest';
import { formatEventRange, fromLocalInput, toLocalInput } from './event-time.ts';

describe('event times', () => {
  test('wall-clock input converts to UTC with the offset in force on that day', () => {
    expect(fromLocalInput('2015-10-15T09:00', 'Europe/Bucharest')).toBe('2015-10-15T06:00:00.000Z');
    expect(fromLocalInput('2015-11-19T10:00', 'Europe/Bucharest')).toBe('2015-11-19T08:00:00.000Z');
    expect(fromLocalInput('2027-01-10T12:00', 'Europe/Oslo')).toBe('2027-01-10T11:00:00.000Z');
    expect(fromLocalInput('not a date', 'UTC')).toBeNull();
  });

  test('UTC converts back to the same wall clock', () => {
    expect(toLocalInput(new Date('2016-04-14T06:00:00Z'), 'Europe/Bucharest')).toBe('2016-04-14T09:00');
    expect(toLocalInput(new Date('2027-01-10T11:00:00Z'), 'Europe/Oslo')).toBe('2027-01-10T12:00');
  });

  test('a range names the day and the times in the event’s zone', () => {
    const text = formatEventRange(new Date('2015-10-15T06:00:00Z'), new Date('2015-10-15T14:00:00Z'), 'Europe/Bucharest', 'en');
    expect(text).toContain('15 October 2015');
    expect(text).toContain('09:00');
    expect(text).toContain('17:00');
  });
});
