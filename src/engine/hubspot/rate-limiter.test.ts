import { RollingWindowLimiter, type Clock } from './rate-limiter';

function fakeClock(): Clock & { time: number } {
  const clock = {
    time: 0,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
  };
  return clock;
}

describe('RollingWindowLimiter', () => {
  test('grants maxRequests at once, then waits until the oldest grant leaves the window', async () => {
    const clock = fakeClock();
    const limiter = new RollingWindowLimiter({ maxRequests: 190, windowMs: 10_000 }, clock);
    for (let i = 0; i < 190; i += 1) await limiter.acquire();
    expect(clock.time).toBe(0);
    await limiter.acquire();
    expect(clock.time).toBe(10_000);
  });

  test('never lets more than maxRequests into any rolling window', async () => {
    const clock = fakeClock();
    const limiter = new RollingWindowLimiter({ maxRequests: 5, windowMs: 1_000, safetyMarginMs: 10 }, clock);
    const grants: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      await limiter.acquire();
      grants.push(clock.time);
      clock.time += 37; // work between requests
    }
    for (let i = 5; i < grants.length; i += 1) {
      expect((grants[i] as number) - (grants[i - 5] as number)).toBeGreaterThanOrEqual(1_000);
    }
  });

  test('pauseUntil holds every request until the given time (Retry-After)', async () => {
    const clock = fakeClock();
    const limiter = new RollingWindowLimiter({ maxRequests: 100, windowMs: 10_000 }, clock);
    limiter.pauseUntil(2_500);
    await limiter.acquire();
    expect(clock.time).toBe(2_500);
  });

  test('widenMargin doubles the margin (from at least 100 ms, up to 1 s), once per window', async () => {
    const clock = fakeClock();
    const limiter = new RollingWindowLimiter({ maxRequests: 2, windowMs: 10_000, safetyMarginMs: 50 }, clock);
    const margins = [limiter.safetyMarginMs];
    for (let step = 0; step < 6; step += 1) {
      limiter.widenMargin();
      limiter.widenMargin(); // a second refusal of the same burst teaches nothing new
      margins.push(limiter.safetyMarginMs);
      clock.time += 10_000;
    }
    expect(margins).toEqual([50, 100, 200, 400, 800, 1_000, 1_000]);
  });

  test('a widened margin holds the next grant back by that much', async () => {
    const clock = fakeClock();
    const limiter = new RollingWindowLimiter({ maxRequests: 2, windowMs: 10_000, safetyMarginMs: 50 }, clock);
    await limiter.acquire();
    await limiter.acquire();
    limiter.widenMargin();
    await limiter.acquire();
    expect(clock.time).toBe(10_100);
  });

  test('rejects a nonsensical budget', () => {
    expect(() => new RollingWindowLimiter({ maxRequests: 0, windowMs: 10_000 })).toThrow(RangeError);
  });
});
