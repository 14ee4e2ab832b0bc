/**
 * The scoring model: every number of the methodology an admin may change (weights, thresholds,
 * windows, scales), as ONE zod schema. The settings page, the settings function, `kam` and the
 * core all validate through `validateModel`, so a stored model can never disagree with the code.
 */
import { z } from 'zod';
import {
  ATTRACTIVENESS_FACTORS,
  HUBSPOT_BUYING_ROLES,
  IDEAL_CUSTOMER_PROFILE_TIERS,
  INPUT_LEVELS,
  PAYMENT_DISCIPLINE,
  PERCEPTION_LEVELS,
  REPUTATION_LEVELS,
  STRENGTH_FACTORS,
} from '../core/enums';
import { DEFAULT_RISK_SCORE } from './default-risk-score';
import { riskScoreSchema } from './risk-score-schema';
import { toValidationIssues, type ValidationIssue, type ValidationResult } from '../core/validation';

const weightSchema = z
  .number({ error: 'must be a number' })
  .finite()
  .min(0, { error: 'must be 0 or more (0 switches the factor off)' });
const scorePointsSchema = z.number({ error: 'must be a number' }).min(0).max(100);
const shareSchema = z.number({ error: 'must be a number' }).min(0).max(1);
const positiveSchema = z.number({ error: 'must be a number' }).finite().positive();
const positiveIntSchema = z.number({ error: 'must be a number' }).int().positive();

/** One tier's places: at most `maxCount` companies and at most `maxShare` of the companies scored. */
const tierCapacitySchema = z.strictObject({
  maxCount: z.number({ error: 'must be a number' }).int().min(1, { error: 'must be at least 1' }),
  maxShare: z.number({ error: 'must be a number' }).gt(0, { error: 'must be above 0' }).max(1),
});

/**
 * Key: McDonald & Woodburn put 15–35 key accounts in a business and call more than 50 too many;
 * practitioners put 10–20% of customers in the key group. 40 places and 15% hold both: a small
 * portfolio (85 accounts) gets 13, a large one stops at 40. Important: the next band, at most 35%
 * and 150 accounts, so "regular" stays the moving middle where most customers are (§2).
 */
export const DEFAULT_TIER_CAPACITY = {
  key: { maxCount: 40, maxShare: 0.15 },
  important: { maxCount: 150, maxShare: 0.35 },
} as const;

function recordOf<const K extends readonly string[], S extends z.ZodType>(keys: K, valueSchema: S) {
  const shape = {} as Record<K[number], S>;
  for (const key of keys) shape[key as K[number]] = valueSchema;
  return z.strictObject(shape);
}

const axisLevelThresholdsSchema = z.strictObject({
  /** An axis value at or above this is "medium" (below: "weak"). */
  medium: scorePointsSchema,
  /** An axis value at or above this is "strong". */
  strong: scorePointsSchema,
});

const modelShapeSchema = z.strictObject({
  /** Recorded on every result (`kam_model_version`). */
  version: z.string().trim().min(1, { error: 'must not be empty' }).max(64),
  /** The portal's company currency: `amount` is used without conversion only for deals in it. */
  homeCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code in capitals, e.g. EUR' }),
  /** Deal pipelines (internal ids) whose deals count; empty means every pipeline. */
  pipelines: z.array(z.string().trim().min(1, { error: 'must not be empty' })),
  windows: z.strictObject({
    /** Recent-activity window for meetings and tickets (and the one before it for trends). */
    activityDays: z.number().int().min(7).max(365),
    /** History for yearly volumes, purchase frequency, regularity and win rate (§9 step 1: 3–4 years). */
    historyYears: z.number().int().min(2).max(10),
  }),
  /** How much each axis weighs in the overall score. */
  axisWeights: z.strictObject({ attractiveness: weightSchema, strength: weightSchema }),
  weights: z.strictObject({
    attractiveness: recordOf(ATTRACTIVENESS_FACTORS, weightSchema),
    strength: recordOf(STRENGTH_FACTORS, weightSchema),
  }),
  /** How raw metrics turn into 0–100 factor values. */
  scales: z.strictObject({
    /** The revenue that scores 100 is this percentile of the portfolio's won revenue (companies with revenue). */
    revenueReferencePercentile: z.number().gt(0).max(1),
    /** Used when no portfolio is at hand and none is passed in, or nobody has revenue. */
    revenueReferenceFallback: positiveSchema,
    /** Revenue scores fall linearly in log scale: 0 at reference / 10^decades. */
    revenueDecades: z.number().min(0.5).max(10),
    /** Growth (last 12 months over the 12 before, minus 1) that scores 100; its negative scores 0. */
    growthForFullScore: positiveSchema,
    purchasesPerYearForFullScore: positiveSchema,
    tenureYearsForFullScore: positiveSchema,
    contactDaysForFullScore: z.number().int().min(0),
    contactDaysForZeroScore: positiveIntSchema,
    meetingsForFullScore: positiveIntSchema,
    ticketsForZeroScore: positiveIntSchema,
    openHighPriorityTicketPenalty: scorePointsSchema,
    blockerPenalty: scorePointsSchema,
  }),
  /** 0–100 value of each KAM-input level and HubSpot enumeration option. */
  inputValues: z.strictObject({
    growthPotential: recordOf(INPUT_LEVELS, scorePointsSchema),
    strategicFit: recordOf(INPUT_LEVELS, scorePointsSchema),
    idealCustomerProfile: recordOf(IDEAL_CUSTOMER_PROFILE_TIERS, scorePointsSchema),
    /** Strategic fit of a target account (`hs_is_target_account`) with neither KAM input nor ICP tier. */
    targetAccount: scorePointsSchema,
    reputation: recordOf(REPUTATION_LEVELS, scorePointsSchema),
    perceptionLevel: recordOf(PERCEPTION_LEVELS, scorePointsSchema),
    paymentDiscipline: recordOf(PAYMENT_DISCIPLINE, scorePointsSchema),
  }),
  /** methodology §10: the buying-centre roles we want covered (a blocker is never a role to cover). */
  buyingCentre: z.strictObject({
    keyRoles: z.array(z.enum(HUBSPOT_BUYING_ROLES)).min(1, { error: 'must name at least one role' }),
  }),
  /** methodology §2: tier thresholds on the overall score, and the dead band that stops flapping. */
  tiers: z.strictObject({
    key: scorePointsSchema,
    important: scorePointsSchema,
    hysteresis: z.number().min(0).max(25),
    /**
     * How many places each tier has (key means few: a team can tend only so many accounts
     * closely). A company takes a tier only when it passes the threshold and ranks within the
     * places; models saved before capacity existed get the defaults.
     */
    capacity: z
      .strictObject({ key: tierCapacitySchema, important: tierCapacitySchema })
      .default(DEFAULT_TIER_CAPACITY),
  }),
  /** methodology §4: weak / medium / strong per axis. */
  axisLevels: z.strictObject({
    attractiveness: axisLevelThresholdsSchema,
    strength: axisLevelThresholdsSchema,
  }),
  /**
   * methodology §3–§4: the dead band of the axis levels and KAISM sides. A company keeps its level
   * and quadrant until the axis value passes the cut by this many points, so a value drifting at a
   * cut does not flip its strategy back and forth. Models saved before it existed get 2.
   */
  levelHysteresis: z.number({ error: 'must be a number' }).min(0).max(15).default(2),
  /** methodology §3: an axis value at or above the cut is "high" in the KAISM matrix. */
  kaismCut: z.strictObject({ attractiveness: scorePointsSchema, strength: scorePointsSchema }),
  /** methodology §1 (Pareto): cumulative shares of portfolio won revenue closing class A and class B. */
  pareto: z.strictObject({ a: z.number().gt(0).max(1), b: z.number().gt(0).max(1) }),
  /** methodology §8: when signals fire. */
  risk: z.strictObject({
    volumeDeclineShare: z.number().gt(0).max(1),
    severeVolumeDeclineShare: z.number().gt(0).max(1),
    ticketBurstMinCount: positiveIntSchema,
    ticketBurstRatio: z.number().min(1),
    openHighPriorityTicketsAtRisk: positiveIntSchema,
    meetingProblemShare: z.number().gt(0).max(1),
    meetingProblemMinCount: positiveIntSchema,
    noContactDaysWatch: positiveIntSchema,
    noContactDaysAtRisk: positiveIntSchema,
    lostDealsStreak: positiveIntSchema,
    /** This many signals at "at risk" or worse make the risk critical (§8 stage 3: escalation). */
    criticalSignalCount: z.number().int().min(2),
  }),
  /** issue #17: the graded risk score; a model saved before it existed gets the shipped one. */
  riskScore: riskScoreSchema.default(DEFAULT_RISK_SCORE),
  recommendations: z.strictObject({
    /** A factor below this value (with data and weight) is "weak" and earns its recommendation. */
    weakFactorBelow: scorePointsSchema,
    /** Below this confidence the data itself needs work (§10: information to hold). */
    lowConfidenceBelow: shareSchema,
    max: z.number().int().min(1).max(20),
  }),
});

export type ScoringModel = z.infer<typeof modelShapeSchema>;

/** Rules that tie fields together; each names the field to fix. */
function crossFieldIssues(model: ScoringModel): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const need = (condition: boolean, path: string, message: string) => {
    if (!condition) issues.push({ path, message });
  };
  for (const axis of ['attractiveness', 'strength'] as const) {
    const weights: Record<string, number> = model.weights[axis];
    need(
      Object.values(weights).some((weight) => weight > 0),
      `weights.${axis}`,
      'at least one factor needs a weight above 0',
    );
    const levels = model.axisLevels[axis];
    need(
      levels.strong > levels.medium,
      `axisLevels.${axis}.strong`,
      `must be greater than axisLevels.${axis}.medium (${levels.medium})`,
    );
  }
  need(
    model.axisWeights.attractiveness > 0 || model.axisWeights.strength > 0,
    'axisWeights',
    'at least one axis needs a weight above 0',
  );
  need(
    model.tiers.key > model.tiers.important,
    'tiers.key',
    `must be greater than tiers.important (${model.tiers.important})`,
  );
  need(model.pareto.b >= model.pareto.a, 'pareto.b', `must be at least pareto.a (${model.pareto.a})`);
  need(
    model.risk.severeVolumeDeclineShare > model.risk.volumeDeclineShare,
    'risk.severeVolumeDeclineShare',
    `must be greater than risk.volumeDeclineShare (${model.risk.volumeDeclineShare})`,
  );
  need(
    model.risk.noContactDaysAtRisk > model.risk.noContactDaysWatch,
    'risk.noContactDaysAtRisk',
    `must be greater than risk.noContactDaysWatch (${model.risk.noContactDaysWatch})`,
  );
  need(
    model.scales.contactDaysForZeroScore > model.scales.contactDaysForFullScore,
    'scales.contactDaysForZeroScore',
    `must be greater than scales.contactDaysForFullScore (${model.scales.contactDaysForFullScore})`,
  );
  for (const [id, signal] of Object.entries(model.riskScore.signals)) {
    need(signal.to > signal.from, `riskScore.signals.${id}.to`, `must be greater than from (${signal.from})`);
  }
  const cuts = model.riskScore.levels;
  need(cuts.atRisk > cuts.watch, 'riskScore.levels.atRisk', `must be greater than watch (${cuts.watch})`);
  need(
    cuts.critical > cuts.atRisk,
    'riskScore.levels.critical',
    `must be greater than atRisk (${cuts.atRisk})`,
  );
  need(
    !model.buyingCentre.keyRoles.includes('BLOCKER'),
    'buyingCentre.keyRoles',
    'BLOCKER is an anti-sponsor, not a role to cover',
  );
  return issues;
}

/** The scoring model's zod schema, cross-field rules included. */
export const scoringModelSchema = modelShapeSchema.superRefine((model, ctx) => {
  for (const issue of crossFieldIssues(model)) {
    ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  }
});

/** Validates an untrusted model (settings page, stored JSON, `--model` file) and names every bad field path. */
export function validateModel(json: unknown): ValidationResult<ScoringModel> {
  const parsed = scoringModelSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: toValidationIssues(parsed.error.issues) };
}
