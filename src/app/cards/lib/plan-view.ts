/**
 * What the card shows of the account plan and how its editor turns into a plan. The summary comes
 * from the stored `kam_plan_*` properties and the `plan` block of `kam_explanation` (what the last
 * rescoring measured), so it needs no function call; the plan itself comes from
 * `keystone_get_account_plan`. The editor keeps a draft of plain form values and checks it with
 * the same `accountPlanSchema` the save function uses, so a manager sees each field's message
 * before anything is sent.
 */
import {
  accountPlanSchema,
  type AccountPlan,
  EFFORT_LEVELS,
  KAISM_QUADRANTS,
  type KaismQuadrant,
  OPPORTUNITY_KINDS,
  PLAN_GOAL_METRICS,
  PLAN_LIMITS,
  PLAN_STATUSES,
  planAssessmentSchema,
  type PlanAssessment,
  type PlanGoal,
  type PlanGoalMetric,
  type PlanOpportunity,
  type PlanStatus,
  type Tier,
  TIERS,
} from '@keystone/shared';

export type PlanSummary = {
  /** Null when the company was never assessed for a plan (or holds a value the card does not know). */
  status: PlanStatus | null;
  /** `YYYY-MM-DD`; HubSpot date properties may also arrive as midnight-UTC epoch milliseconds. */
  nextReviewOn: string | null;
  /** 0–100, null when no goal is measurable. */
  progressPercent: number | null;
  /** The `plan` block of kam_explanation; null when absent or unreadable. */
  assessment: PlanAssessment | null;
};

type Properties = Readonly<Record<string, string | null | undefined>>;

const DAY_MS = 86_400_000;

/** A HubSpot date value (`YYYY-MM-DD`, an ISO instant or epoch ms at midnight UTC) as `YYYY-MM-DD`. */
export function planDayOf(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}

/** Reads the plan summary; anything unreadable becomes unknown, never an error. */
export function readPlanSummary(properties: Properties): PlanSummary {
  const rawStatus = properties.kam_plan_status?.trim() ?? '';
  const status = (PLAN_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as PlanStatus) : null;
  const rawProgress = properties.kam_plan_progress?.trim();
  const progress = rawProgress ? Number(rawProgress) : NaN;
  return {
    status,
    nextReviewOn: planDayOf(properties.kam_plan_next_review),
    progressPercent: Number.isFinite(progress) && progress >= 0 && progress <= 100 ? progress : null,
    assessment: readPlanAssessment(properties.kam_explanation ?? null),
  };
}

/** The `plan` block of a stored explanation, read on its own so the rest of the document cannot hide it. */
export function readPlanAssessment(rawExplanation: string | null): PlanAssessment | null {
  if (!rawExplanation) return null;
  let json: unknown;
  try {
    json = JSON.parse(rawExplanation);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || !('plan' in json)) return null;
  const parsed = planAssessmentSchema.safeParse(json.plan);
  return parsed.success ? parsed.data : null;
}

/**
 * Opportunities in the assessment's ranking (best payoff for the effort first) when it ranked this
 * plan's opportunities; those it does not know follow in plan order. Without an assessment: plan order.
 */
export function rankOpportunities(
  opportunities: readonly PlanOpportunity[],
  ranking: readonly string[] | null,
): { ordered: PlanOpportunity[]; isRanked: boolean } {
  if (!ranking || ranking.length === 0) return { ordered: [...opportunities], isRanked: false };
  const position = new Map(ranking.map((id, index) => [id, index]));
  const isRanked = opportunities.some((opportunity) => position.has(opportunity.id));
  const ordered = opportunities
    .map((opportunity, index) => ({ opportunity, index }))
    .sort(
      (a, b) =>
        (position.get(a.opportunity.id) ?? ranking.length + a.index) -
        (position.get(b.opportunity.id) ?? ranking.length + b.index),
    )
    .map(({ opportunity }) => opportunity);
  return { ordered, isRanked };
}

// ---------------------------------------------------------------------------------------------
// The editor's draft

export type GoalDraft = {
  id: string;
  title: string;
  clientGoal: string;
  setOn: string;
  deadline: string;
  /** '' for a goal stated in words only. */
  metric: PlanGoalMetric | '';
  /** The figure of won_revenue_12m, purchases_12m and buying_centre_coverage. */
  amount: number | null;
  quadrant: KaismQuadrant;
  tier: Tier;
};

export type OpportunityDraft = PlanOpportunity;

export type PlanDraft = {
  ownerUserId: string;
  clientGoals: string;
  goals: GoalDraft[];
  strategy: { product: string; price: string; promotion: string; place: string };
  resources: string;
  tactics: string;
  opportunities: OpportunityDraft[];
  lastReviewedOn: string;
  nextReviewOn: string;
};

/** Days between the last and the next review a new plan starts with (a quarter). */
export const NEW_PLAN_REVIEW_DAYS = 91;

export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string =>
  dayOf(new Date(Date.parse(day) + days * DAY_MS));

/** A first plan: owned by the user who writes it, reviewed today, next review in a quarter. */
export function emptyDraft(ownerUserId: string, today: string): PlanDraft {
  return {
    ownerUserId,
    clientGoals: '',
    goals: [],
    strategy: { product: '', price: '', promotion: '', place: '' },
    resources: '',
    tactics: '',
    opportunities: [],
    lastReviewedOn: today,
    nextReviewOn: addDays(today, NEW_PLAN_REVIEW_DAYS),
  };
}

function goalDraftOf(goal: PlanGoal): GoalDraft {
  const { target } = goal;
  return {
    id: goal.id,
    title: goal.title,
    clientGoal: goal.clientGoal,
    setOn: goal.setOn,
    deadline: goal.deadline,
    metric: target?.metric ?? '',
    amount: target && 'atLeast' in target && typeof target.atLeast === 'number' ? target.atLeast : null,
    quadrant: target?.metric === 'kaism_quadrant' ? target.equals : 'key_account',
    tier: target?.metric === 'tier' ? target.atLeast : 'key',
  };
}

export function draftOf(plan: AccountPlan): PlanDraft {
  return {
    ownerUserId: plan.ownerUserId,
    clientGoals: plan.clientGoals,
    goals: plan.goals.map(goalDraftOf),
    strategy: { ...plan.strategy },
    resources: plan.resources,
    tactics: plan.tactics,
    opportunities: plan.opportunities.map((opportunity) => ({
      ...opportunity,
      effort: { ...opportunity.effort },
    })),
    lastReviewedOn: plan.lastReviewedOn,
    nextReviewOn: plan.nextReviewOn,
  };
}

// A stored version that fails the schema is opened as far as it can be read, so a manager repairs
// the named fields instead of retyping the plan; what cannot be read takes the blank draft's value.
type Loose = Record<string, unknown>;
const objectOr = (value: unknown): Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
const textOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const oneOf = <T extends string>(options: readonly T[], value: unknown, fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;
const listOf = (value: unknown): Loose[] => (Array.isArray(value) ? value.map(objectOr) : []);

function looseGoal(raw: Loose, index: number, blank: GoalDraft): GoalDraft {
  const target = objectOr(raw.target);
  const metric = oneOf<PlanGoalMetric | ''>(['', ...PLAN_GOAL_METRICS], target.metric, '');
  return {
    id: textOr(raw.id, `goal-${index + 1}`),
    title: textOr(raw.title, ''),
    clientGoal: textOr(raw.clientGoal, ''),
    setOn: textOr(raw.setOn, blank.setOn),
    deadline: textOr(raw.deadline, blank.deadline),
    metric,
    amount: typeof target.atLeast === 'number' && Number.isFinite(target.atLeast) ? target.atLeast : null,
    quadrant: oneOf(KAISM_QUADRANTS, target.equals, blank.quadrant),
    tier: oneOf(TIERS, target.atLeast, blank.tier),
  };
}

function looseOpportunity(raw: Loose, index: number, blank: OpportunityDraft): OpportunityDraft {
  const effort = objectOr(raw.effort);
  return {
    id: textOr(raw.id, `opp-${index + 1}`),
    title: textOr(raw.title, ''),
    kind: oneOf(OPPORTUNITY_KINDS, raw.kind, blank.kind),
    effort: {
      time: oneOf(EFFORT_LEVELS, effort.time, blank.effort.time),
      money: oneOf(EFFORT_LEVELS, effort.money, blank.effort.money),
      people: oneOf(EFFORT_LEVELS, effort.people, blank.effort.people),
    },
    payoff: oneOf(EFFORT_LEVELS, raw.payoff, blank.payoff),
    notes: textOr(raw.notes, ''),
  };
}

/** The editor's draft of a stored plan that fails the schema: every field read where it can be, `blank`'s otherwise. */
export function draftFromContent(content: unknown, blank: PlanDraft, today: string): PlanDraft {
  const raw = objectOr(content);
  const strategy = objectOr(raw.strategy);
  const blankGoal = newGoal([], today);
  const blankOpportunity = newOpportunity([]);
  return {
    ownerUserId: textOr(raw.ownerUserId, blank.ownerUserId),
    clientGoals: textOr(raw.clientGoals, blank.clientGoals),
    goals: listOf(raw.goals).map((goal, index) => looseGoal(goal, index, blankGoal)),
    strategy: {
      product: textOr(strategy.product, ''),
      price: textOr(strategy.price, ''),
      promotion: textOr(strategy.promotion, ''),
      place: textOr(strategy.place, ''),
    },
    resources: textOr(raw.resources, blank.resources),
    tactics: textOr(raw.tactics, blank.tactics),
    opportunities: listOf(raw.opportunities).map((opportunity, index) =>
      looseOpportunity(opportunity, index, blankOpportunity),
    ),
    lastReviewedOn: textOr(raw.lastReviewedOn, blank.lastReviewedOn),
    nextReviewOn: textOr(raw.nextReviewOn, blank.nextReviewOn),
  };
}

/** `prefix-N` with the smallest N no item uses (ids only need to be unique within the plan). */
export function nextItemId(prefix: string, items: readonly { id: string }[]): string {
  const used = new Set(items.map((item) => item.id));
  let n = items.length + 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

export function newGoal(goals: readonly GoalDraft[], today: string): GoalDraft {
  return {
    id: nextItemId('goal', goals),
    title: '',
    clientGoal: '',
    setOn: today,
    deadline: addDays(today, 365),
    metric: '',
    amount: null,
    quadrant: 'key_account',
    tier: 'key',
  };
}

export function newOpportunity(opportunities: readonly OpportunityDraft[]): OpportunityDraft {
  return {
    id: nextItemId('opp', opportunities),
    title: '',
    kind: 'increase_use',
    effort: { time: 'medium', money: 'medium', people: 'medium' },
    payoff: 'medium',
    notes: '',
  };
}

function targetOf(goal: GoalDraft): unknown {
  switch (goal.metric) {
    case '':
      return null;
    case 'kaism_quadrant':
      return { metric: goal.metric, equals: goal.quadrant };
    case 'tier':
      return { metric: goal.metric, atLeast: goal.tier };
    default:
      // null reaches the schema as is: it names the field ("enter a value") instead of a silent 0
      return { metric: goal.metric, atLeast: goal.amount };
  }
}

/** The draft as the plan it stands for, unchecked (the schema decides). */
export function candidateOf(draft: PlanDraft): unknown {
  return {
    ...draft,
    goals: draft.goals.map(({ id, title, clientGoal, setOn, deadline, ...rest }) => ({
      id,
      title,
      clientGoal,
      setOn,
      deadline,
      target: targetOf({ id, title, clientGoal, setOn, deadline, ...rest }),
    })),
  };
}

export type PlanFieldIssue = {
  path: string;
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
};

export type DraftCheck = { ok: true; plan: AccountPlan } | { ok: false; issues: PlanFieldIssue[] };

/** Checks the draft with `accountPlanSchema`; issues carry dotted paths (`goals.0.title`). */
export function checkDraft(draft: PlanDraft): DraftCheck {
  const parsed = accountPlanSchema.safeParse(candidateOf(draft));
  if (parsed.success) return { ok: true, plan: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      code: issue.code,
      message: issue.message,
      ...('minimum' in issue ? { minimum: issue.minimum } : {}),
      ...('maximum' in issue ? { maximum: issue.maximum } : {}),
    })),
  };
}

/**
 * "Mark reviewed": reviewed today, next review after the same interval as before (1 to
 * PLAN_LIMITS.reviewIntervalMaxDays days).
 */
export function markedReviewed(plan: AccountPlan, today: string): AccountPlan {
  const interval = Math.round((Date.parse(plan.nextReviewOn) - Date.parse(plan.lastReviewedOn)) / DAY_MS);
  const days = Math.min(Math.max(interval, 1), PLAN_LIMITS.reviewIntervalMaxDays);
  return { ...plan, lastReviewedOn: today, nextReviewOn: addDays(today, days) };
}

/** `YYYY-MM-DD` ↔ DateInput's `{ year, month (from 0), date }`. */
export type CalendarValue = { year: number; month: number; date: number };
export function calendarOf(day: string): CalendarValue | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) };
}
export function dayFromCalendar(value: CalendarValue | null | undefined): string {
  if (!value) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(value.year).padStart(4, '0')}-${pad(value.month + 1)}-${pad(value.date)}`;
}
