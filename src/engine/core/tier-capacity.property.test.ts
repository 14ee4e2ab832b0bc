import fc from 'fast-check';
import { NOW } from '../../../tests/arbitraries/company-builders';
import { portfolioArb } from '../../../tests/arbitraries/company-records';
import { scoringModelArb, tierCapacityArb } from '../../../tests/arbitraries/scoring-model';
import type { CompanyRecord } from './snapshot';
import { scoreCompany, scorePortfolio } from './score-portfolio';
import { placesFor } from './tier-capacity';
import { TIERS, type Tier } from './enums';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';
import type { ScoringModel } from '../settings/model-schema';

/** Each company maybe pinned (in force, lapsed or open-ended) and maybe with a stored score. */
const extrasArb = fc.record({
  pin: fc.option(fc.constantFrom(...TIERS), { nil: null, freq: 3 }),
  pinLapsed: fc.boolean(),
  storedScore: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
});

const pinnedPortfolioArb = portfolioArb({ garbage: true, maxCompanies: 30 }).chain((companies) =>
  fc.array(extrasArb, { minLength: companies.length, maxLength: companies.length }).map((extras) =>
    companies.map((company, index): CompanyRecord => {
      const { pin, pinLapsed, storedScore } = extras[index]!;
      const properties = { ...company.properties };
      if (pin !== null) {
        properties.kam_tier_pinned = pin;
        properties.kam_pin_expires_at = pinLapsed ? '2026-05-01T00:00:00.000Z' : '2026-09-01T00:00:00.000Z';
      }
      if (storedScore !== null) properties.kam_score = (storedScore / 10).toFixed(1);
      return { ...company, properties };
    }),
  ),
);

/** A model whose thresholds let many companies pass, so the places are what decides. */
const modelArb: fc.Arbitrary<ScoringModel> = fc
  .tuple(
    fc.oneof(fc.constant(DEFAULT_SCORING_MODEL), scoringModelArb),
    fc.record({ key: tierCapacityArb, important: tierCapacityArb }),
    fc.boolean(),
  )
  .map(([model, capacity, lowThresholds]) => ({
    ...model,
    tiers: {
      ...model.tiers,
      ...(lowThresholds ? { key: 10, important: 5 } : {}),
      capacity,
    },
  }));

const pinnedAt = (company: CompanyRecord): Tier | null =>
  company.properties.kam_pin_expires_at === '2026-09-01T00:00:00.000Z'
    ? (company.properties.kam_tier_pinned as Tier)
    : null;

describe('tier capacity', () => {
  test('no tier holds more companies than its places, pinned ones counted, unless the pins alone overflow it', () => {
    fc.assert(
      fc.property(pinnedPortfolioArb, modelArb, (companies, model) => {
        const portfolio = scorePortfolio({ companies, model, now: NOW });
        for (const tier of ['key', 'important'] as const) {
          const places = placesFor(model.tiers.capacity[tier], companies.length);
          const pinned = companies.filter((company) => pinnedAt(company) === tier).length;
          // what kam_tier holds: the pin while it lasts, the model's tier otherwise
          const holding = portfolio.results.filter(
            (result, index) => (pinnedAt(companies[index]!) ?? result.tier) === tier,
          ).length;
          expect(holding).toBeLessThanOrEqual(Math.max(places, pinned));
          expect(portfolio.tierCapacity[tier].places).toBe(places);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('one company rescored on the stored lines lands in the tier the whole run gave it', () => {
    fc.assert(
      fc.property(pinnedPortfolioArb, modelArb, (companies, model) => {
        const portfolio = scorePortfolio({ companies, model, now: NOW });
        const tierLines = {
          key: portfolio.tierCapacity.key.line,
          important: portfolio.tierCapacity.important.line,
        };
        companies.forEach((company, index) => {
          const alone = scoreCompany(company, {
            model,
            now: NOW,
            paretoClass: portfolio.results[index]!.paretoClass,
            revenueReference: portfolio.revenueReference,
            revenueQuantiles: portfolio.revenueQuantiles,
            tierLines,
          });
          expect(alone.tier).toBe(portfolio.results[index]!.tier);
          expect(alone).toEqual(portfolio.results[index]);
        });
      }),
      { numRuns: 100 },
    );
  });

  test('the order companies come in never changes who takes a place', () => {
    fc.assert(
      fc.property(pinnedPortfolioArb, modelArb, (companies, model) => {
        const forward = scorePortfolio({ companies, model, now: NOW }).results;
        const backward = scorePortfolio({ companies: [...companies].reverse(), model, now: NOW }).results;
        const tierOf = new Map(backward.map((result) => [result.companyId, result.tier]));
        for (const result of forward) expect(tierOf.get(result.companyId)).toBe(result.tier);
      }),
      { numRuns: 100 },
    );
  });

  test('a company only ever steps down from its threshold tier, never up', () => {
    const rank: Record<Tier, number> = { regular: 0, important: 1, key: 2 };
    fc.assert(
      fc.property(pinnedPortfolioArb, modelArb, (companies, model) => {
        for (const result of scorePortfolio({ companies, model, now: NOW }).results) {
          expect(rank[result.tier]).toBeLessThanOrEqual(rank[result.thresholdTier]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
