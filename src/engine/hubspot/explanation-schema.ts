/**
 * The JSON document stored in `kam_explanation`: what the card needs to show "why this score"
 * without calling a function. Versioned (`v`) so a card can refuse a document it does not know.
 * Kept under HubSpot's 65,536-character textarea limit by the serializer (lists are capped).
 */
import { z } from 'zod';

const localisedSchema = z.object({ en: z.string(), ru: z.string() });
export type Localised = z.infer<typeof localisedSchema>;

export const explanationFactorSchema = z.object({
  id: z.string(),
  label: localisedSchema,
  /** 0–100, or null when the factor had no data (then it carries no weight). */
  value: z.number().nullable(),
  weight: z.number(),
  contribution: z.number(),
  hasData: z.boolean(),
});

export const explanationSchema = z.object({
  v: z.literal(1),
  modelVersion: z.string(),
  /** Not written any more: a time in the document made every later rescore a write (see kam_scored_at). */
  scoredAt: z.string().optional(),
  factors: z.object({
    attractiveness: z.array(explanationFactorSchema),
    strength: z.array(explanationFactorSchema),
  }),
  dataGaps: z.array(z.string()),
  dataIssueCount: z.number().int().nonnegative(),
  attractivenessLevel: z.enum(['weak', 'medium', 'strong']),
  strengthLevel: z.enum(['weak', 'medium', 'strong']),
  risk: z.object({
    level: z.enum(['none', 'watch', 'at_risk', 'critical']),
    lossStage: z.number().int().min(0).max(4),
    signals: z.array(z.object({ id: z.string(), severity: z.string(), text: localisedSchema })),
  }),
  recommendations: z.array(
    z.object({ id: z.string(), priority: z.number(), title: localisedSchema, reason: localisedSchema }),
  ),
  revenueByYear: z.array(z.object({ year: z.number().int(), amount: z.number() })),
  /**
   * The portfolio-level inputs of the run that produced this score, so rescoring one company
   * (card, webhook, workflow action) reuses them instead of reading the whole portfolio.
   */
  portfolio: z
    .object({ revenueReference: z.number().positive(), paretoClass: z.enum(['A', 'B', 'C']) })
    .optional(),
});
export type Explanation = z.infer<typeof explanationSchema>;
