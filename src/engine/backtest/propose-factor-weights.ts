/**
 * `kam calibrate`'s proposal for the score's attractiveness weights (issue #17): what an account
 * turned out to be worth is the won revenue of the horizon after an as-of date. Each factor's
 * weight is proposed in proportion to how well it ranked that revenue on earlier as-of dates
 * (Spearman over the accounts where the factor had data; a factor that ranked it the wrong way
 * gets 0), so an admin can read every weight as "this much of what predicted next year's revenue".
 * The proposal is judged out of time on the latest as-of date, with weights drawn only from dates
 * whose horizon had ended by then, and is adopted only when it ranks that date's revenue better.
 * Strength (loyalty) weights are not proposed: what they should predict is not revenue, and the
 * risk weights already answer "who declines".
 */
import { scorePortfolio } from '../core';
import { ATTRACTIVENESS_FACTORS, type AttractivenessFactor } from '../core/enums';
import type { CompanyRecord } from '../core/snapshot';
import type { ScoringModel } from '../settings/model-schema';
import { addMonths } from './horizon';
import { portfolioAsOf } from './point-in-time';
import { spearman } from './rank-correlation';
import { wonRevenueBetween } from './won-revenue';

/** At most this many as-of dates are scored for the proposal (the latest ones): each is a whole portfolio run. */
export const PROPOSAL_MAX_DATES = 4;

type Row = { values: Partial<Record<AttractivenessFactor, number>>; revenue: number };
type DateRows = { asOf: Date; rows: Row[] };

export type FactorWeightProposal = {
  factors: {
    id: AttractivenessFactor;
    active: number;
    proposed: number;
    /** Spearman of the factor with the horizon's revenue on the fit dates; null without data. */
    correlation: number | null;
    /** Account-dates where the factor had data. */
    accounts: number;
  }[];
  /** The date the proposal is judged on, and how well each weighting ranked that date's revenue. */
  judgedOn: { asOf: string; active: number | null; proposed: number | null } | null;
  /** Whether the draft carries the proposal (it ranked the judged date's revenue better). */
  adopted: boolean;
};

/** Spearman's rank correlation; null with fewer than 10 pairs (too few to weigh a factor by) or a constant side. */
export function spearmanOf(xs: readonly number[], ys: readonly number[]): number | null {
  return xs.length < 10 ? null : spearman(xs, ys);
}

/** The attractiveness axis as the core weighs it: the weighted mean of the factors with data. */
function attractivenessOf(row: Row, weights: Readonly<Record<AttractivenessFactor, number>>): number {
  let weight = 0;
  let sum = 0;
  for (const id of ATTRACTIVENESS_FACTORS) {
    const value = row.values[id];
    if (value === undefined) continue;
    weight += weights[id];
    sum += weights[id] * value;
  }
  return weight === 0 ? 0 : sum / weight;
}

function rowsAt(input: ProposalInput, asOf: Date): DateRows {
  const companies = portfolioAsOf(input.companies, asOf);
  const portfolio = scorePortfolio({
    companies,
    model: input.model,
    now: asOf,
    homeCurrency: input.homeCurrency,
  });
  const rules = { homeCurrency: portfolio.homeCurrency, pipelines: input.model.pipelines };
  const horizonEndMs = addMonths(asOf, input.horizonMonths).getTime();
  const byId = new Map(input.companies.map((company) => [company.id, company]));
  const rows = portfolio.results.map((result) => {
    const values: Partial<Record<AttractivenessFactor, number>> = {};
    for (const factor of result.factors.attractiveness) {
      if (factor.hasData && factor.value !== null) values[factor.id as AttractivenessFactor] = factor.value;
    }
    const company = byId.get(result.companyId);
    const revenue = company ? wonRevenueBetween(company, asOf.getTime(), horizonEndMs, rules) : 0;
    return { values, revenue };
  });
  return { asOf, rows };
}

function proposeFrom(
  dates: readonly DateRows[],
  active: Readonly<Record<AttractivenessFactor, number>>,
): { weights: Record<AttractivenessFactor, number>; factors: FactorWeightProposal['factors'] } {
  const factors = ATTRACTIVENESS_FACTORS.map((id) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const date of dates) {
      for (const row of date.rows) {
        const value = row.values[id];
        if (value === undefined) continue;
        xs.push(value);
        ys.push(row.revenue);
      }
    }
    return { id, active: active[id], correlation: spearmanOf(xs, ys), accounts: xs.length };
  });
  // the weight the judged factors share stays what it was, so the axis keeps its scale of weights
  const judged = factors.filter((factor) => factor.correlation !== null);
  const activeTotal = judged.reduce((sum, factor) => sum + factor.active, 0);
  const evidenceTotal = judged.reduce((sum, factor) => sum + Math.max(0, factor.correlation!), 0);
  const weights = { ...active };
  for (const factor of judged) {
    weights[factor.id] =
      evidenceTotal === 0
        ? factor.active
        : Math.round(((activeTotal * Math.max(0, factor.correlation!)) / evidenceTotal) * 10) / 10;
  }
  return {
    weights,
    factors: factors.map((factor) => ({ ...factor, proposed: weights[factor.id] })),
  };
}

export type ProposalInput = {
  companies: readonly CompanyRecord[];
  /** The rolling as-of dates of the calibration, oldest first (each with its horizon ended by now). */
  asOfDates: readonly Date[];
  horizonMonths: number;
  model: ScoringModel;
  homeCurrency?: string;
};

/**
 * Proposes attractiveness weights from the portal's history; the weights to put in the draft are
 * `weights` (the active ones unless the proposal ranked the judged date's revenue better).
 */
export function proposeAttractivenessWeights(input: ProposalInput): {
  proposal: FactorWeightProposal;
  weights: Record<AttractivenessFactor, number>;
} {
  const active = input.model.weights.attractiveness;
  const latest = input.asOfDates.at(-1);
  // the latest date is the one judged; the fit dates are the latest ones whose horizon ended by then
  const fitDates = latest
    ? input.asOfDates
        .filter((asOf) => addMonths(asOf, input.horizonMonths).getTime() <= latest.getTime())
        .slice(-(PROPOSAL_MAX_DATES - 1))
    : [];
  const earlier = fitDates.map((asOf) => rowsAt(input, asOf));
  const judged = latest ? rowsAt(input, latest) : undefined;
  // the draft's proposal learns from every scored date, the latest included
  const { weights, factors } = proposeFrom(judged ? [...earlier, judged] : earlier, active);
  let judgedOn: FactorWeightProposal['judgedOn'] = null;
  let adopted = false;
  if (judged && earlier.length > 0) {
    // out of time: weights from the dates whose horizon had ended, judged on the latest date
    const outOfTime = proposeFrom(earlier, active).weights;
    const revenue = judged.rows.map((row) => row.revenue);
    const activeRho = spearmanOf(
      judged.rows.map((row) => attractivenessOf(row, active)),
      revenue,
    );
    const proposedRho = spearmanOf(
      judged.rows.map((row) => attractivenessOf(row, outOfTime)),
      revenue,
    );
    judgedOn = { asOf: judged.asOf.toISOString().slice(0, 10), active: activeRho, proposed: proposedRho };
    adopted = activeRho !== null && proposedRho !== null && proposedRho > activeRho;
  }
  return { proposal: { factors, judgedOn, adopted }, weights: adopted ? weights : { ...active } };
}
