/**
 * Point-in-time examples for judging and fitting the graded risk score (issue #17): for each
 * account that bought in the 12 months before an as-of date, the evidence of every warning sign
 * read from the portfolio as it stood then (point-in-time.ts: nothing dated after as-of), and what
 * followed in the horizon (declined or not), read from today's records.
 */
import { riskEvidenceOf } from '../core/risk-score';
import { prepareCompany, scoringContextOf } from '../core/score-company';
import type { CompanyRecord } from '../core/snapshot';
import type { ScoringModel } from '../settings/model-schema';
import { addMonths } from './horizon';
import { companyAsOf } from './point-in-time';
import { outcomeOf } from './run-backtest';
import { wonRevenueBetween, type RevenueRules } from './won-revenue';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

export type RiskExample = {
  companyId: string;
  asOf: string;
  /** Evidence of every warning sign at as-of, in `RISK_SCORE_SIGNALS` order (NaN: no evidence). */
  evidence: Float64Array;
  declined: boolean;
  /** Baseline 1: days since the last won deal at as-of (a large number without one). */
  daysSinceLastWon: number;
  /** Baseline 2: (3 months before − last 3 months) / (both), −1…1; 0 when neither had revenue. */
  quarterTrend: number;
  /** Years since the first won deal at as-of (0 without one). */
  yearsOfHistory: number;
};

export type ExampleOptions = {
  /** Today's records, full history. */
  companies: readonly CompanyRecord[];
  asOf: Date;
  horizonMonths: number;
  declineShare: number;
  model: ScoringModel;
  homeCurrency?: string;
};

/** The examples at one as-of date: accounts that bought in the 12 months before it. */
export function riskExamplesAt(options: ExampleOptions): RiskExample[] {
  const { asOf, model } = options;
  const asOfMs = asOf.getTime();
  const horizonEndMs = addMonths(asOf, options.horizonMonths).getTime();
  const yearBeforeMs = addMonths(asOf, -12).getTime();
  const quarterMs = addMonths(asOf, -3).getTime();
  const halfMs = addMonths(asOf, -6).getTime();
  const homeCurrency = options.homeCurrency ?? model.homeCurrency;
  const rules: RevenueRules = { homeCurrency, pipelines: model.pipelines };
  const context = scoringContextOf(model, asOf, homeCurrency);
  const examples: RiskExample[] = [];
  for (const company of options.companies) {
    const revenueBefore = wonRevenueBetween(company, yearBeforeMs, asOfMs, rules);
    if (!(revenueBefore > 0)) continue;
    const past = companyAsOf(company, asOf);
    if (past === null) continue;
    const revenueInHorizon = wonRevenueBetween(company, asOfMs, horizonEndMs, rules);
    const outcome = outcomeOf(revenueBefore, revenueInHorizon, options.horizonMonths, options.declineShare);
    const { facts, metrics } = prepareCompany(past, context);
    const lastQuarter = wonRevenueBetween(past, quarterMs, asOfMs, rules);
    const quarterBefore = wonRevenueBetween(past, halfMs, quarterMs, rules);
    const both = lastQuarter + quarterBefore;
    const firstWonMs = metrics.firstWonAt === null ? null : Date.parse(metrics.firstWonAt);
    examples.push({
      companyId: company.id,
      asOf: asOf.toISOString(),
      evidence: riskEvidenceOf(metrics, facts.lossReason !== null),
      declined: outcome === 'declined',
      daysSinceLastWon: metrics.purchaseRhythm.daysSinceLastWon ?? 100_000,
      quarterTrend: both > 0 ? (quarterBefore - lastQuarter) / both : 0,
      yearsOfHistory: firstWonMs === null || Number.isNaN(firstWonMs) ? 0 : (asOfMs - firstWonMs) / YEAR_MS,
    });
  }
  return examples;
}
