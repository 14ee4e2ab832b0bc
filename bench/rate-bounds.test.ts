import { dependentBound, minimalSyncCalls, rateBound, type SyncCalls } from './rate-bounds';

const HUBSPOT = { maxCalls: 190, windowMs: 10_000, latencyMs: 100 };

describe('rateBound', () => {
  test.each([
    { calls: 1, seconds: 0.1 },
    { calls: 190, seconds: 0.1 },
    { calls: 191, seconds: 10.1 },
    { calls: 266, seconds: 10.1 },
    { calls: 2619, seconds: 130.1 },
  ])('$calls calls: $seconds s', ({ calls, seconds }) => {
    expect(rateBound(calls, HUBSPOT)).toBeCloseTo(seconds, 9);
  });
});

describe('minimalSyncCalls', () => {
  test('one association read per type per 1,000 companies, record reads spread by companies', () => {
    const calls = minimalSyncCalls({ companies: 2500, associatedTypes: 4, recordReads: 250, writes: 25 });
    expect(calls.chunks).toEqual([
      { pages: 10, associationReads: 4, recordReads: 100 },
      { pages: 10, associationReads: 4, recordReads: 100 },
      { pages: 5, associationReads: 4, recordReads: 50 },
    ]);
    expect(calls.writes).toBe(25);
  });
});

describe('dependentBound', () => {
  const chain = (chunks: SyncCalls['chunks'], writes: number): SyncCalls => ({ chunks, writes });

  test('without the window, the time is the chain of round trips', () => {
    // 3 pages one after another, then associations, records and writes: 6 round trips
    const calls = chain([{ pages: 3, associationReads: 4, recordReads: 20 }], 2);
    expect(dependentBound(calls, HUBSPOT)).toBeCloseTo(0.6, 9);
  });

  test('a later chunk is listed while an earlier one is read', () => {
    // chunk 0: 1 page (answered 0.1), associations (0.2), records (0.3); chunk 1: pages answered
    // 0.2 and 0.3, associations 0.4, records 0.5; writes 0.6
    const calls = chain(
      [
        { pages: 1, associationReads: 1, recordReads: 5 },
        { pages: 2, associationReads: 1, recordReads: 5 },
      ],
      1,
    );
    expect(dependentBound(calls, HUBSPOT)).toBeCloseTo(0.6, 9);
  });

  test('calls past the window wait for the first ones to age out, in the order those went', () => {
    // 10 pages (sent 0.0 … 0.9), 4 associations (1.0), 200 records from 1.1: the 190th call is
    // record 176 at 1.1; records 177–200 (calls 191–214) wait for calls 1–24 to leave, the last
    // at 11.1 (answered 11.2); the writes then go at once, as calls 25–26 left at 11.1: done 11.3
    const calls = chain([{ pages: 10, associationReads: 4, recordReads: 200 }], 2);
    expect(dependentBound(calls, HUBSPOT)).toBeCloseTo(11.3, 9);
    expect(rateBound(216, HUBSPOT)).toBeCloseTo(10.1, 9);
  });

  test('never below the window-only bound, for any split of the same calls', () => {
    for (const companies of [100, 1000, 4321, 10_000]) {
      const recordReads = Math.ceil(companies * 0.24);
      const writes = Math.ceil(companies / 100);
      const calls = minimalSyncCalls({ companies, associatedTypes: 4, recordReads, writes });
      const total = Math.ceil(companies / 100) + 4 * calls.chunks.length + recordReads + writes;
      expect(dependentBound(calls, HUBSPOT)).toBeGreaterThanOrEqual(rateBound(total, HUBSPOT));
    }
  });
});
