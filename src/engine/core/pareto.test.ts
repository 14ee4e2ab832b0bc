import { computeParetoClasses, computeRevenueReference, paretoClassesOf } from './pareto';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

const entries = (revenues: number[]) =>
  revenues.map((wonRevenue, index) => ({ companyId: `c${index}`, wonRevenue }));
const thresholds = { a: 0.8, b: 0.95 };

describe('computeParetoClasses (methodology §1: about 20% of customers bring about 80%)', () => {
  test('A while the share before a company is under 80%, B under 95%, C after', () => {
    const result = computeParetoClasses(entries([500, 300, 100, 60, 30, 10]), thresholds);
    // cumulative shares before each: 0, .5, .8, .9, .96, .99
    expect(result.classes).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
    expect(result.summary).toEqual({
      basis: 'wonRevenueLast12Months',
      totalWonRevenue: 1000,
      thresholds,
      companies: { A: 2, B: 2, C: 2 },
      wonRevenue: { A: 800, B: 160, C: 40 },
      revenueShare: { A: 0.8, B: 0.16, C: 0.04 },
    });
  });

  // issue #16: a company at a boundary keeps its class while its share stays within 2 points of it
  test.each([
    [
      'A kept just past the A boundary',
      [500, 300, 105, 60, 25, 10],
      ['A', 'A', 'A', 'B', 'C', 'C'],
      ['A', 'A', 'A', 'B', 'C', 'C'],
    ],
    [
      'B kept just inside A',
      [500, 290, 110, 60, 30, 10],
      [null, null, 'B', null, null, null],
      ['A', 'A', 'B', 'B', 'C', 'C'],
    ],
    [
      'left once past the dead band',
      [500, 330, 80, 50, 30, 10],
      [null, null, 'A', null, null, null],
      ['A', 'A', 'B', 'B', 'C', 'C'],
    ],
    ['no revenue is always C', [500, 0], [null, 'A'], ['A', 'C']],
  ] as const)('%s', (_label, revenues, previous, expected) => {
    expect(paretoClassesOf(revenues, thresholds, previous).classes).toEqual(expected);
  });

  test('keeps the input order and does not depend on it', () => {
    expect(computeParetoClasses(entries([10, 500, 100, 300]), thresholds).classes).toEqual([
      'C',
      'A',
      'B',
      'A',
    ]);
  });

  test('a single dominant company is A on its own', () => {
    expect(computeParetoClasses(entries([990, 5, 5]), thresholds).classes).toEqual(['A', 'C', 'C']);
  });

  test('companies with equal revenue share a class', () => {
    expect(computeParetoClasses(entries([100, 100, 100, 100, 100]), thresholds).classes).toEqual([
      'A',
      'A',
      'A',
      'A',
      'A',
    ]);
  });

  test('companies without revenue are C, and an empty or revenue-less portfolio is all C', () => {
    expect(computeParetoClasses(entries([100, 0, -5, Number.NaN]), thresholds).classes).toEqual([
      'A',
      'C',
      'C',
      'C',
    ]);
    expect(computeParetoClasses(entries([0, 0]), thresholds).classes).toEqual(['C', 'C']);
    expect(computeParetoClasses([], thresholds).summary.totalWonRevenue).toBe(0);
  });
});

describe('computeRevenueReference', () => {
  const scales = DEFAULT_SCORING_MODEL.scales;

  test('is the 90th percentile (nearest rank) of the revenues above zero', () => {
    const revenues = [0, 0, ...Array.from({ length: 10 }, (_, index) => (index + 1) * 100)];
    expect(computeRevenueReference(revenues, scales)).toBe(900);
  });

  test('falls back to the model when nobody has revenue', () => {
    expect(computeRevenueReference([0, 0], scales)).toBe(scales.revenueReferenceFallback);
  });
});
