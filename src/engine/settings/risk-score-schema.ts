/**
 * The model's `riskScore` section (issue #17): a weight per warning sign, the ramp that turns its
 * evidence into a strength 0–1, the cut points of the risk levels, and, once `kam calibrate` has
 * fitted the weights, what they were fitted on and how the levels turned out in that history.
 */
import { z } from 'zod';
import { RISK_LEVELS, RISK_SCORE_SIGNALS } from '../core/enums';

const scorePointsSchema = z.number({ error: 'must be a number' }).min(0).max(100);
const countSchema = z.number().int().min(0);

const signalSchema = z.strictObject({
  /** Log-odds added at full strength; never negative (the methodology fixes the direction). */
  weight: z.number({ error: 'must be a number' }).finite().min(0, { error: 'must be 0 or more' }).max(50),
  /** Evidence at or below this is no sign (strength 0). */
  from: z.number({ error: 'must be a number' }).finite(),
  /** Evidence at or above this is the full sign (strength 1). */
  to: z.number({ error: 'must be a number' }).finite(),
});

const levelOutcomeSchema = z.strictObject({ accounts: countSchema, declined: countSchema });

/** What a calibration was fitted on, and what each level meant in that history. */
export const riskCalibrationSchema = z.strictObject({
  method: z.literal('monotone-logistic-l2'),
  fittedAt: z.string().min(1),
  /** The as-of dates of the examples, oldest first (ISO dates). */
  asOfDates: z.array(z.string().min(1)).min(1),
  horizonMonths: z.number().int().min(1).max(120),
  declineShare: z.number().gt(0).lt(1),
  examples: countSchema,
  declines: countSchema,
  penalty: z.number().min(0),
  /** Out-of-time decline AUC: each fold fitted on earlier as-of dates, judged on a later one. */
  crossValidatedAuc: z.number().min(0).max(1).nullable(),
  brierScore: z.number().min(0).max(1).nullable(),
  /** Per risk level, accounts scored at that level over every as-of date and how many declined. */
  levels: z.strictObject(
    Object.fromEntries(RISK_LEVELS.map((level) => [level, levelOutcomeSchema])) as Record<
      (typeof RISK_LEVELS)[number],
      typeof levelOutcomeSchema
    >,
  ),
});

const signalsShape = Object.fromEntries(RISK_SCORE_SIGNALS.map((id) => [id, signalSchema])) as Record<
  (typeof RISK_SCORE_SIGNALS)[number],
  typeof signalSchema
>;

export const riskScoreSchema = z.strictObject({
  /** Log-odds with no sign at all. */
  intercept: z.number({ error: 'must be a number' }).finite().min(-20).max(20),
  signals: z.strictObject(signalsShape),
  /** A risk score at or above a cut is that level (§8 stages 1–3). */
  levels: z.strictObject({
    watch: scorePointsSchema,
    atRisk: scorePointsSchema,
    critical: scorePointsSchema,
  }),
  calibration: riskCalibrationSchema.optional(),
});

export type RiskScoreSettings = z.output<typeof riskScoreSchema>;
export type RiskCalibration = z.output<typeof riskCalibrationSchema>;
