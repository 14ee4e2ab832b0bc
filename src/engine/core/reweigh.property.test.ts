/**
 * Re-weighing what a rescore left (core/reweigh.ts, the settings preview) against a full rescore
 * with the draft model: where the draft changes only what weighs the factors (weights, axis
 * weights, tier thresholds and places, KAISM cut, dead band) and the factor values are the ones
 * the rescore computes, the two agree exactly, company by company and tier places included.
 */
import fc from 'fast-check';
import { NOW } from '../../../tests/arbitraries/company-builders';
import { companyRecordArb, portfolioArb } from '../../../tests/arbitraries/company-records';
import { scoringModelArb } from '../../../tests/arbitraries/scoring-model';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';
import type { ScoringModel } from '../settings/model-schema';
import { KAISM_QUADRANTS, type KaismQuadrant } from './enums';
import { reclassify, tiersWithinSample } from './reweigh';
import { scoreCompany, scorePortfolio } from './score-portfolio';
import type { CompanyRecord } from './snapshot';

const activeArb = fc.oneof(fc.constant(DEFAULT_SCORING_MODEL), scoringModelArb);

/** The active model with everything that weighs the factors drawn anew; what measures them is kept. */
const draftOf = (active: ScoringModel, drawn: ScoringModel): ScoringModel => ({
  ...active,
  version: 'draft',
  weights: drawn.weights,
  axisWeights: drawn.axisWeights,
  tiers: drawn.tiers,
  axisLevels: drawn.axisLevels,
  kaismCut: drawn.kaismCut,
  levelHysteresis: drawn.levelHysteresis,
});

const withQuadrant = (record: CompanyRecord, quadrant: KaismQuadrant | null): CompanyRecord => ({
  ...record,
  properties: { ...record.properties, kam_quadrant: quadrant },
});

describe('re-weighing a stored breakdown', () => {
  test('gives one company the score, tier and quadrant a rescore with the draft gives it', () => {
    fc.assert(
      fc.property(
        companyRecordArb({ garbage: false }),
        fc.option(fc.constantFrom(...KAISM_QUADRANTS), { nil: null }),
        activeArb,
        scoringModelArb,
        (record, storedQuadrant, active, drawn) => {
          const company = withQuadrant(record, storedQuadrant);
          const draft = draftOf(active, drawn);
          const scored = scoreCompany(company, { model: active, now: NOW, paretoClass: 'B' });
          const rescored = scoreCompany(company, { model: draft, now: NOW, paretoClass: 'B' });
          const reweighed = reclassify(
            scored.factors,
            { tier: scored.previousTier, quadrant: storedQuadrant },
            draft,
          );
          expect({
            score: reweighed.score,
            attractiveness: reweighed.attractiveness ?? 0,
            strength: reweighed.strength ?? 0,
            tier: reweighed.tier,
            quadrant: reweighed.quadrant,
          }).toEqual({
            score: rescored.score,
            attractiveness: rescored.attractiveness,
            strength: rescored.strength,
            tier: rescored.thresholdTier,
            quadrant: rescored.kaismQuadrant,
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  test('over a whole portfolio, gives every company the tier a full run with the draft gives it', () => {
    fc.assert(
      fc.property(
        portfolioArb({ garbage: false, maxCompanies: 12, maxDeals: 4, maxOthers: 2 }),
        activeArb,
        scoringModelArb,
        (companies, active, drawn) => {
          const draft = draftOf(active, drawn);
          const scored = scorePortfolio({ companies, model: active, now: NOW }).results;
          const rescored = scorePortfolio({ companies, model: draft, now: NOW }).results;
          const reweighed = scored.map((company) => ({
            companyId: company.companyId,
            storedTier: company.previousTier,
            pinnedTier: company.pinnedTier,
            ...reclassify(company.factors, { tier: company.previousTier, quadrant: null }, draft),
          }));
          expect(tiersWithinSample(reweighed, draft, companies.length)).toEqual(
            rescored.map((company) => company.tier),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
