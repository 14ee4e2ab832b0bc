/**
 * The backtest's point-in-time rule as a property: no record dated after the as-of date (added,
 * or altered, including the outcome of a deal that closed after it) changes the as-of scores.
 */
import fc from 'fast-check';
import { generatePortfolio } from '../../../emulator/generator';
import type { CompanyRecord } from '../core/snapshot';
import { DEFAULT_SCORING_MODEL } from '../settings';
import { runBacktest, scoreAsOf } from './run-backtest';
import { futureEditsOf } from './test-utils/future-edits';

const NOW = new Date('2026-06-30T00:00:00Z');
const AS_OF = new Date('2025-06-30T00:00:00Z');
const { snapshot } = generatePortfolio({ companies: 40, seed: 11, now: NOW });
const COMPANIES = snapshot.companies as CompanyRecord[];

const { edit, applyEdits } = futureEditsOf(COMPANIES, AS_OF, NOW);

const asOfScores = (companies: readonly CompanyRecord[]) =>
  scoreAsOf(companies, AS_OF, DEFAULT_SCORING_MODEL, snapshot.homeCurrency);

test('adding or altering records dated after as-of leaves every as-of score identical', () => {
  const baseline = asOfScores(COMPANIES);
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      expect(asOfScores(applyEdits(edits))).toEqual(baseline);
    }),
    { numRuns: 60 },
  );
});

test("the backtest's per-account as-of scores ignore the future too", () => {
  const run = (companies: CompanyRecord[]) => {
    const result = runBacktest({
      companies,
      now: NOW,
      asOf: AS_OF,
      horizon: { months: 12 },
      declineShare: 0.5,
      homeCurrency: snapshot.homeCurrency,
      activeModel: DEFAULT_SCORING_MODEL,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.value.accounts.map((account) => [account.companyId, account.active]);
  };
  const baseline = run(COMPANIES);
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      expect(run(applyEdits(edits))).toEqual(baseline);
    }),
    { numRuns: 20 },
  );
});
