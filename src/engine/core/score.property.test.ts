import fc from 'fast-check';
import { daysAgo, NOW } from '../../../tests/arbitraries/company-builders';
import { companyRecordArb, portfolioArb } from '../../../tests/arbitraries/company-records';
import { scoringModelArb } from '../../../tests/arbitraries/scoring-model';
import { PARETO_CLASSES } from './enums';
import { scoreCompany, scorePortfolio, type CompanyScore, type CompanyRecord } from './index';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

const modelArb = fc.oneof(fc.constant(DEFAULT_SCORING_MODEL), scoringModelArb);

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }
  return [];
}

function expectInRange(result: CompanyScore) {
  for (const value of [result.score, result.attractiveness, result.strength]) {
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
  }
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  for (const factor of [...result.factors.attractiveness, ...result.factors.strength]) {
    if (factor.value !== null) {
      expect(factor.value).toBeGreaterThanOrEqual(0);
      expect(factor.value).toBeLessThanOrEqual(100);
    }
  }
  for (const [path, value] of numbersIn(result)) {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  }
}

describe('scoring properties', () => {
  test('scores stay within 0–100 and every number is finite, whatever garbage HubSpot sends', () => {
    fc.assert(
      fc.property(portfolioArb({ garbage: true }), modelArb, (companies, model) => {
        const portfolio = scorePortfolio({ companies, model, now: NOW });
        expect(portfolio.results).toHaveLength(companies.length);
        for (const result of portfolio.results) expectInRange(result);
        for (const [path, value] of numbersIn(portfolio.pareto)) {
          if (!Number.isFinite(value)) throw new Error(`pareto${path} is ${value}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('more won revenue in the last 12 months never lowers attractiveness, all else equal', () => {
    fc.assert(
      fc.property(
        companyRecordArb({ garbage: true }),
        modelArb,
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 364 }),
        fc.double({ min: 1, max: 10_000_000, noNaN: true }),
        (base, model, amount, extra, closedDaysAgo, revenueReference) => {
          const withDeal = (value: number): CompanyRecord => ({
            ...base,
            deals: [
              ...base.deals,
              {
                id: 'extra-deal',
                properties: {
                  amount: String(value),
                  closedate: daysAgo(closedDaysAgo),
                  hs_is_closed_won: 'true',
                  hs_is_closed: 'true',
                  pipeline: 'default',
                },
              },
            ],
          });
          const options = { model, now: NOW, paretoClass: 'B' as const, revenueReference };
          const less = scoreCompany(withDeal(amount), options);
          const more = scoreCompany(withDeal(amount + extra), options);
          expect(more.attractiveness).toBeGreaterThanOrEqual(less.attractiveness);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('results are deterministic and do not depend on the order of the portfolio', () => {
    fc.assert(
      fc.property(
        portfolioArb({ garbage: true }),
        modelArb,
        fc.func(fc.integer()),
        (companies, model, rank) => {
          const first = scorePortfolio({ companies, model, now: NOW });
          const again = scorePortfolio({ companies, model, now: NOW });
          expect(again).toEqual(first);
          const shuffled = [...companies].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1));
          const reordered = scorePortfolio({ companies: shuffled, model, now: NOW });
          const byId = new Map(reordered.results.map((result) => [result.companyId, result]));
          for (const result of first.results) expect(byId.get(result.companyId)).toEqual(result);
          expect(reordered.pareto).toEqual(first.pareto);
          expect(reordered.revenueReference).toBe(first.revenueReference);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('scoring one company alone equals scoring it inside the portfolio with the same portfolio inputs', () => {
    fc.assert(
      fc.property(portfolioArb({ garbage: true }), modelArb, (companies, model) => {
        const portfolio = scorePortfolio({ companies, model, now: NOW });
        companies.forEach((company, index) => {
          const inPortfolio = portfolio.results[index]!;
          const alone = scoreCompany(company, {
            model,
            now: NOW,
            paretoClass: inPortfolio.paretoClass,
            revenueReference: portfolio.revenueReference,
            revenueQuantiles: portfolio.revenueQuantiles,
            tierLines: {
              key: portfolio.tierCapacity.key.line,
              important: portfolio.tierCapacity.important.line,
            },
          });
          expect(alone).toEqual(inPortfolio);
        });
      }),
      { numRuns: 100 },
    );
  });

  test('the Pareto class is only ever a portfolio input: any class leaves the scores unchanged', () => {
    fc.assert(
      fc.property(
        companyRecordArb({ garbage: false }),
        fc.constantFrom(...PARETO_CLASSES),
        (company, paretoClass) => {
          const options = { model: DEFAULT_SCORING_MODEL, now: NOW, revenueReference: 50_000 };
          const asA = scoreCompany(company, { ...options, paretoClass: 'A' });
          const asOther = scoreCompany(company, { ...options, paretoClass });
          expect({ ...asOther, paretoClass: 'A' }).toEqual(asA);
        },
      ),
      { numRuns: 50 },
    );
  });
});
