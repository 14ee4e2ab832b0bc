/**
 * What a rescoring says about a company's account development plan (methodology §10): the plan's
 * review status, each measurable goal's state against the company's own CRM figures, the share of
 * measurable goals achieved or on track, and the opportunities ranked by payoff for the effort.
 * Pure: the plan and the figures in, a `PlanAssessment` out (stored in `kam_explanation`, written to
 * `kam_plan_status`, `kam_plan_next_review`, `kam_plan_progress`).
 *
 * Rules (documented in the README and issue note):
 * - status: `none` without a plan; `overdue` once today is after `nextReviewOn`; `review_due` from
 *   `PLAN_REVIEW_DUE_DAYS` days before it up to and including the day itself; else `current`.
 *   A stored plan that fails the schema is not used: `review_due` (someone has to open and save it
 *   again), with its field paths in `invalid` and no goals, progress or next review read from it.
 * - figure goals (revenue, purchases, coverage): `achieved` when actual ≥ target; `missed` once the
 *   deadline has passed unmet; `on_track` when the share of the target reached is at least the share
 *   of the time from `setOn` to the deadline that has passed; else `behind`.
 * - quadrant and tier goals: `achieved` when reached (tiers key > important > regular, so reaching
 *   a better tier than the target counts), `missed` after the deadline, else `behind`.
 * - goals without a target (or coverage when the model names no key roles): `not_measured`.
 * - progress = (achieved + on track) / measurable goals; null when none is measurable.
 * - opportunities: payoff (low 1, medium 2, high 3) over effort (time + money + people, each low 1,
 *   medium 2, high 3, so 3–9); the best ratio first, equal ratios by id.
 */
import {
  PLAN_REVIEW_DUE_DAYS,
  type CurrentPlan,
  type PlanAssessment,
  type PlanGoal,
  type PlanGoalProgress,
  type PlanOpportunity,
} from './account-plan';
import { type EffortLevel, type KaismQuadrant, type PlanGoalStatus, type Tier } from './enums';
import { roundTo } from './numbers';

/** What scoring already knows that a plan's goals are measured against. */
export type PlanFacts = {
  wonRevenueLast12Months: number;
  wonDealsLast12Months: number;
  /** Key buying-centre roles held by an associated contact, and how many the model names. */
  keyRolesCovered: number;
  keyRoleCount: number;
  /** The final tier: after capacity, and a manager's pin in force. */
  tier: Tier;
  kaismQuadrant: KaismQuadrant;
};

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` date to another (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The calendar day (UTC) of an instant, `YYYY-MM-DD`: plans count in days, not instants. */
export function planDayOf(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

const EFFORT_POINTS: Readonly<Record<EffortLevel, number>> = { low: 1, medium: 2, high: 3 };

/** Opportunity ids, best payoff for the effort first; equal ratios by id. */
export function rankOpportunities(opportunities: readonly PlanOpportunity[]): string[] {
  const scored = opportunities.map((opportunity) => ({
    id: opportunity.id,
    payoff: EFFORT_POINTS[opportunity.payoff],
    effort:
      EFFORT_POINTS[opportunity.effort.time] +
      EFFORT_POINTS[opportunity.effort.money] +
      EFFORT_POINTS[opportunity.effort.people],
  }));
  // compared by cross-multiplication: whole numbers, no rounding between equal ratios
  scored.sort(
    (a, b) => b.payoff * a.effort - a.payoff * b.effort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return scored.map((entry) => entry.id);
}

/** Share (0–1) of the time from `setOn` to the deadline that has passed by `today`. */
function elapsedOf(goal: PlanGoal, today: string): number {
  const span = daysBetween(goal.setOn, goal.deadline);
  const passed = daysBetween(goal.setOn, today);
  if (span <= 0) return passed >= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, passed / span));
}

const TIER_RANK: Readonly<Record<Tier, number>> = { key: 0, important: 1, regular: 2 };

/** One goal's state at `today`. */
export function assessGoal(goal: PlanGoal, facts: PlanFacts, today: string): PlanGoalProgress {
  const elapsed = elapsedOf(goal, today);
  const roundedElapsed = roundTo(elapsed, 3);
  const target = goal.target;
  const pastDeadline = today > goal.deadline;
  if (target === null) {
    return {
      goalId: goal.id,
      metric: null,
      status: 'not_measured',
      actual: null,
      share: null,
      elapsed: roundedElapsed,
    };
  }
  const metric = target.metric;
  if (metric === 'kaism_quadrant' || metric === 'tier') {
    const reached =
      metric === 'kaism_quadrant'
        ? facts.kaismQuadrant === target.equals
        : TIER_RANK[facts.tier] <= TIER_RANK[target.atLeast];
    const status: PlanGoalStatus = reached ? 'achieved' : pastDeadline ? 'missed' : 'behind';
    return {
      goalId: goal.id,
      metric,
      status,
      actual: metric === 'kaism_quadrant' ? facts.kaismQuadrant : facts.tier,
      share: null,
      elapsed: roundedElapsed,
    };
  }
  let actual: number | null;
  if (metric === 'won_revenue_12m') actual = roundTo(facts.wonRevenueLast12Months, 2);
  else if (metric === 'purchases_12m') actual = facts.wonDealsLast12Months;
  else actual = facts.keyRoleCount > 0 ? roundTo(facts.keyRolesCovered / facts.keyRoleCount, 3) : null;
  if (actual === null || !Number.isFinite(actual)) {
    return {
      goalId: goal.id,
      metric,
      status: 'not_measured',
      actual: null,
      share: null,
      elapsed: roundedElapsed,
    };
  }
  const share = Math.min(1, Math.max(0, actual / target.atLeast));
  const status: PlanGoalStatus =
    actual >= target.atLeast
      ? 'achieved'
      : pastDeadline
        ? 'missed'
        : share >= elapsed
          ? 'on_track'
          : 'behind';
  return { goalId: goal.id, metric, status, actual, share: roundTo(share, 3), elapsed: roundedElapsed };
}

/** The assessment of every company without a plan: one frozen object, shared. */
export const NO_PLAN_ASSESSMENT: PlanAssessment = Object.freeze({
  status: 'none',
  versionId: null,
  version: null,
  nextReviewOn: null,
  progress: null,
  measurableGoals: 0,
  goals: Object.freeze([]) as unknown as PlanAssessment['goals'],
  opportunityRanking: Object.freeze([]) as unknown as string[],
});

/** What scoring says about a company's plan on `today` (`YYYY-MM-DD`). */
export function assessPlan(current: CurrentPlan | null, facts: PlanFacts, today: string): PlanAssessment {
  if (current === null) return NO_PLAN_ASSESSMENT;
  if (!current.ok) {
    const paths = [...new Set(current.version.issues.map((issue) => issue.path || '(plan)'))];
    return {
      status: 'review_due',
      versionId: current.version.versionId,
      version: current.version.version,
      nextReviewOn: null,
      progress: null,
      measurableGoals: 0,
      goals: [],
      opportunityRanking: [],
      invalid: paths.length > 0 ? paths : ['(plan)'],
    };
  }
  const { plan } = current.stored;
  const daysToReview = daysBetween(today, plan.nextReviewOn);
  const status =
    daysToReview < 0 ? 'overdue' : daysToReview <= PLAN_REVIEW_DUE_DAYS ? 'review_due' : 'current';
  const goals = plan.goals.map((goal) => assessGoal(goal, facts, today));
  let measurable = 0;
  let good = 0;
  for (const goal of goals) {
    if (goal.status === 'not_measured') continue;
    measurable += 1;
    if (goal.status === 'achieved' || goal.status === 'on_track') good += 1;
  }
  return {
    status,
    versionId: current.stored.versionId,
    version: current.stored.version,
    nextReviewOn: plan.nextReviewOn,
    progress: measurable === 0 ? null : roundTo(good / measurable, 4),
    measurableGoals: measurable,
    goals,
    opportunityRanking: rankOpportunities(plan.opportunities),
  };
}
