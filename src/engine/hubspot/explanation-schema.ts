/**
 * The JSON document stored in `kam_explanation`: what the card needs to show "why this score"
 * without calling a function. Versioned (`v`) so a card can refuse a document it does not know.
 * Kept under HubSpot's 65,536-character textarea limit by the serializer (lists are capped).
 *
 * Version 2 (written since) leaves out the factor labels and action titles: they are fixed texts
 * the catalogue holds (core/catalogue-texts.ts), and repeating them in every company's document
 * made each about a third bigger. Parsing fills them in, so readers see one shape for v1 and v2.
 */
import { z } from 'zod';
import { FACTOR_LABELS, RECOMMENDATION_TITLES, type CatalogueText } from '../core/catalogue-texts';
import { planAssessmentSchema } from '../core/account-plan';
import { POSITION_INPUT_FIELDS, SUPPLIER_POSITIONS } from '../core/enums';

const localisedSchema = z.object({ en: z.string(), ru: z.string() });
export type Localised = z.infer<typeof localisedSchema>;

const factorFields = {
  id: z.string(),
  /** 0–100, or null when the factor had no data (then it carries no weight). */
  value: z.number().nullable(),
  weight: z.number(),
  contribution: z.number(),
  hasData: z.boolean(),
};

const tierPlacesSchema = z.object({
  places: z.number().int().nonnegative(),
  used: z.number().int().nonnegative(),
  leftOut: z.number().int().nonnegative(),
  line: z.object({ rank: z.number(), companyId: z.string() }).nullable(),
});
export type StoredTierPlaces = z.infer<typeof tierPlacesSchema>;

const recommendationFields = { id: z.string(), priority: z.number(), reason: localisedSchema };

const sharedFields = {
  modelVersion: z.string(),
  /** Not written any more: a time in the document made every later rescore a write (see kam_scored_at). */
  scoredAt: z.string().optional(),
  dataGaps: z.array(z.string()),
  dataIssueCount: z.number().int().nonnegative(),
  attractivenessLevel: z.enum(['weak', 'medium', 'strong']),
  strengthLevel: z.enum(['weak', 'medium', 'strong']),
  risk: z.object({
    level: z.enum(['none', 'watch', 'at_risk', 'critical']),
    lossStage: z.number().int().min(0).max(4),
    signals: z.array(z.object({ id: z.string(), severity: z.string(), text: localisedSchema })),
    /** The graded risk score 0–100 (issue #17); absent in documents written before it. */
    score: z.number().min(0).max(100).optional(),
    /** The warning signs that raise the score, most points first (whole points). */
    contributions: z.array(z.object({ id: z.string(), points: z.number() })).optional(),
    /** From the model's calibration: how accounts at this level fared in this portal's history. */
    calibrated: z
      .object({
        accounts: z.number().int().nonnegative(),
        declined: z.number().int().nonnegative(),
        horizonMonths: z.number().int().positive(),
      })
      .optional(),
  }),
  revenueByYear: z.array(z.object({ year: z.number().int(), amount: z.number() })),
  /**
   * The portfolio-level inputs of the run that produced this score, so rescoring one company
   * (card, webhook, workflow action) reuses them instead of reading the whole portfolio.
   */
  portfolio: z
    .object({
      revenueReference: z.number().positive(),
      paretoClass: z.enum(['A', 'B', 'C']),
      /** The portfolio's won-revenue quantiles the revenue factor ranked against (since tier capacity). */
      revenueQuantiles: z.array(z.number()).optional(),
      /** Places, use and line of each capped tier in that run (since tier capacity). */
      tiers: z.object({ key: tierPlacesSchema, important: tierPlacesSchema }).optional(),
    })
    .optional(),
  /** The tier the company passed by thresholds; below `tier` when it ranked below a line (since tier capacity). */
  thresholdTier: z.enum(['key', 'important', 'regular']).optional(),
  /**
   * Supplier positioning (methodology §6) and why it is empty: inputs with no value, inputs with a
   * value other than low/high. Absent when neither input was ever filled in (and before it existed).
   */
  position: z
    .object({
      value: z.enum(SUPPLIER_POSITIONS).nullable(),
      missing: z.array(z.enum(POSITION_INPUT_FIELDS)),
      invalid: z.array(z.enum(POSITION_INPUT_FIELDS)),
    })
    .optional(),
  /**
   * The account development plan as the rescoring assessed it (methodology §10). Absent for a
   * company that never had a plan (and before plans existed).
   */
  plan: planAssessmentSchema.optional(),
};

const factorsOf = <T extends z.ZodType>(factor: T) =>
  z.object({ attractiveness: z.array(factor), strength: z.array(factor) });

const version1Schema = z.object({
  v: z.literal(1),
  ...sharedFields,
  factors: factorsOf(z.object({ ...factorFields, label: localisedSchema })),
  recommendations: z.array(z.object({ ...recommendationFields, title: localisedSchema })),
});

const version2Schema = z.object({
  v: z.literal(2),
  ...sharedFields,
  factors: factorsOf(z.object(factorFields)),
  recommendations: z.array(z.object(recommendationFields)),
});

/** What the sync writes. */
export type StoredExplanation = z.input<typeof version2Schema>;

/** A text the catalogue does not hold (a document from a newer version) shows its id. */
const catalogueText = (texts: Readonly<Record<string, CatalogueText>>, id: string): Localised => {
  const text = Object.hasOwn(texts, id) ? texts[id] : undefined;
  return text ? { en: text.en, ru: text.ru } : { en: id, ru: id };
};

export const explanationSchema = z
  .discriminatedUnion('v', [version1Schema, version2Schema])
  .transform((document) => {
    if (document.v === 1) return document;
    const withLabel = (factor: z.infer<typeof version2Schema>['factors']['strength'][number]) => ({
      ...factor,
      label: catalogueText(FACTOR_LABELS, factor.id),
    });
    return {
      ...document,
      factors: {
        attractiveness: document.factors.attractiveness.map(withLabel),
        strength: document.factors.strength.map(withLabel),
      },
      recommendations: document.recommendations.map((recommendation) => ({
        ...recommendation,
        title: catalogueText(RECOMMENDATION_TITLES, recommendation.id),
      })),
    };
  });

/** A parsed document, v1 or v2: labels and titles are always there. */
export type Explanation = z.output<typeof explanationSchema>;
