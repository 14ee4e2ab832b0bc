import { areaUnderCurve } from './auc';

const p = (score: number) => ({ score, isPositive: true });
const n = (score: number) => ({ score, isPositive: false });

test.each([
  ['every positive above every negative', [p(3), p(2), n(1), n(0)], 1],
  ['every positive below every negative', [p(0), n(1)], 0],
  ['all tied', [p(1), p(1), n(1), n(1)], 0.5],
  ['one tie among four pairs', [p(2), p(1), n(1), n(0)], 0.875],
])('%s', (_label, points, expected) => {
  expect(areaUnderCurve(points)).toBeCloseTo(expected, 10);
});

test('is null without both classes: nothing to rank', () => {
  expect(areaUnderCurve([p(1), p(2)])).toBeNull();
  expect(areaUnderCurve([])).toBeNull();
});
