/** Parameters and results of the functions the key-account card calls. */
import { z } from 'zod';
import { ATTITUDES, CAREER_STAGES, INFLUENCE_LEVELS, STRATEGIES, TIERS } from '../../../engine/core';
import { UI_LANGUAGES } from './client';
import { adminRequestShape, functionResultSchema, recordIdSchema } from './common';

/** The company id comes from `propertiesToSend: ['hs_object_id']`; `companyId` is for callers without a record. */
export const recalculateCompanyParamsSchema = z.object({ companyId: recordIdSchema.optional() });
export type RecalculateCompanyParams = z.infer<typeof recalculateCompanyParamsSchema>;

export const recalculateCompanyResultSchema = functionResultSchema({
  companyId: z.string(),
  /** The kam_* properties that changed and were written; empty when nothing changed. */
  changedProperties: z.array(z.string()),
  /** True when the company had more associated records than one recalculation reads. */
  truncated: z.boolean(),
  modelVersion: z.string(),
});
export type RecalculateCompanyResult = z.infer<typeof recalculateCompanyResultSchema>;

/** The card's score trend: `kam_score` and `kam_tier` over time, from HubSpot's property history. */
export const scoreHistoryParamsSchema = z.object({ companyId: recordIdSchema.optional() });
export type ScoreHistoryParams = z.infer<typeof scoreHistoryParamsSchema>;

export const scoreHistoryPointSchema = z.object({
  /** When HubSpot recorded this `kam_score` value (ISO). */
  at: z.string(),
  score: z.number().min(0).max(100),
  /** The `kam_tier` in force at that moment; null when the tier history does not reach back that far. */
  tier: z.enum(TIERS).nullable(),
});
export type ScoreHistoryPoint = z.infer<typeof scoreHistoryPointSchema>;

export const scoreHistoryResultSchema = functionResultSchema({
  companyId: z.string(),
  /** Oldest first, at most the newest SCORE_HISTORY_MAX_POINTS. */
  points: z.array(scoreHistoryPointSchema),
  /** True when older points were left out. */
  truncated: z.boolean(),
});
export type ScoreHistoryResult = z.infer<typeof scoreHistoryResultSchema>;

export const createTaskParamsSchema = z.object({
  companyId: recordIdSchema.optional(),
  /** A recommendation id from the company's stored kam_explanation; its title and reason come from there. */
  recommendationId: z.string().min(1).max(100),
  language: z.enum(UI_LANGUAGES).default('en'),
});
export type CreateTaskParams = z.input<typeof createTaskParamsSchema>;

export const createTaskResultSchema = functionResultSchema({
  taskId: z.string(),
  /** False when today's task for this company and recommendation already existed (and was returned). */
  created: z.boolean(),
  subject: z.string(),
});
export type CreateTaskResult = z.infer<typeof createTaskResultSchema>;

/** A pin lasts at most a year: an override nobody revisits should not outlive the account plan. */
export const PIN_MAX_DAYS = 365;
export const PIN_REASON_MAX_LENGTH = 1000;

/**
 * Pin a company's tier (and optionally its strategy) or clear the pin; admin key required
 * (docs/decisions/0004-who-may-pin.md). That `expiresAt` is in the future and within
 * PIN_MAX_DAYS is checked by the function against its own clock.
 */
export const pinTierParamsSchema = z.discriminatedUnion('action', [
  z.object({
    ...adminRequestShape,
    action: z.literal('set'),
    companyId: recordIdSchema.optional(),
    tier: z.enum(TIERS),
    strategy: z.enum(STRATEGIES).optional(),
    reason: z.string().trim().min(1, { error: 'say why the tier is pinned' }).max(PIN_REASON_MAX_LENGTH),
    expiresAt: z.iso.datetime({
      offset: true,
      error: 'must be an ISO date and time, e.g. 2027-03-31T00:00:00Z',
    }),
  }),
  z.object({
    ...adminRequestShape,
    action: z.literal('clear'),
    companyId: recordIdSchema.optional(),
  }),
]);
export type PinTierParams = z.input<typeof pinTierParamsSchema>;

export const pinTierResultSchema = functionResultSchema({
  companyId: z.string(),
  /** What `kam_tier` holds after the immediate rescoring: the pinned tier, or the computed one after a clear. */
  tier: z.enum(TIERS),
  computedTier: z.enum(TIERS),
  changedProperties: z.array(z.string()),
});
export type PinTierResult = z.infer<typeof pinTierResultSchema>;

/** A contact's value to set, or '' to clear it; the message names the options. */
const clearableOption = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(['', ...values], { error: `must be one of ${values.join(', ')}, or '' to clear` }).optional();

/** The three judgements of a person the organisation map shows (003). */
export const CONTACT_KAM_FIELD_NAMES = ['influence', 'attitude', 'career'] as const;
export type ContactKamFieldName = (typeof CONTACT_KAM_FIELD_NAMES)[number];

/**
 * Set a contact's `kam_influence`, `kam_attitude`, `kam_career` from the card's organisation map.
 * Fields left out stay as they are; at least one is required. The contact must be associated with
 * the card's company (`hs_object_id`, or `companyId`); the function checks it.
 */
export const setContactKamParamsSchema = z
  .object({
    companyId: recordIdSchema.optional(),
    contactId: recordIdSchema,
    influence: clearableOption(INFLUENCE_LEVELS),
    attitude: clearableOption(ATTITUDES),
    career: clearableOption(CAREER_STAGES),
  })
  .refine((params) => CONTACT_KAM_FIELD_NAMES.some((field) => params[field] !== undefined), {
    error: 'set at least one of influence, attitude, career',
  });
export type SetContactKamParams = z.input<typeof setContactKamParamsSchema>;

const contactKamValueSchema = z.string().nullable();

export const setContactKamResultSchema = functionResultSchema({
  companyId: z.string(),
  contactId: z.string(),
  /** What changed on the contact (null: empty); empty when every value sent was already stored. */
  contactChanges: z.array(
    z.object({
      field: z.enum(CONTACT_KAM_FIELD_NAMES),
      from: contactKamValueSchema,
      to: contactKamValueSchema,
    }),
  ),
  /** The contact's three values after the save. */
  contact: z.object({
    influence: contactKamValueSchema,
    attitude: contactKamValueSchema,
    career: contactKamValueSchema,
  }),
  /** The company's kam_* properties the rescoring changed. */
  changedProperties: z.array(z.string()),
});
export type SetContactKamResult = z.infer<typeof setContactKamResultSchema>;
