/** Parameters and results of the functions the settings page calls. */
import { z } from 'zod';
import { scoringModelSchema } from '../../../engine/settings';
import {
  actingUserSchema,
  adminRequestShape,
  fieldIssueSchema,
  functionResultSchema,
  recordIdSchema,
} from './common';

/** One saved version of the scoring model, as the settings page lists it. */
export const modelVersionSchema = z.object({
  /** The id of the stored record; what rollback takes. */
  versionId: z.string(),
  /** The model's version label, recorded on every company it scores (`kam_model_version`). */
  version: z.string(),
  savedAt: z.string(),
  savedBy: actingUserSchema,
  note: z.string(),
  isActive: z.boolean(),
  /** False when the stored JSON no longer passes the schema: listed, never used, never rolled back to. */
  isValid: z.boolean(),
});
export type ModelVersion = z.infer<typeof modelVersionSchema>;

export const HISTORY_LIMIT_MAX = 50;

export const getModelParamsSchema = z.object({
  historyLimit: z.number().int().min(1).max(HISTORY_LIMIT_MAX).default(20),
});
export type GetModelParams = z.input<typeof getModelParamsSchema>;

export const getModelResultSchema = functionResultSchema({
  /** What every scoring path uses now: the active stored version, or the shipped defaults. */
  active: z.object({
    model: scoringModelSchema,
    source: z.enum(['stored', 'default']),
    version: modelVersionSchema.nullable(),
  }),
  history: z.array(modelVersionSchema),
  /** Stored versions that fail validation, with the field paths at fault. */
  problems: z.array(z.object({ versionId: z.string(), issues: z.array(fieldIssueSchema) })),
});
export type GetModelResult = z.infer<typeof getModelResultSchema>;

export const saveModelParamsSchema = z.object({
  ...adminRequestShape,
  /** Validated inside the function with the same schema; sent as the page holds it. */
  model: z.unknown(),
  note: z.string().max(500).default(''),
});
export type SaveModelParams = z.input<typeof saveModelParamsSchema>;

export const rollbackModelParamsSchema = z.object({
  ...adminRequestShape,
  versionId: recordIdSchema,
});
export type RollbackModelParams = z.input<typeof rollbackModelParamsSchema>;

export const savedModelResultSchema = functionResultSchema({ version: modelVersionSchema });
export type SavedModelResult = z.infer<typeof savedModelResultSchema>;

export const PREVIEW_SAMPLE_MAX = 500;

export const previewModelParamsSchema = z.object({
  model: z.unknown(),
  sampleSize: z.number().int().min(1).max(PREVIEW_SAMPLE_MAX).default(200),
});
export type PreviewModelParams = z.input<typeof previewModelParamsSchema>;

const transitionSchema = z.object({ from: z.string(), to: z.string(), count: z.number().int() });

/** Below this many decliners in the sample, an AUC says nothing: the preview reports none. */
export const BACKTEST_MIN_DECLINERS = 3;

/** One model's backtest figures on the sample. */
const backtestFiguresSchema = z.object({
  modelVersion: z.string(),
  /** AUC of the risk level at as-of for decline over the horizon; null with too few decliners. */
  declineAuc: z.number().nullable(),
  keyAccountsAtAsOf: z.number().int(),
  /** Share of the horizon's won revenue held by the companies in tier `key` at as-of. */
  keyRevenueShare: z.number().nullable(),
});
export type BacktestFigures = z.infer<typeof backtestFiguresSchema>;

/**
 * "Would this model have seen it coming?" on the preview's sample: scored as the sampled companies
 * stood at `asOf` and judged by the following horizon. A sample estimate, not the portfolio's figure.
 */
export const previewBacktestSchema = z.object({
  asOf: z.string(),
  horizonEnd: z.string(),
  horizonMonths: z.number().int(),
  /** Sampled companies that existed at as-of: the sample the figures are estimated on. */
  sampleSize: z.number().int(),
  /** Of those, the ones that bought in the year before as-of (the ones that can decline). */
  buyingAtAsOf: z.number().int(),
  declined: z.number().int(),
  /** False when fewer than BACKTEST_MIN_DECLINERS declined: every AUC is then null. */
  enoughDecliners: z.boolean(),
  /** Ranking by the year's revenue before as-of, lowest first: what the models should beat. */
  revenueBaselineDeclineAuc: z.number().nullable(),
  active: backtestFiguresSchema,
  draft: backtestFiguresSchema,
});
export type PreviewBacktest = z.infer<typeof previewBacktestSchema>;

export const previewModelResultSchema = functionResultSchema({
  /** Companies read (most recently scored first). */
  sampled: z.number().int(),
  /** Of those, the ones with a stored breakdown the preview could re-weigh. */
  compared: z.number().int(),
  tierChanges: z.number().int(),
  quadrantChanges: z.number().int(),
  tierTransitions: z.array(transitionSchema),
  quadrantTransitions: z.array(transitionSchema),
  /** True when more scored companies exist than the sample holds. */
  truncated: z.boolean(),
  /** The backtest of the active model and the draft on the same sample. */
  backtest: previewBacktestSchema,
});
export type PreviewModelResult = z.infer<typeof previewModelResultSchema>;
