import { SCORE_HISTORY_MAX_POINTS, scoreHistoryOf } from './score-history';

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();
const entry = (value: string | null, day: number) => ({ value, timestamp: at(day) });

describe('scoreHistoryOf', () => {
  test.each([
    ['no history at all', {}],
    ['empty lists', { kam_score: [], kam_tier: [] }],
    ['only tier history', { kam_tier: [entry('key', 1)] }],
  ])('%s gives no points', (_label, history) => {
    expect(scoreHistoryOf(history)).toEqual({ points: [], truncated: false });
  });

  test('one score with its tier gives one point', () => {
    expect(scoreHistoryOf({ kam_score: [entry('72.4', 3)], kam_tier: [entry('key', 3)] })).toEqual({
      points: [{ at: at(3), score: 72.4, tier: 'key' }],
      truncated: false,
    });
  });

  test('many points come oldest first, each with the tier in force at that moment', () => {
    const history = {
      // newest first, as HubSpot answers
      kam_score: [entry('81', 20), entry('66', 15), entry('58', 10), entry('40', 5)],
      kam_tier: [entry('key', 20), entry('important', 10), entry('regular', 5)],
    };
    expect(scoreHistoryOf(history).points).toEqual([
      { at: at(5), score: 40, tier: 'regular' },
      { at: at(10), score: 58, tier: 'important' },
      { at: at(15), score: 66, tier: 'important' },
      { at: at(20), score: 81, tier: 'key' },
    ]);
  });

  test('a score older than any tier has no tier', () => {
    expect(
      scoreHistoryOf({ kam_score: [entry('50', 2), entry('30', 1)], kam_tier: [entry('regular', 2)] }).points,
    ).toEqual([
      { at: at(1), score: 30, tier: null },
      { at: at(2), score: 50, tier: 'regular' },
    ]);
  });

  test.each([
    ['an empty value', ''],
    ['a cleared value', null],
    ['text', 'high'],
    ['a score above 100', '140'],
    ['a negative score', '-3'],
    ['not a number', 'NaN'],
  ])('skips %s', (_label, value) => {
    expect(scoreHistoryOf({ kam_score: [entry(value, 2), entry('55', 1)] }).points).toEqual([
      { at: at(1), score: 55, tier: null },
    ]);
  });

  test('skips an unknown tier and an unreadable timestamp, keeping the tier before them', () => {
    const history = {
      kam_score: [entry('60', 4), { value: '99', timestamp: 'yesterday' }],
      kam_tier: [entry('platinum', 3), { value: 'key', timestamp: 'not a date' }, entry('regular', 1)],
    };
    expect(scoreHistoryOf(history)).toEqual({
      points: [{ at: at(4), score: 60, tier: 'regular' }],
      truncated: false,
    });
  });

  test('keeps the newest points and says when older ones were cut', () => {
    const count = SCORE_HISTORY_MAX_POINTS + 6;
    const kam_score = Array.from({ length: count }, (_, index) => entry(String(index), index + 1));
    const result = scoreHistoryOf({ kam_score });
    expect(result.truncated).toBe(true);
    expect(result.points).toHaveLength(SCORE_HISTORY_MAX_POINTS);
    expect(result.points[0]?.score).toBe(6);
    expect(result.points.at(-1)?.score).toBe(count - 1);
    expect(scoreHistoryOf({ kam_score }, count)).toMatchObject({ truncated: false });
  });
});
