import { describe, expect, it } from 'vitest';
import { canReadBody } from './outbox.policy.ts';

describe('email bodies', () => {
  it('are readable only while no mail server delivers them', () => {
    expect(canReadBody(false)).toBe(true);
    expect(canReadBody(true)).toBe(false);
  });
});
