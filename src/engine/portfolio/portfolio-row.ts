/**
 * The portfolio analysis reads only what Keystone already stored on each company: the `kam_*`
 * output properties, two KAM inputs and the `kam_explanation` document. Rows arrive as HubSpot
 * sends them (every value a string or null) and are parsed leniently: a bad value becomes null and
 * is counted, a row without any score is counted as unscored, nothing ever becomes NaN.
 */
import { z } from 'zod';
import {
  AXIS_LEVELS,
  KAISM_QUADRANTS,
  LOSS_REASONS,
  ORGANISATION_GAPS,
  PARETO_CLASSES,
  PLAN_STATUSES,
  RISK_LEVELS,
  STRATEGIES,
  SUPPLIER_POSITIONS,
  TIER_DIRECTIONS,
  TIERS,
  type AxisLevel,
  type KaismQuadrant,
  type LossReason,
  type OrganisationGapId,
  type ParetoClass,
  type PlanStatus,
  type RiskLevel,
  type Strategy,
  type SupplierPosition,
  type Tier,
  type TierDirection,
} from '../core/enums';

/** HubSpot internal names the analysis reads; the reader requests exactly these. */
export const PORTFOLIO_PROPERTIES = [
  'name',
  'kam_score',
  'kam_attractiveness',
  'kam_strength',
  'kam_tier',
  'kam_tier_previous',
  'kam_tier_changed_at',
  'kam_tier_direction',
  'kam_quadrant',
  'kam_strategy',
  'kam_pareto_class',
  'kam_risk_level',
  'kam_loss_stage',
  'kam_risk_reasons',
  'kam_won_revenue_12m',
  'kam_growth',
  'kam_loss_reason',
  'kam_annual_cost_to_serve',
  'kam_explanation',
  'kam_supplier_position',
  // written by the account-plan sync; read by name, older syncs never wrote it
  'kam_plan_status',
  'kam_buying_centre_gaps',
] as const;
export type PortfolioProperty = (typeof PORTFOLIO_PROPERTIES)[number];

export const portfolioRowSchema = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable().optional()),
});
/** One company as HubSpot returns it: `{ id, properties }` with string-or-null values. */
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export type YearAmount = { year: number; amount: number };

/** One company's stored Keystone values, typed. Missing or unreadable values are null. */
export type PortfolioCompany = {
  id: string;
  name: string | null;
  score: number | null;
  attractiveness: number | null;
  strength: number | null;
  tier: Tier | null;
  tierPrevious: Tier | null;
  /** ISO 8601. */
  tierChangedAt: string | null;
  tierDirection: TierDirection | null;
  quadrant: KaismQuadrant | null;
  strategy: Strategy | null;
  paretoClass: ParetoClass | null;
  riskLevel: RiskLevel | null;
  lossStage: number | null;
  /** `kam_risk_reasons`, one signal per line. */
  riskReasons: string[];
  wonRevenueLast12Months: number | null;
  /** Won revenue of the last 12 months over the 12 before, minus 1. */
  growth: number | null;
  lossReason: LossReason | null;
  annualCostToServe: number | null;
  /** methodology §6: `kam_supplier_position`; null when not set. */
  supplierPosition: SupplierPosition | null;
  /** `kam_plan_status`; null when empty (not yet computed by a sync) or unreadable. */
  planStatus: PlanStatus | null;
  /**
   * 003 organisation map: `kam_buying_centre_gaps`, the gap ids in catalogue order. Empty when the
   * property is empty: no gaps, or not yet written by a sync of this version (HubSpot cannot tell).
   */
  buyingCentreGaps: OrganisationGapId[];
  /** From `kam_explanation`: the §4 levels of both axes. */
  attractivenessLevel: AxisLevel | null;
  strengthLevel: AxisLevel | null;
  /** From `kam_explanation`: the risk signals' English texts. */
  riskSignals: string[];
  /** From `kam_explanation`: won revenue per calendar year, oldest first. */
  revenueByYear: YearAmount[];
  /** From `kam_explanation`: the tier the company passed by thresholds (tier capacity). */
  thresholdTier: Tier | null;
  /** From `kam_explanation`: the places of each capped tier in the run that wrote it. */
  tierPlaces: StoredTierPlaces | null;
};

/** Places and use of the capped tiers, as the run that wrote a company stored them. */
export type StoredTierPlaces = Record<'key' | 'important', { places: number; used: number; leftOut: number }>;

/** A value that was present but could not be read. */
export type FieldIssue = { id: string; property: string; value: string };

export type ParsedPortfolio = {
  companies: PortfolioCompany[];
  /** Rows that were not `{ id, properties }` at all. */
  rejectedRows: number;
  /** Companies with neither a tier nor a score: never scored by Keystone. */
  unscoredIds: string[];
  fieldIssues: FieldIssue[];
};

const numberText = z
  .string()
  .trim()
  .min(1)
  .transform((text) => Number(text))
  .pipe(z.number().finite());

const tierSchema = z.enum(TIERS);
const tierDirectionSchema = z.enum(TIER_DIRECTIONS);
const quadrantSchema = z.enum(KAISM_QUADRANTS);
const strategySchema = z.enum(STRATEGIES);
const paretoClassSchema = z.enum(PARETO_CLASSES);
const riskLevelSchema = z.enum(RISK_LEVELS);
const lossReasonSchema = z.enum(LOSS_REASONS);
const axisLevelSchema = z.enum(AXIS_LEVELS);

const placesSchema = z.object({
  places: z.number().int().nonnegative(),
  used: z.number().int().nonnegative(),
  leftOut: z.number().int().nonnegative(),
});

/**
 * Only the parts of `kam_explanation` the analysis needs, each read on its own so a document from
 * a newer model version (or a partly broken one) still gives what it can.
 */
const explanationPartsSchema = z.object({
  attractivenessLevel: axisLevelSchema.optional().catch(undefined),
  strengthLevel: axisLevelSchema.optional().catch(undefined),
  risk: z
    .object({
      signals: z
        .array(z.object({ text: z.object({ en: z.string() }) }).catch({ text: { en: '' } }))
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  revenueByYear: z
    .array(z.object({ year: z.number().int(), amount: z.number().finite() }).nullable().catch(null))
    .optional()
    .catch(undefined),
  thresholdTier: tierSchema.optional().catch(undefined),
  portfolio: z
    .object({ tiers: z.object({ key: placesSchema, important: placesSchema }).optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

type ExplanationParts = {
  attractivenessLevel: AxisLevel | null;
  strengthLevel: AxisLevel | null;
  riskSignals: string[];
  revenueByYear: YearAmount[];
  thresholdTier: Tier | null;
  tierPlaces: StoredTierPlaces | null;
};

const NO_EXPLANATION: ExplanationParts = {
  attractivenessLevel: null,
  strengthLevel: null,
  riskSignals: [],
  revenueByYear: [],
  thresholdTier: null,
  tierPlaces: null,
};

function parseExplanation(text: string): ExplanationParts | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = explanationPartsSchema.safeParse(json);
  if (!parsed.success) return null;
  const byYear = new Map<number, number>();
  for (const entry of parsed.data.revenueByYear ?? []) {
    if (entry) byYear.set(entry.year, (byYear.get(entry.year) ?? 0) + entry.amount);
  }
  return {
    attractivenessLevel: parsed.data.attractivenessLevel ?? null,
    strengthLevel: parsed.data.strengthLevel ?? null,
    riskSignals: (parsed.data.risk?.signals ?? []).map((signal) => signal.text.en.trim()).filter(Boolean),
    revenueByYear: [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, amount]) => ({ year, amount })),
    thresholdTier: parsed.data.thresholdTier ?? null,
    tierPlaces: parsed.data.portfolio?.tiers ?? null,
  };
}

/** HubSpot datetime values arrive as ISO strings or as epoch milliseconds. */
function parseDateTime(text: string): string | null {
  const trimmed = text.trim();
  const epoch = /^\d{10,14}$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  return Number.isFinite(epoch) ? new Date(epoch).toISOString() : null;
}

const lines = (text: string | null): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A multi-select value (`;`-separated): the known gap ids in catalogue order; unknown parts are reported. */
function gapsOf(text: string | null, report: (unknown: string) => void): OrganisationGapId[] {
  if (text === null) return [];
  const parts = new Set(
    text
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean),
  );
  const unknown = [...parts].filter((part) => !(ORGANISATION_GAPS as readonly string[]).includes(part));
  if (unknown.length > 0) report(unknown.join(';'));
  return ORGANISATION_GAPS.filter((gap) => parts.has(gap));
}

/** Parses the stored values of one company; every unreadable value is reported in `issues`. */
export function parsePortfolioRow(row: PortfolioRow): { company: PortfolioCompany; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const raw = (property: PortfolioProperty): string | null => {
    const value = row.properties[property];
    return value === undefined || value === null || value.trim() === '' ? null : value;
  };
  const read = <T>(property: PortfolioProperty, parse: (text: string) => T | null): T | null => {
    const text = raw(property);
    if (text === null) return null;
    const value = parse(text);
    if (value === null) issues.push({ id: row.id, property, value: text.slice(0, 80) });
    return value;
  };
  const withSchema =
    <T>(schema: z.ZodType<T>) =>
    (text: string): T | null => {
      const parsed = schema.safeParse(text.trim());
      return parsed.success ? parsed.data : null;
    };
  const number = withSchema(numberText);
  const nonNegative = (text: string): number | null => {
    const value = number(text);
    return value !== null && value >= 0 ? value : null;
  };
  const score = (text: string): number | null => {
    const value = number(text);
    return value !== null && value >= 0 && value <= 100 ? value : null;
  };
  const explanation = read('kam_explanation', parseExplanation) ?? NO_EXPLANATION;
  const lossStage = read('kam_loss_stage', (text) => {
    const value = number(text);
    return value !== null && Number.isInteger(value) && value >= 0 && value <= 4 ? value : null;
  });
  const company: PortfolioCompany = {
    id: row.id,
    name: raw('name')?.trim() ?? null,
    score: read('kam_score', score),
    attractiveness: read('kam_attractiveness', score),
    strength: read('kam_strength', score),
    tier: read('kam_tier', withSchema(tierSchema)),
    tierPrevious: read('kam_tier_previous', withSchema(tierSchema)),
    tierChangedAt: read('kam_tier_changed_at', parseDateTime),
    tierDirection: read('kam_tier_direction', withSchema(tierDirectionSchema)),
    quadrant: read('kam_quadrant', withSchema(quadrantSchema)),
    strategy: read('kam_strategy', withSchema(strategySchema)),
    paretoClass: read('kam_pareto_class', withSchema(paretoClassSchema)),
    riskLevel: read('kam_risk_level', withSchema(riskLevelSchema)),
    lossStage,
    riskReasons: lines(raw('kam_risk_reasons')),
    wonRevenueLast12Months: read('kam_won_revenue_12m', nonNegative),
    growth: read('kam_growth', (text) => {
      const value = number(text);
      return value !== null && value >= -1 ? value : null;
    }),
    lossReason: read('kam_loss_reason', withSchema(lossReasonSchema)),
    annualCostToServe: read('kam_annual_cost_to_serve', nonNegative),
    supplierPosition: read('kam_supplier_position', withSchema(z.enum(SUPPLIER_POSITIONS))),
    planStatus: read('kam_plan_status', withSchema(z.enum(PLAN_STATUSES))),
    buyingCentreGaps: gapsOf(raw('kam_buying_centre_gaps'), (text) =>
      issues.push({ id: row.id, property: 'kam_buying_centre_gaps', value: text.slice(0, 80) }),
    ),
    ...explanation,
  };
  return { company, issues };
}

/**
 * Parses a page or a whole portfolio of stored rows.
 *
 * @example
 * // rows: the records readStoredPortfolio's onPage handed over
 * const { companies, unscoredIds } = parsePortfolioRows(rows);
 */
export function parsePortfolioRows(rows: Iterable<unknown>): ParsedPortfolio {
  const result: ParsedPortfolio = { companies: [], rejectedRows: 0, unscoredIds: [], fieldIssues: [] };
  for (const candidate of rows) appendParsedRow(result, candidate);
  return result;
}

/** Adds one more row to a running parse (the reader feeds pages without keeping raw rows). */
export function appendParsedRow(into: ParsedPortfolio, candidate: unknown): void {
  const row = portfolioRowSchema.safeParse(candidate);
  if (!row.success) {
    into.rejectedRows += 1;
    return;
  }
  const { company, issues } = parsePortfolioRow(row.data);
  into.fieldIssues.push(...issues);
  if (company.tier === null && company.score === null) into.unscoredIds.push(company.id);
  else into.companies.push(company);
}

export function emptyParsedPortfolio(): ParsedPortfolio {
  return { companies: [], rejectedRows: 0, unscoredIds: [], fieldIssues: [] };
}
