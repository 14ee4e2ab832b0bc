/**
 * Scoring one company, in two steps so the portfolio path can compute its portfolio-level inputs
 * (Pareto class, revenue reference) between them: `prepareCompany` reads the record and computes
 * its metrics, `finishCompanyScore` scores, classifies and recommends. The card's one-company
 * path and the portfolio path run exactly this code, so the same data gives the same result.
 */
import { ATTRACTIVENESS_FACTOR_DEFINITIONS } from './attractiveness-factors';
import { scoreAxis, type FactorScore } from './axis-score';
import type { CompanyScore } from './company-score';
import { readCompanyInput, type CompanyFacts } from './company-input';
import type { ParetoClass, FactorId } from './enums';
import type { FactorContext, FactorDefinition } from './factor-definition';
import { axisLevelWithDeadBand, kaismQuadrantWithDeadBand } from './level-dead-band';
import { computeMetrics, type CompanyMetrics } from './metrics';
import { roundTo } from './numbers';
import { recommend } from './recommendations';
import { assessPlan, NO_PLAN_ASSESSMENT, planDayOf } from './plan-assessment';
import { assessRisk } from './risk-signals';
import type { DataIssue } from './values';
import { createSharedParts, freezeShared, tableWithinRun, type SharedParts } from './shared-parts';
import type { CompanyRecord } from './snapshot';
import { STRENGTH_FACTOR_DEFINITIONS } from './strength-factors';
import { assessSupplierPosition } from './supplier-position';
import { strategyFor } from './strategy-matrix';
import { classifyTier, tierDirectionOf } from './tier';
import { tierWithinLines, type CappedTier, type TierLine } from './tier-capacity';
import type { ScoringModel } from '../settings/model-schema';

/** What scoring keeps of a company: its own values and the summary of its associations (the records themselves can go). */
export type PreparedCompany = { facts: CompanyFacts; metrics: CompanyMetrics };

export type ScoringContext = {
  model: ScoringModel;
  nowMs: number;
  scoredAt: string;
  homeCurrency: string;
  /** Parts shared within this run (see shared-parts.ts). */
  shared: SharedParts;
};

export type PortfolioInputs = {
  paretoClass: ParetoClass;
  revenueReference: number;
  /** The portfolio's won-revenue quantiles (see revenue-position.ts); null scores revenue against the reference alone. */
  revenueQuantiles: readonly number[] | null;
  /** Each capped tier's line from the last whole run (tier-capacity.ts); null lines admit every eligible company. */
  tierLines: Readonly<Record<CappedTier, TierLine | null>>;
};

/** Lines that admit everyone: no whole run has drawn any yet. */
export const NO_TIER_LINES: Readonly<Record<CappedTier, TierLine | null>> = Object.freeze({
  key: null,
  important: null,
});

const DEFINITION_BY_ID = new Map<FactorId, FactorDefinition>(
  [...ATTRACTIVENESS_FACTOR_DEFINITIONS, ...STRENGTH_FACTOR_DEFINITIONS].map((definition) => [
    definition.id,
    definition,
  ]),
);

const NO_ISSUES: readonly DataIssue[] = Object.freeze([]);

/** The factors with weight but no data; one frozen list per combination, shared within the run. */
function dataGapsOf(factors: readonly FactorScore[], shared: SharedParts): readonly FactorId[] {
  let mask = 0;
  for (let index = 0; index < factors.length; index += 1) {
    const factor = factors[index]!;
    if (!factor.hasData && factor.weight > 0) mask |= 1 << index;
  }
  const table = tableWithinRun<number, readonly FactorId[]>(shared, 'data-gaps');
  let gaps = table.get(mask);
  if (gaps === undefined) {
    gaps = freezeShared(factors.filter((_, index) => (mask & (1 << index)) !== 0).map((factor) => factor.id));
    table.set(mask, gaps);
  }
  return gaps;
}

/**
 * The overall score from the two axes (null: the axis had no data): their weighted mean under the
 * model's axis weights, at one decimal. An axis without any data is left out, like a factor without data.
 */
export function overallScoreOf(
  attractiveness: number | null,
  strength: number | null,
  axisWeights: ScoringModel['axisWeights'],
): number {
  const weightA = attractiveness === null ? 0 : axisWeights.attractiveness;
  const weightS = strength === null ? 0 : axisWeights.strength;
  if (weightA + weightS === 0) return 0;
  return roundTo((weightA * (attractiveness ?? 0) + weightS * (strength ?? 0)) / (weightA + weightS), 1);
}

/** Reads a company record and computes its metrics (no portfolio-level input needed yet). */
export function prepareCompany(record: CompanyRecord, context: ScoringContext): PreparedCompany {
  const input = readCompanyInput(record, {
    nowMs: context.nowMs,
    homeCurrency: context.homeCurrency,
    pipelines: context.model.pipelines,
  });
  return { facts: input.facts, metrics: computeMetrics(input, context.model, context.nowMs, context.shared) };
}

/** Scores, classifies and recommends for a prepared company given the portfolio-level inputs. */
export function finishCompanyScore(
  prepared: PreparedCompany,
  context: ScoringContext,
  portfolio: PortfolioInputs,
): CompanyScore {
  const { facts, metrics } = prepared;
  const { model } = context;
  const factorContext: FactorContext = {
    facts,
    metrics,
    model,
    revenueReference: portfolio.revenueReference,
    revenueQuantiles: portfolio.revenueQuantiles,
    homeCurrency: context.homeCurrency,
    shared: context.shared,
  };
  const attractivenessAxis = scoreAxis(
    'attractiveness',
    ATTRACTIVENESS_FACTOR_DEFINITIONS,
    model.weights.attractiveness,
    factorContext,
  );
  const strengthAxis = scoreAxis(
    'strength',
    STRENGTH_FACTOR_DEFINITIONS,
    model.weights.strength,
    factorContext,
  );
  const attractiveness = attractivenessAxis.value;
  const strength = strengthAxis.value;

  const score = overallScoreOf(
    attractivenessAxis.confidence > 0 ? attractiveness : null,
    strengthAxis.confidence > 0 ? strength : null,
    model.axisWeights,
  );
  const axisWeightTotal = model.axisWeights.attractiveness + model.axisWeights.strength;
  const confidence = roundTo(
    (model.axisWeights.attractiveness * attractivenessAxis.confidence +
      model.axisWeights.strength * strengthAxis.confidence) /
      axisWeightTotal,
    3,
  );

  const thresholdTier = classifyTier(
    score,
    facts.previousLevels.thresholdTier ?? facts.previousTier,
    model.tiers,
  );
  const tier = tierWithinLines(
    { companyId: facts.id, score, previousTier: facts.previousTier, thresholdTier },
    portfolio.tierLines,
    model.tiers.hysteresis,
  );
  const tierDirection = tierDirectionOf(facts.previousTier, tier);
  const previousLevels = facts.previousLevels;
  const attractivenessLevel = axisLevelWithDeadBand(
    attractiveness,
    model.axisLevels.attractiveness,
    previousLevels.attractiveness,
    model.levelHysteresis,
  );
  const strengthLevel = axisLevelWithDeadBand(
    strength,
    model.axisLevels.strength,
    previousLevels.strength,
    model.levelHysteresis,
  );
  const risk = assessRisk({
    facts,
    metrics,
    model,
    homeCurrency: context.homeCurrency,
    shared: context.shared,
  });
  // concat sizes the list exactly (a spread goes through the iterator)
  const allFactors = attractivenessAxis.factors.concat(strengthAxis.factors);
  const kaismQuadrant = kaismQuadrantWithDeadBand(
    attractiveness,
    strength,
    model.kaismCut,
    previousLevels.quadrant,
    model.levelHysteresis,
  );
  // the final tier: after capacity, and a manager's pin in force (what `kam_tier` holds)
  const finalTier = facts.pinnedTier ?? tier;
  const plan =
    facts.plan === null
      ? NO_PLAN_ASSESSMENT
      : assessPlan(
          facts.plan,
          {
            wonRevenueLast12Months: metrics.wonRevenueLast12Months,
            wonDealsLast12Months: metrics.wonDealsLast12Months,
            keyRolesCovered: metrics.buyingCentre.keyRolesCovered,
            keyRoleCount: metrics.buyingCentre.keyRoleCount,
            tier: finalTier,
            kaismQuadrant,
          },
          planDayOf(context.nowMs),
        );
  const dataGaps = dataGapsOf(allFactors, context.shared);
  const recommendations = recommend({
    attractiveness,
    strength,
    attractivenessLevel,
    strengthLevel,
    risk,
    factors: allFactors,
    confidence,
    dataGaps,
    describeFactor: (id) => (DEFINITION_BY_ID.get(id) as FactorDefinition).describe(factorContext),
    shared: context.shared,
    model,
    plan: { keyAccount: finalTier === 'key', assessment: plan },
    previousRecommendations: previousLevels.recommendations,
  });

  return {
    companyId: facts.id,
    name: facts.name,
    modelVersion: model.version,
    scoredAt: context.scoredAt,
    score,
    attractiveness,
    strength,
    confidence,
    factors: { attractiveness: attractivenessAxis.factors, strength: strengthAxis.factors },
    dataGaps,
    dataIssues: facts.dataIssues.length === 0 ? NO_ISSUES : facts.dataIssues,
    tier,
    thresholdTier,
    pinnedTier: facts.pinnedTier,
    pinnedStrategy: facts.pinnedStrategy,
    previousTier: facts.previousTier,
    tierChanged: tierDirection !== null,
    tierDirection,
    attractivenessLevel,
    strengthLevel,
    kaismQuadrant,
    strategy: strategyFor(attractivenessLevel, strengthLevel),
    paretoClass: portfolio.paretoClass,
    risk,
    supplierPosition: assessSupplierPosition(facts),
    recommendations,
    metrics,
    plan,
  };
}

/** The scoring context for a model and a moment; the home currency defaults to the model's. */
export function scoringContextOf(model: ScoringModel, now: Date, homeCurrency?: string): ScoringContext {
  return {
    model,
    nowMs: now.getTime(),
    scoredAt: now.toISOString(),
    homeCurrency: homeCurrency ?? model.homeCurrency,
    shared: createSharedParts(),
  };
}
