import { DailyQuota, RollingWindow, TokenLimits, rateLimitBody } from './rate-limiter';

describe('RollingWindow', () => {
  test('admits up to max in any window and frees slots as the oldest age out', () => {
    const window = new RollingWindow(3, 10_000);
    expect([0, 1_000, 2_000].map((at) => window.tryTake(at))).toEqual([true, true, true]);
    expect(window.tryTake(9_999)).toBe(false);
    expect(window.remaining(9_999)).toBe(0);
    expect(window.tryTake(10_000)).toBe(true);
    expect(window.remaining(10_000)).toBe(0);
    expect(window.remaining(12_001)).toBe(2);
  });

  test('stays correct over many requests (the queue compacts)', () => {
    const window = new RollingWindow(190, 10_000);
    let admitted = 0;
    for (let at = 0; at < 100_000; at += 10) if (window.tryTake(at)) admitted++;
    // 190 per 10 s over 100 s.
    expect(admitted).toBe(1_900);
  });
});

describe('DailyQuota', () => {
  test('resets at 00:00 UTC', () => {
    const quota = new DailyQuota(2);
    const day = Date.parse('2026-03-01T23:00:00Z');
    expect([quota.tryTake(day), quota.tryTake(day), quota.tryTake(day)]).toEqual([true, true, false]);
    expect(quota.tryTake(Date.parse('2026-03-02T00:00:00Z'))).toBe(true);
  });
});

describe('TokenLimits', () => {
  test('the search limit refuses without using the ten-second window', () => {
    const limits = new TokenLimits({ perTenSeconds: 10, daily: 100 }, 1);
    expect(limits.admit(0, true)).toBeNull();
    expect(limits.admit(1, true)).toBe('SECONDLY');
    expect(limits.tenSecondly.remaining(1)).toBe(9);
    expect(limits.admit(1, false)).toBeNull();
  });

  test('429 bodies name the policy with the messages HubSpot sends', () => {
    expect(rateLimitBody('SECONDLY')).toMatchObject({
      status: 'error',
      category: 'RATE_LIMITS',
      policyName: 'SECONDLY',
      message: 'You have reached your secondly limit.',
    });
    expect(rateLimitBody('DAILY').message).toBe('You have reached your daily limit.');
  });
});
