/**
 * The account development plan (methodology §10, seed 003): goals that mirror the client's goals,
 * strategy through the four Ps, resources, tactics, ranked opportunities, owner and review dates.
 * One zod schema serves the card's editor, the save function and every read of a stored version,
 * so a plan that no longer passes is reported with its field paths and never used as if it did.
 *
 * A goal may carry a target Keystone measures from CRM data at every rescoring (won revenue in
 * 12 months, won deals in 12 months, buying-centre coverage, a KAISM quadrant or a tier to reach);
 * one without a target is tracked by the manager in words. `PlanAssessment` is what a rescoring
 * says about the plan; it is stored in `kam_explanation` and drives `kam_plan_status`,
 * `kam_plan_next_review` and `kam_plan_progress`.
 */
import { z } from 'zod';
import {
  EFFORT_LEVELS,
  OPPORTUNITY_KINDS,
  PLAN_GOAL_METRICS,
  PLAN_GOAL_STATUSES,
  PLAN_STATUSES,
  kaismQuadrantSchema,
  type PlanGoalMetric,
  tierSchema,
} from './enums';

export const PLAN_LIMITS = {
  goals: 12,
  opportunities: 20,
  titleChars: 200,
  textChars: 4000,
  /** A plan is reviewed, not written once: the next review is at most a year after the last. */
  reviewIntervalMaxDays: 366,
  /**
   * The plan as stored JSON: HubSpot's limit for a string property. Every field at its own limit
   * would pass it, so the whole plan is checked too, and the editor says so before it sends.
   */
  jsonChars: 65_536,
} as const;

/** Days before the next review in which `kam_plan_status` says `review_due`. */
export const PLAN_REVIEW_DUE_DAYS = 14;

const DAY_MS = 86_400_000;

/** A calendar date, `YYYY-MM-DD` (deadlines and reviews are days, not instants). */
export const planDateSchema = z.iso.date({ error: 'must be a date, e.g. 2027-06-30' });

const itemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'must be 1–40 letters, digits, - or _' });
const titleSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(PLAN_LIMITS.titleChars);
const textSchema = z.string().max(PLAN_LIMITS.textChars).default('');

/** What a goal is measured by; every figure is checked against the company's own CRM data. */
export const planGoalTargetSchema = z.discriminatedUnion('metric', [
  /** Won revenue of the last 365 days, home currency, at least this much. */
  z.object({ metric: z.literal('won_revenue_12m'), atLeast: z.number().positive().max(1e13) }),
  /** Won deals closed in the last 365 days, at least this many. */
  z.object({ metric: z.literal('purchases_12m'), atLeast: z.number().int().positive().max(100_000) }),
  /** Share (0–1] of the model's key buying-centre roles held by an associated contact. */
  z.object({ metric: z.literal('buying_centre_coverage'), atLeast: z.number().gt(0).max(1) }),
  /** The KAISM quadrant the account should be in. */
  z.object({ metric: z.literal('kaism_quadrant'), equals: kaismQuadrantSchema }),
  /** The tier the account should reach or keep (key ≥ important ≥ regular). */
  z.object({ metric: z.literal('tier'), atLeast: tierSchema }),
]);
export type PlanGoalTarget = z.infer<typeof planGoalTargetSchema>;
// Keeps the union and PLAN_GOAL_METRICS in step: a metric in one and not the other fails type-check.
const _sameMetrics: [PlanGoalTarget['metric']] extends [PlanGoalMetric]
  ? [PlanGoalMetric] extends [PlanGoalTarget['metric']]
    ? true
    : never
  : never = true;
void _sameMetrics;

export const planGoalSchema = z.object({
  id: itemIdSchema,
  title: titleSchema,
  /** The client's own goal this one mirrors (§10: our goals follow the client's). */
  clientGoal: textSchema,
  /** The day the goal was set; measured goals are on track when progress keeps pace from here. */
  setOn: planDateSchema,
  deadline: planDateSchema,
  /** Null: stated in words, tracked by the manager, not by Keystone. */
  target: planGoalTargetSchema.nullable(),
});
export type PlanGoal = z.infer<typeof planGoalSchema>;

export const planEffortSchema = z.object({
  time: z.enum(EFFORT_LEVELS),
  money: z.enum(EFFORT_LEVELS),
  people: z.enum(EFFORT_LEVELS),
});
export type PlanEffort = z.infer<typeof planEffortSchema>;

export const planOpportunitySchema = z.object({
  id: itemIdSchema,
  title: titleSchema,
  kind: z.enum(OPPORTUNITY_KINDS),
  effort: planEffortSchema,
  payoff: z.enum(EFFORT_LEVELS),
  notes: textSchema,
});
export type PlanOpportunity = z.infer<typeof planOpportunitySchema>;

/** §10 strategy "through product, price, promotion and place". */
export const planStrategySchema = z.object({
  product: textSchema,
  price: textSchema,
  promotion: textSchema,
  place: textSchema,
});

const uniqueIds = (items: readonly { id: string }[]): boolean =>
  new Set(items.map((item) => item.id)).size === items.length;

export const accountPlanSchema = z
  .object({
    /** The HubSpot user who owns the plan (usually the key-account manager). */
    ownerUserId: z
      .string()
      .regex(/^\d{1,20}$/, { error: 'must be a HubSpot user id' })
      .or(z.literal('')),
    /** The client's goals in their own words (§10 "goals of the client"). */
    clientGoals: textSchema,
    goals: z.array(planGoalSchema).max(PLAN_LIMITS.goals),
    strategy: planStrategySchema,
    resources: textSchema,
    tactics: textSchema,
    opportunities: z.array(planOpportunitySchema).max(PLAN_LIMITS.opportunities),
    lastReviewedOn: planDateSchema,
    nextReviewOn: planDateSchema,
  })
  .superRefine((plan, ctx) => {
    if (!uniqueIds(plan.goals)) ctx.addIssue({ code: 'custom', path: ['goals'], message: 'goal ids repeat' });
    if (!uniqueIds(plan.opportunities))
      ctx.addIssue({ code: 'custom', path: ['opportunities'], message: 'opportunity ids repeat' });
    plan.goals.forEach((goal, index) => {
      if (goal.deadline < goal.setOn)
        ctx.addIssue({
          code: 'custom',
          path: ['goals', index, 'deadline'],
          message: 'must not be before the day the goal was set',
        });
    });
    const chars = JSON.stringify(plan).length;
    if (chars > PLAN_LIMITS.jsonChars) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `the plan is ${chars} characters as stored; HubSpot holds at most ${PLAN_LIMITS.jsonChars}: shorten its texts`,
      });
    }
    const interval = (Date.parse(plan.nextReviewOn) - Date.parse(plan.lastReviewedOn)) / DAY_MS;
    if (!(interval > 0 && interval <= PLAN_LIMITS.reviewIntervalMaxDays)) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextReviewOn'],
        message: `must be after the last review and at most ${PLAN_LIMITS.reviewIntervalMaxDays} days after it`,
      });
    }
  });
export type AccountPlan = z.output<typeof accountPlanSchema>;
/** What an editor sends: text fields may be left out and default to ''. */
export type AccountPlanInput = z.input<typeof accountPlanSchema>;

// ---------------------------------------------------------------------------------------------
// Stored versions: one HubSpot record per save (like the scoring model), so a review keeps the
// version before it.

export type PlanAuthor = { userId: string; email: string };

/** One stored version as history lists it; `issues` is empty when it passes the schema. */
export type PlanVersion = {
  versionId: string;
  companyId: string;
  /** `v1`, `v2`, … per company. */
  version: string;
  savedAt: string;
  savedBy: PlanAuthor;
  note: string;
  isCurrent: boolean;
  isValid: boolean;
  issues: { path: string; message: string }[];
};

/** A stored version that passed validation, with its plan. */
export type StoredPlan = Omit<PlanVersion, 'isValid' | 'issues'> & { plan: AccountPlan };

/** A company's current plan as a sync reads it: usable, or stored but failing the schema. */
export type CurrentPlan =
  | { ok: true; stored: StoredPlan }
  /** `content`: the stored JSON as parsed (null when it is not JSON), so an editor can start from it. */
  | { ok: false; version: PlanVersion; content: unknown };

export type PlanSaveMeta = { userId: string; userEmail: string; note: string };

/** Where plans live (the custom object `kam_account_plan`, associated with the company). */
export interface AccountPlanStore {
  /** The company's current plan; null when it has none (or plans cannot exist in this portal). */
  current(companyId: string): Promise<CurrentPlan | null>;
  /**
   * Saves the plan as the company's new current version. `baseVersionId` is the version the
   * editor started from (null for a first plan): when another save came in between, nothing is
   * saved and `plan.conflict` says so, so two managers never overwrite each other unseen.
   */
  save(
    companyId: string,
    plan: AccountPlan,
    meta: PlanSaveMeta & { baseVersionId: string | null },
  ): Promise<StoredPlan>;
  /** The company's versions, newest first, valid or not. */
  history(companyId: string, limit: number): Promise<PlanVersion[]>;
  /** Every company's current plan, for a sync (companies without a plan are absent). */
  currentPlans(): Promise<ReadonlyMap<string, CurrentPlan>>;
}

// ---------------------------------------------------------------------------------------------
// What a rescoring says about the plan (stored in kam_explanation, shown by the card).

export const planGoalProgressSchema = z.object({
  goalId: z.string(),
  metric: z.enum(PLAN_GOAL_METRICS).nullable(),
  status: z.enum(PLAN_GOAL_STATUSES),
  /** The measured value now: a number for figures, the quadrant or tier for the others; null if not measured. */
  actual: z.union([z.number(), z.string()]).nullable(),
  /** Share (0–1) of the way to the target; null for goals that are reached or not (quadrant, tier) and unmeasured ones. */
  share: z.number().min(0).max(1).nullable(),
  /** Share (0–1) of the time from `setOn` to the deadline that has passed. */
  elapsed: z.number().min(0).max(1),
});
export type PlanGoalProgress = z.infer<typeof planGoalProgressSchema>;

export const planAssessmentSchema = z.object({
  status: z.enum(PLAN_STATUSES),
  /** The stored version assessed; null without a plan. */
  versionId: z.string().nullable(),
  version: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  /** Share (0–1) of measurable goals achieved or on track; null when no goal is measurable. */
  progress: z.number().min(0).max(1).nullable(),
  measurableGoals: z.number().int().min(0),
  goals: z.array(planGoalProgressSchema),
  /** Opportunity ids, best payoff for the effort first. */
  opportunityRanking: z.array(z.string()),
  /** Set when the stored plan fails the schema: its field paths (the plan is not used). */
  invalid: z.array(z.string()).optional(),
});
export type PlanAssessment = z.infer<typeof planAssessmentSchema>;
