import { generatePortfolio } from '../../../emulator/generator';
import type { CompanyRecord } from '../core';
import { ATTRACTIVENESS_FACTORS } from '../core/enums';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';
import { rollingAsOfDates } from './calibrate';
import { proposeAttractivenessWeights, spearmanOf } from './propose-factor-weights';

const NOW = new Date('2026-06-30T00:00:00.000Z');
const companies = generatePortfolio({ companies: 400, seed: 42, now: NOW }).snapshot
  .companies as unknown as CompanyRecord[];
const dates = rollingAsOfDates(companies, NOW, 12, 3);
const run = () =>
  proposeAttractivenessWeights({
    companies,
    asOfDates: dates,
    horizonMonths: 12,
    model: DEFAULT_SCORING_MODEL,
  });

describe('proposed attractiveness weights (kam calibrate)', () => {
  const { proposal, weights } = run();

  test('every factor gets a non-negative weight, and the judged factors share the weight they had', () => {
    const judged = proposal.factors.filter((factor) => factor.correlation !== null);
    expect(judged.length).toBeGreaterThan(3);
    const before = judged.reduce((sum, factor) => sum + factor.active, 0);
    const after = judged.reduce((sum, factor) => sum + factor.proposed, 0);
    expect(after).toBeCloseTo(before, 0);
    for (const factor of proposal.factors) expect(factor.proposed).toBeGreaterThanOrEqual(0);
  });

  test('a factor that ranked next year’s revenue better gets more weight', () => {
    const byId = new Map(proposal.factors.map((factor) => [factor.id, factor]));
    const revenue = byId.get('revenue')!;
    const growth = byId.get('growth')!;
    expect(revenue.correlation!).toBeGreaterThan(growth.correlation!);
    expect(revenue.proposed).toBeGreaterThan(growth.proposed);
  });

  test('it is judged out of time on the latest date, and the draft carries it only when it ranks better', () => {
    expect(proposal.judgedOn?.asOf).toBe(dates.at(-1)!.toISOString().slice(0, 10));
    const better = proposal.judgedOn!.proposed! > proposal.judgedOn!.active!;
    expect(proposal.adopted).toBe(better);
    const expected = better
      ? Object.fromEntries(proposal.factors.map((factor) => [factor.id, factor.proposed]))
      : DEFAULT_SCORING_MODEL.weights.attractiveness;
    expect(weights).toEqual(expected);
    expect(Object.keys(weights).sort()).toEqual([...ATTRACTIVENESS_FACTORS].sort());
  });

  test('the same records give the same proposal', () => {
    expect(run()).toEqual({ proposal, weights });
  });

  test('without an earlier date whose horizon ended, nothing is judged and the active weights stay', () => {
    const short = proposeAttractivenessWeights({
      companies,
      asOfDates: dates.slice(-2),
      horizonMonths: 12,
      model: DEFAULT_SCORING_MODEL,
    });
    expect(short.proposal.judgedOn).toBeNull();
    expect(short.weights).toEqual(DEFAULT_SCORING_MODEL.weights.attractiveness);
  });

  test.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 4, 6, 8, 10, 12, 14, 16, 18, 20], 1],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [20, 18, 16, 14, 12, 10, 8, 6, 4, 2], -1],
    [[1, 2, 3], [1, 2, 3], null],
  ])('Spearman of %j and %j is %p', (xs, ys, expected) => {
    const rho = spearmanOf(xs, ys);
    if (expected === null) expect(rho).toBeNull();
    else expect(rho).toBeCloseTo(expected, 10);
  });
});
