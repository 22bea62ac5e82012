import { describe, expect, it } from 'vitest';
import { fakeActor } from '#tests/factories.ts';
import { canVerifyChain } from './audit.policy.ts';

describe('chain verification', () => {
  it('is for platform admins only', () => {
    expect(canVerifyChain(fakeActor({ isPlatformAdmin: true }))).toBe(true);
    expect(canVerifyChain(fakeActor({}))).toBe(false);
  });
});
