/**
 * Turns a core result into `kam_*` property values, as strings the way HubSpot stores them.
 * Numbers are rounded so that noise below display precision never causes a write.
 */
import type { CompanyScore, TierCapacityResult } from '../core';
import type { StoredExplanation } from '../hubspot/explanation-schema';
import type { OutputValues } from './diff';
import { riskScoreExplanationOf } from './risk-score-explanation';

// HubSpot textarea properties hold 65,536 characters; these caps keep the document far below.
const MAX_RECOMMENDATIONS = 6;
const MAX_SIGNALS = 10;
const TOP_RECOMMENDATIONS_IN_TEXT = 3;

const fixed = (value: number, digits: number): string => {
  const rounded = Number(value.toFixed(digits));
  return String(Object.is(rounded, -0) ? 0 : rounded);
};

/** The portfolio-level inputs a result was scored with, stored with it for one-company rescoring. */
export type PortfolioContext = {
  revenueReference: number;
  revenueQuantiles: readonly number[] | null;
  tierCapacity: TierCapacityResult | null;
};

const positionWorthStoring = (assessment: CompanyScore['supplierPosition']): boolean =>
  assessment.position !== null || assessment.invalid.length > 0 || assessment.missing.length < 2;

/** The plan assessment as stored: exactly a `PlanAssessment`, copied out of the (maybe shared) result. */
function planBlockOf(plan: CompanyScore['plan']): NonNullable<StoredExplanation['plan']> {
  return {
    status: plan.status,
    versionId: plan.versionId,
    version: plan.version,
    nextReviewOn: plan.nextReviewOn,
    progress: plan.progress,
    measurableGoals: plan.measurableGoals,
    goals: plan.goals.map((goal) => ({ ...goal })),
    opportunityRanking: [...plan.opportunityRanking],
    ...(plan.invalid === undefined ? {} : { invalid: [...plan.invalid] }),
  };
}

export function explanationOf(score: CompanyScore, context: PortfolioContext): StoredExplanation {
  const factor = (f: CompanyScore['factors']['attractiveness'][number]) => ({
    id: f.id,
    // Whole points: finer values drift daily (tenure, days since contact) and would rewrite the document.
    value: f.value === null ? null : Math.round(f.value),
    weight: Number(f.weight.toFixed(3)),
    contribution: Number(f.contribution.toFixed(1)),
    hasData: f.hasData,
  });
  // built to the schema's type, not parsed: this runs for every company of a portfolio run, and
  // output-values.test.ts checks that what is built is what the schema (and so the card) accepts
  const explanation: StoredExplanation = {
    v: 2,
    modelVersion: score.modelVersion,
    factors: {
      attractiveness: score.factors.attractiveness.map(factor),
      strength: score.factors.strength.map(factor),
    },
    dataGaps: [...score.dataGaps],
    dataIssueCount: score.dataIssues.length,
    attractivenessLevel: score.attractivenessLevel,
    strengthLevel: score.strengthLevel,
    risk: {
      level: score.risk.level,
      lossStage: score.risk.lossStage,
      signals: score.risk.signals
        .slice(0, MAX_SIGNALS)
        .map((s) => ({ id: s.id, severity: s.severity, text: s.text })),
      ...riskScoreExplanationOf(score.risk),
    },
    recommendations: score.recommendations
      .slice(0, MAX_RECOMMENDATIONS)
      .map((r) => ({ id: r.id, priority: r.priority, reason: r.reason })),
    revenueByYear: score.metrics.yearlyWonVolumes.map((v) => ({
      year: v.year,
      amount: Number(v.amount.toFixed(2)),
    })),
    portfolio: {
      revenueReference: Number(context.revenueReference.toFixed(2)),
      paretoClass: score.paretoClass,
      ...(context.revenueQuantiles === null ? {} : { revenueQuantiles: [...context.revenueQuantiles] }),
      ...(context.tierCapacity === null
        ? {}
        : {
            tiers: { key: { ...context.tierCapacity.key }, important: { ...context.tierCapacity.important } },
          }),
    },
    thresholdTier: score.thresholdTier,
    // only with something to say: a portal where no manager filled the inputs keeps its documents
    ...(positionWorthStoring(score.supplierPosition)
      ? {
          position: {
            value: score.supplierPosition.position,
            missing: [...score.supplierPosition.missing],
            invalid: [...score.supplierPosition.invalid],
          },
        }
      : {}),
    // only for a company with a plan: a portal without plans keeps its documents as they were
    ...(score.plan.status === 'none' ? {} : { plan: planBlockOf(score.plan) }),
  };
  return explanation;
}

/**
 * The output property values of one result (the tier-change trail is the diff's job). A manager's
 * pin in force (docs/decisions/0004-who-may-pin.md) holds `kam_tier`, and `kam_strategy` when one
 * was pinned, so a pin set or lapsing looks to workflows like any other tier change; the computed
 * tier always goes to `kam_tier_computed`. An expired pin is not cleared: its fields stay as the
 * record of the last override, and simply stop counting.
 */
export function outputValuesOf(score: CompanyScore, context: PortfolioContext): OutputValues {
  const growth = score.metrics.wonRevenueGrowth;
  return {
    kam_score: fixed(score.score, 1),
    kam_attractiveness: fixed(score.attractiveness, 1),
    kam_strength: fixed(score.strength, 1),
    kam_confidence: fixed(score.confidence, 2),
    kam_tier: score.pinnedTier ?? score.tier,
    kam_quadrant: score.kaismQuadrant,
    kam_strategy: score.pinnedStrategy ?? score.strategy,
    kam_pareto_class: score.paretoClass,
    kam_risk_level: score.risk.level,
    kam_risk_score: fixed(score.risk.score, 0),
    kam_loss_stage: String(score.risk.lossStage),
    kam_risk_reasons: score.risk.signals.map((s) => s.text.en).join('\n'),
    kam_top_recommendations: score.recommendations
      .slice(0, TOP_RECOMMENDATIONS_IN_TEXT)
      .map((r, i) => `${i + 1}. ${r.title.en} — ${r.reason.en}`)
      .join('\n'),
    kam_explanation: JSON.stringify(explanationOf(score, context)),
    kam_model_version: score.modelVersion,
    kam_won_revenue_12m: fixed(score.metrics.wonRevenueLast12Months, 2),
    // An empty string clears a HubSpot property: no growth figure without a previous year.
    kam_growth: growth === null ? '' : fixed(growth, 4),
    kam_tier_computed: score.tier,
    // an empty string clears the property: no position without both inputs, never a guess
    kam_supplier_position: score.supplierPosition.position ?? '',
    // 003: a multi-select, `;`-separated; an empty string when the map shows no gap
    kam_buying_centre_gaps: score.metrics.organisationGaps.join(';'),
    // `none` for a company without a plan too, so a workflow can filter "key account, no plan"
    kam_plan_status: score.plan.status,
    kam_plan_next_review: score.plan.nextReviewOn ?? '',
    kam_plan_progress: score.plan.progress === null ? '' : fixed(score.plan.progress * 100, 0),
  };
}
