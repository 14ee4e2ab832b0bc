/**
 * `kam calibrate` (issue #17): fits the graded risk score's weights to what happened in the
 * portal's own history. Examples come from several as-of dates (rolling origin, every
 * `stepMonths`), each rebuilt leak-free from records dated on or before it (risk-examples.ts);
 * the outcome is a decline (or stop) within the horizon. The fit is a monotone, L2-regularised
 * logistic regression (fit-risk-weights.ts). It is judged out of time: each evaluation date is
 * predicted by a fit on as-of dates whose whole horizon ended by then, so no label it learns from
 * reaches past the date it is judged on. The penalty is chosen the same way from a small grid.
 *
 * Deterministic for the same records, `now` and options; nothing here reads a clock.
 */
import { RISK_LEVELS, RISK_SCORE_SIGNALS, type RiskLevel } from '../core/enums';
import { riskEvidenceOf, riskLevelOfScore, riskLogit, riskStrengthsOf } from '../core/risk-score';
import { prepareCompany, scoringContextOf } from '../core/score-company';
import { scorePortfolio } from '../core/score-portfolio';
import type { CompanyRecord } from '../core/snapshot';
import type { ValidationResult } from '../core/validation';
import type { ScoringModel } from '../settings/model-schema';
import type { RiskCalibration, RiskScoreSettings } from '../settings/risk-score-schema';
import { areaUnderCurve } from './auc';
import { fitMonotoneLogistic } from './fit-risk-weights';
import { proposeAttractivenessWeights, type FactorWeightProposal } from './propose-factor-weights';
import { addMonths } from './horizon';
import { riskExamplesAt, type RiskExample } from './risk-examples';
import { timeOf } from './point-in-time';

/**
 * The fewest declines a calibration accepts, over all as-of dates: about ten outcome events per
 * fitted weight (14 signs), the usual floor below which a logistic regression's weights are noise
 * (Peduzzi et al., 1996). Accounts recur across as-of dates, so this is a floor, not a guarantee.
 */
export const MIN_DECLINES = 10 * RISK_SCORE_SIGNALS.length;
/** The fewest declines on the dates the draft is judged on: with fewer, its AUC is ±0.1 or worse. */
export const MIN_EVALUATION_DECLINES = 20;
/** As many non-declines as declines at least, or there is nothing to tell declines from. */
export const MIN_STEADY = MIN_DECLINES;
const PENALTIES = [1, 5, 25] as const;

export type CalibrateInput = {
  companies: readonly CompanyRecord[];
  /** When the records were taken: the last as-of date is `now` minus the horizon. */
  now: Date;
  horizonMonths: number;
  declineShare: number;
  /** Months between as-of dates (rolling origin). */
  stepMonths: number;
  activeModel: ScoringModel;
  homeCurrency?: string;
};

export type ReliabilityRow = {
  level: RiskLevel;
  accounts: number;
  declined: number;
  /** Mean predicted chance of decline (score / 100) of those accounts; null without any. */
  predicted: number | null;
  /** Share that declined; null without any. */
  observed: number | null;
};

export type ModelCalibrationFigures = {
  /** Out-of-time decline AUC over the evaluation dates. */
  crossValidatedAuc: number | null;
  brierScore: number | null;
  reliability: ReliabilityRow[];
};

export type CalibrateResult = {
  asOfDates: string[];
  evaluationDates: string[];
  examples: number;
  declines: number;
  penalty: number;
  active: ModelCalibrationFigures;
  draft: ModelCalibrationFigures;
  /** Companies whose risk level today differs between the active and the draft model. */
  riskLevelChangesToday: number;
  /** Companies whose tier today differs between the active and the draft model (factor weights). */
  tierChangesToday: number;
  /** The proposed attractiveness weights, how they were judged and whether the draft carries them. */
  factorWeights: FactorWeightProposal;
  companiesToday: number;
  draftModel: ScoringModel;
};

type Refusal = { ok: false; issues: { path: string; message: string }[] };

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

/** Companies whose tier (places included) differs today between two models. */
function tierChangesBetween(
  companies: readonly CompanyRecord[],
  active: ScoringModel,
  draft: ScoringModel,
  now: Date,
  homeCurrency: string | undefined,
): number {
  const before = scorePortfolio({ companies, model: active, now, homeCurrency }).results;
  const after = scorePortfolio({ companies, model: draft, now, homeCurrency }).results;
  return before.filter((result, index) => result.tier !== after[index]!.tier).length;
}

/** As-of dates, oldest first: every `step` months back from now − horizon, while a year of history lies before. */
export function rollingAsOfDates(
  companies: readonly CompanyRecord[],
  now: Date,
  horizonMonths: number,
  stepMonths: number,
): Date[] {
  let earliest = Infinity;
  for (const company of companies) {
    for (const deal of company.deals) {
      const at = timeOf(deal.properties.closedate);
      if (at !== null && at < earliest) earliest = at;
    }
  }
  const dates: Date[] = [];
  if (!Number.isFinite(earliest)) return dates;
  const firstUsable = addMonths(new Date(earliest), 12).getTime();
  for (let back = horizonMonths; ; back += stepMonths) {
    const asOf = addMonths(now, -back);
    if (asOf.getTime() < firstUsable) break;
    dates.unshift(asOf);
    if (dates.length >= 40) break;
  }
  return dates;
}

function figuresOf(
  predictions: readonly { p: number; declined: boolean }[],
  levels: RiskScoreSettings['levels'],
): ModelCalibrationFigures {
  const rows = new Map<RiskLevel, { accounts: number; declined: number; predicted: number }>(
    RISK_LEVELS.map((level) => [level, { accounts: 0, declined: 0, predicted: 0 }]),
  );
  let brier = 0;
  for (const { p, declined } of predictions) {
    const row = rows.get(riskLevelOfScore(100 * p, levels))!;
    row.accounts++;
    row.predicted += p;
    if (declined) row.declined++;
    brier += (p - (declined ? 1 : 0)) ** 2;
  }
  return {
    crossValidatedAuc: areaUnderCurve(
      predictions.map(({ p, declined }) => ({ score: p, isPositive: declined })),
    ),
    brierScore: predictions.length === 0 ? null : brier / predictions.length,
    reliability: RISK_LEVELS.map((level) => {
      const row = rows.get(level)!;
      return {
        level,
        accounts: row.accounts,
        declined: row.declined,
        predicted: row.accounts === 0 ? null : row.predicted / row.accounts,
        observed: row.accounts === 0 ? null : row.declined / row.accounts,
      };
    }),
  };
}

type Fold = { asOfMs: number; examples: RiskExample[]; strengths: Float64Array[] };

function fit(folds: readonly Fold[], penalty: number, active: RiskScoreSettings) {
  const strengths = folds.flatMap((fold) => fold.strengths);
  const declined = folds.flatMap((fold) => fold.examples.map((example) => example.declined));
  // a sign the history never shows cannot be fitted: it keeps the active weight
  const fixed = new Map<number, number>();
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    if (!strengths.some((row) => row[index]! > 0)) fixed.set(index, active.signals[id].weight);
  });
  return fitMonotoneLogistic({ strengths, declined, penalty, fixed });
}

function settingsWith(
  active: RiskScoreSettings,
  intercept: number,
  weights: Float64Array,
): RiskScoreSettings {
  const signals = { ...active.signals };
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    signals[id] = { ...active.signals[id], weight: Math.round(weights[index]! * 1000) / 1000 };
  });
  return { ...active, intercept: Math.round(intercept * 1000) / 1000, signals };
}

/** Out-of-time predictions: each evaluation fold by a fit on folds whose horizon ended by its as-of date. */
function outOfTime(
  folds: readonly Fold[],
  horizonMonths: number,
  penalty: number,
  active: RiskScoreSettings,
): { p: number; declined: boolean }[] | null {
  const predictions: { p: number; declined: boolean }[] = [];
  let evaluated = 0;
  for (const target of folds) {
    const training = folds.filter(
      (fold) => addMonths(new Date(fold.asOfMs), horizonMonths).getTime() <= target.asOfMs,
    );
    if (training.length < 2) continue;
    const fitted = fit(training, penalty, active);
    const settings = settingsWith(active, fitted.intercept, fitted.weights);
    target.strengths.forEach((row, index) => {
      predictions.push({ p: logistic(riskLogit(row, settings)), declined: target.examples[index]!.declined });
    });
    evaluated++;
  }
  return evaluated === 0 ? null : predictions;
}

const logLoss = (predictions: readonly { p: number; declined: boolean }[]) =>
  predictions.reduce((sum, { p, declined }) => {
    const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    return sum - (declined ? Math.log(q) : Math.log(1 - q));
  }, 0) / Math.max(1, predictions.length);

/**
 * Fits the risk weights on the portfolio's history, or refuses (with the counts) when it holds too
 * few declines or too few as-of dates to judge a fit out of time.
 */
export function calibrateRiskWeights(input: CalibrateInput): ValidationResult<CalibrateResult> | Refusal {
  const active = input.activeModel.riskScore;
  const dates = rollingAsOfDates(input.companies, input.now, input.horizonMonths, input.stepMonths);
  const folds: Fold[] = dates.map((asOf) => {
    const examples = riskExamplesAt({
      companies: input.companies,
      asOf,
      horizonMonths: input.horizonMonths,
      declineShare: input.declineShare,
      model: input.activeModel,
      homeCurrency: input.homeCurrency,
    });
    return {
      asOfMs: asOf.getTime(),
      examples,
      strengths: examples.map((e) => riskStrengthsOf(e.evidence, active)),
    };
  });
  const examples = folds.reduce((sum, fold) => sum + fold.examples.length, 0);
  const declines = folds.reduce((sum, fold) => sum + fold.examples.filter((e) => e.declined).length, 0);
  const issues: { path: string; message: string }[] = [];
  const evaluable = folds.filter(
    (target) =>
      folds.filter((fold) => addMonths(new Date(fold.asOfMs), input.horizonMonths).getTime() <= target.asOfMs)
        .length >= 2,
  );
  const evaluationDeclines = evaluable.reduce(
    (sum, fold) => sum + fold.examples.filter((e) => e.declined).length,
    0,
  );
  if (evaluable.length === 0)
    issues.push({
      path: 'history',
      message: `${dates.length} as-of date(s) with a year of history before them and a ${input.horizonMonths}-month horizon after: a fit judged out of time needs two earlier dates whose horizon ended before a later one (about ${2 * input.horizonMonths + 12} months of history or more)`,
    });
  if (declines < MIN_DECLINES)
    issues.push({
      path: 'declines',
      message: `${declines} declines in ${examples} account-dates over ${dates.length} as-of date(s); at least ${MIN_DECLINES} are needed (about 10 per fitted weight)`,
    });
  if (examples - declines < MIN_STEADY)
    issues.push({
      path: 'steady',
      message: `${examples - declines} accounts that did not decline; at least ${MIN_STEADY} are needed`,
    });
  if (evaluable.length > 0 && evaluationDeclines < MIN_EVALUATION_DECLINES)
    issues.push({
      path: 'evaluationDeclines',
      message: `${evaluationDeclines} declines on the dates the fit is judged on; at least ${MIN_EVALUATION_DECLINES} are needed for a readable AUC`,
    });
  if (issues.length > 0) return { ok: false, issues };

  // the penalty with the best out-of-time log loss; ties go to the stronger penalty
  let best: { penalty: number; loss: number; predictions: { p: number; declined: boolean }[] } | null = null;
  for (const penalty of [...PENALTIES].reverse()) {
    const predictions = outOfTime(folds, input.horizonMonths, penalty, active)!;
    const loss = logLoss(predictions);
    if (best === null || loss < best.loss - 1e-9) best = { penalty, loss, predictions };
  }
  const chosen = best!;
  const activePredictions = evaluable.flatMap((fold) =>
    fold.strengths.map((row, index) => ({
      p: logistic(riskLogit(row, active)),
      declined: fold.examples[index]!.declined,
    })),
  );
  const final = fit(folds, chosen.penalty, active);
  const fitted = settingsWith(active, final.intercept, final.weights);
  const draftFigures = figuresOf(chosen.predictions, fitted.levels);
  const calibration: RiskCalibration = {
    method: 'monotone-logistic-l2',
    fittedAt: input.now.toISOString(),
    asOfDates: dates.map((date) => date.toISOString().slice(0, 10)),
    horizonMonths: input.horizonMonths,
    declineShare: input.declineShare,
    examples,
    declines,
    penalty: chosen.penalty,
    crossValidatedAuc: draftFigures.crossValidatedAuc,
    brierScore: draftFigures.brierScore,
    levels: Object.fromEntries(
      draftFigures.reliability.map((row) => [row.level, { accounts: row.accounts, declined: row.declined }]),
    ) as RiskCalibration['levels'],
  };
  const factorWeights = proposeAttractivenessWeights({
    companies: input.companies,
    asOfDates: dates,
    horizonMonths: input.horizonMonths,
    model: input.activeModel,
    homeCurrency: input.homeCurrency,
  });
  const draftModel: ScoringModel = {
    ...input.activeModel,
    version: `${input.activeModel.version.slice(0, 40)}-calibrated-${input.now.toISOString().slice(0, 10)}`,
    weights: { ...input.activeModel.weights, attractiveness: factorWeights.weights },
    riskScore: { ...fitted, calibration },
  };
  const tierChangesToday = factorWeights.proposal.adopted
    ? tierChangesBetween(input.companies, input.activeModel, draftModel, input.now, input.homeCurrency)
    : 0;
  // today's levels under both models
  const context = scoringContextOf(input.activeModel, input.now, input.homeCurrency);
  let changes = 0;
  for (const company of input.companies) {
    const { facts, metrics } = prepareCompany(company, context);
    const evidence = riskEvidenceOf(metrics, facts.lossReason !== null);
    const levelOf = (settings: RiskScoreSettings) =>
      riskLevelOfScore(
        100 * logistic(riskLogit(riskStrengthsOf(evidence, settings), settings)),
        settings.levels,
      );
    if (levelOf(active) !== levelOf(fitted)) changes++;
  }
  return {
    ok: true,
    value: {
      asOfDates: calibration.asOfDates,
      evaluationDates: evaluable.map((fold) => new Date(fold.asOfMs).toISOString().slice(0, 10)),
      examples,
      declines,
      penalty: chosen.penalty,
      active: figuresOf(activePredictions, active.levels),
      draft: draftFigures,
      riskLevelChangesToday: changes,
      tierChangesToday,
      factorWeights: factorWeights.proposal,
      companiesToday: input.companies.length,
      draftModel,
    },
  };
}
