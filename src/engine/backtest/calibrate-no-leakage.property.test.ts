/**
 * The calibration's point-in-time rule as a property (issue #17): no record dated after an as-of
 * date (added, or altered, including the outcome of a deal that closed after it) changes what the
 * risk score's examples at that date read: the evidence of every warning sign and both baselines.
 * Only the outcome (what followed) may change.
 */
import fc from 'fast-check';
import { generatePortfolio } from '../../../emulator/generator';
import type { CompanyRecord } from '../core/snapshot';
import { DEFAULT_SCORING_MODEL } from '../settings';
import { riskExamplesAt } from './risk-examples';
import { futureEditsOf } from './test-utils/future-edits';

const NOW = new Date('2026-06-30T00:00:00Z');
const AS_OF = new Date('2025-06-30T00:00:00Z');
const { snapshot } = generatePortfolio({ companies: 60, seed: 11, now: NOW });
const COMPANIES = snapshot.companies as CompanyRecord[];

const { edit, applyEdits } = futureEditsOf(COMPANIES, AS_OF, NOW);

const features = (companies: readonly CompanyRecord[]) =>
  riskExamplesAt({
    companies,
    asOf: AS_OF,
    horizonMonths: 12,
    declineShare: 0.5,
    model: DEFAULT_SCORING_MODEL,
    homeCurrency: snapshot.homeCurrency,
  }).map((example) => [
    example.companyId,
    Array.from(example.evidence),
    example.daysSinceLastWon,
    example.quarterTrend,
    example.yearsOfHistory,
  ]);

test('the calibration never reads a record dated after the as-of date', () => {
  const baseline = features(COMPANIES);
  expect(baseline.length).toBeGreaterThan(10);
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      expect(features(applyEdits(edits))).toEqual(baseline);
    }),
    { numRuns: 60 },
  );
});
