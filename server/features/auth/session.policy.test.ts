import { describe, expect, it } from 'vitest';
import { isSessionAlive, needsTouch, signInStepOf } from './session.policy.ts';

const T = new Date('2030-01-01T12:00:00Z');
const minutes = (n: number) => new Date(T.getTime() + n * 60_000);

describe('isSessionAlive', () => {
  it.each([
    ['fresh', { lastSeenAt: T, expiresAt: minutes(600) }, minutes(1), true],
    ['idle just under 30 min', { lastSeenAt: T, expiresAt: minutes(600) }, minutes(29.99), true],
    ['idle 30 min', { lastSeenAt: T, expiresAt: minutes(600) }, minutes(30), false],
    ['active but at absolute expiry', { lastSeenAt: minutes(599), expiresAt: minutes(600) }, minutes(600), false],
  ])('%s', (_name, session, now, alive) => {
    expect(isSessionAlive(session, now, 30)).toBe(alive);
  });
});

describe('needsTouch', () => {
  it('writes last_seen_at once a minute at most', () => {
    expect(needsTouch({ lastSeenAt: T, expiresAt: minutes(60) }, minutes(0.99))).toBe(false);
    expect(needsTouch({ lastSeenAt: T, expiresAt: minutes(60) }, minutes(1))).toBe(true);
  });
});

describe('signInStepOf', () => {
  it.each([
    [{ twoFactorEnabled: false, twoFactorRequired: false, secondFactorGiven: false }, 'done'],
    [{ twoFactorEnabled: true, twoFactorRequired: false, secondFactorGiven: false }, 'totp'],
    [{ twoFactorEnabled: true, twoFactorRequired: true, secondFactorGiven: false }, 'totp'],
    [{ twoFactorEnabled: false, twoFactorRequired: true, secondFactorGiven: false }, 'enrol_totp'],
    [{ twoFactorEnabled: true, twoFactorRequired: true, secondFactorGiven: true }, 'done'],
  ] as const)('%o → %s', (state, step) => {
    expect(signInStepOf(state)).toBe(step);
  });
});
