/**
 * The backtest's figures on a generated portfolio whose planted `declining_key_account`s cut
 * their volume in the year after the as-of date (emulator/generator README). The figures are
 * the README's "Backtest" table; the assertions are the claims made there, not tuned to pass.
 */
import { generatePortfolio } from '../../../emulator/generator';
import { runBacktest, type BacktestResult } from '../../../src/engine/backtest';
import type { CompanyRecord } from '../../../src/engine/core/snapshot';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';

const NOW = new Date('2026-06-30T00:00:00Z');
const AS_OF = new Date('2025-06-30T00:00:00Z');
const { snapshot, groundTruth } = generatePortfolio({ companies: 1000, seed: 42, now: NOW });

let result: BacktestResult;
beforeAll(() => {
  const run = runBacktest({
    companies: snapshot.companies as CompanyRecord[],
    now: NOW,
    asOf: AS_OF,
    horizon: { months: 12 },
    declineShare: 0.5,
    homeCurrency: snapshot.homeCurrency,
    activeModel: DEFAULT_SCORING_MODEL,
  });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  result = run.value;
});

test('the planted declining key accounts are judged declined by what followed', () => {
  const planted = result.accounts.filter(
    (a) => groundTruth.archetypes[a.companyId] === 'declining_key_account',
  );
  expect(planted.length).toBeGreaterThanOrEqual(20);
  expect(planted.every((a) => a.outcome === 'declined')).toBe(true);
});

test('the shipped model beats the revenue-only baseline on decline AUC', () => {
  expect(result.active.declineAuc).not.toBeNull();
  expect(result.active.declineAuc!).toBeGreaterThan(result.revenueBaselineDeclineAuc!);
});

test('the figures of the README', () => {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
  expect({
    companiesAtAsOf: result.companiesAtAsOf,
    buyingAtAsOf: result.buyingAtAsOf,
    declined: result.declined,
    grew: result.grew,
    riskAuc: round(result.active.declineAuc),
    scoreAuc: round(result.active.declineAucOfScore),
    baselineAuc: round(result.revenueBaselineDeclineAuc),
    keyAccounts: result.active.keyAccountsAtAsOf,
    keyRevenueShare: round(result.active.keyRevenueShare),
    tierChangedSinceAsOf: result.active.tierChangedSinceAsOf,
  }).toMatchInlineSnapshot(`
   {
     "baselineAuc": 0.364,
     "buyingAtAsOf": 583,
     "companiesAtAsOf": 919,
     "declined": 135,
     "grew": 283,
     "keyAccounts": 40,
     "keyRevenueShare": 0.237,
     "riskAuc": 0.706,
     "scoreAuc": 0.427,
     "tierChangedSinceAsOf": 153,
   }
  `);
});
