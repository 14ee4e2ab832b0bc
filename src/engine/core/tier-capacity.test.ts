import { placesFor, rankFor, tierLinesOf, tierWithinLines, type CapacityEntry } from './tier-capacity';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

const tiers = {
  ...DEFAULT_SCORING_MODEL.tiers,
  capacity: { key: { maxCount: 2, maxShare: 1 }, important: { maxCount: 3, maxShare: 1 } },
};

const entry = (companyId: string, score: number, overrides: Partial<CapacityEntry> = {}): CapacityEntry => ({
  companyId,
  score,
  previousTier: null,
  thresholdTier: score >= tiers.key ? 'key' : score >= tiers.important ? 'important' : 'regular',
  pinnedTier: null,
  ...overrides,
});

const tiersOf = (entries: CapacityEntry[]) => {
  const result = tierLinesOf(entries, tiers);
  const lines = { key: result.key.line, important: result.important.line };
  return Object.fromEntries(entries.map((e) => [e.companyId, tierWithinLines(e, lines, tiers.hysteresis)]));
};

describe('places of a tier', () => {
  // the defaults: 40 places or 15% of the companies scored, whichever is fewer (rounded up)
  test.each([
    [1, 1],
    [7, 2],
    [85, 13],
    [120, 18],
    [400, 40],
    [809, 40],
    [100_000, 40],
  ])('%i companies give %i key places', (companies, places) => {
    expect(placesFor(DEFAULT_SCORING_MODEL.tiers.capacity.key, companies)).toBe(places);
  });
});

describe('who takes a place', () => {
  test('the best scores take the places; the rest step down a tier', () => {
    expect(tiersOf([entry('1', 90), entry('2', 80), entry('3', 75), entry('4', 50)])).toEqual({
      '1': 'key',
      '2': 'key',
      '3': 'important',
      '4': 'important',
    });
  });

  test('an incumbent keeps its place against a newcomer less than the margin ahead', () => {
    const incumbent = entry('9', 74, { previousTier: 'key' });
    expect(tiersOf([entry('1', 90), incumbent, entry('2', 78)])).toMatchObject({
      '9': 'key',
      '2': 'important',
    });
    expect(tiersOf([entry('1', 90), incumbent, entry('2', 80)])).toMatchObject({
      '9': 'important',
      '2': 'key',
    });
  });

  test('equal ranks go to the smaller HubSpot id, whatever the input order', () => {
    const forward = tiersOf([entry('10', 80), entry('9', 80), entry('100', 80)]);
    const backward = tiersOf([entry('100', 80), entry('9', 80), entry('10', 80)]);
    expect(forward).toEqual({ '9': 'key', '10': 'key', '100': 'important' });
    expect(backward).toEqual(forward);
  });

  test('a pinned key account takes a place first', () => {
    const result = tierLinesOf(
      [entry('1', 20, { pinnedTier: 'key' }), entry('2', 90), entry('3', 85)],
      tiers,
    );
    expect(result.key).toEqual({ places: 2, used: 2, leftOut: 1, line: { rank: 85, companyId: '3' } });
  });

  test('the line is the best company left out, ranked with its incumbency margin', () => {
    const result = tierLinesOf(
      [entry('1', 90), entry('2', 88), entry('3', 72, { previousTier: 'key' }), entry('4', 76)],
      tiers,
    );
    // 72 + the 5-point margin outranks the newcomer's 76
    expect(result.key.line).toEqual({ rank: rankFor('key', 72, 'key', tiers.hysteresis), companyId: '3' });
    expect(result.key.leftOut).toBe(2);
  });

  test('every eligible company fits: no line', () => {
    expect(tierLinesOf([entry('1', 90), entry('2', 30)], tiers).key).toEqual({
      places: 2,
      used: 1,
      leftOut: 0,
      line: null,
    });
  });
});
