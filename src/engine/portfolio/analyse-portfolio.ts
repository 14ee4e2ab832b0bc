/**
 * The whole portfolio view in one pure call: KAISM matrix, 3×3 strategy distribution, tier movers,
 * key accounts at risk, Pareto summary and the declining key-account analysis. Input is the parsed
 * stored values; nothing is rescored here.
 */
import { z } from 'zod';
import { RISK_LEVELS, TIERS, type Tier } from '../core/enums';
import { atRiskKeys, type AtRiskKeys } from './at-risk-keys';
import { buyingCentreGaps, type BuyingCentreGaps } from './buying-centre-gaps';
import {
  DEFAULT_DECLINING_OPTIONS,
  decliningKeyAccounts,
  type DecliningAnalysis,
} from './declining-accounts';
import { kaismMatrix, type KaismMatrix } from './kaism-matrix';
import { paretoSummary, type ParetoSummary } from './pareto-summary';
import { planCoverage, type PlanCoverage } from './plan-coverage';
import type { ParsedPortfolio } from './portfolio-row';
import { strategyDistribution, type StrategyDistribution } from './strategy-distribution';
import { supplierPositionMatrix, type SupplierPositionMatrix } from './supplier-positions';
import type { TierMovement } from './tier-movement';
import { tierMovers, type TierMovers } from './tier-movers';
import { tierPlaces, type TierPlaces } from './tier-places';

const DAY_MS = 86_400_000;
export const DEFAULT_MOVERS_WINDOW_DAYS = 90;

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

/** Options of the analysis; every field has a default, messages name the field. */
export const analysisOptionsSchema = z.object({
  /** Tier movers since this date; default: 90 days before `now`. */
  moversSince: isoDate.optional(),
  /** Lowest risk level listed among key accounts at risk. */
  atRiskMinimumLevel: z.enum(RISK_LEVELS).default('at_risk'),
  yearCount: z.number().int().min(2).max(10).default(DEFAULT_DECLINING_OPTIONS.yearCount),
  declineThreshold: z.number().gt(0).lt(1).default(DEFAULT_DECLINING_OPTIONS.declineThreshold),
  acquisitionCostPerRevenue: z.number().min(0).default(DEFAULT_DECLINING_OPTIONS.acquisitionCostPerRevenue),
  keyVolumeShare: z.number().gt(0).max(1).default(DEFAULT_DECLINING_OPTIONS.keyVolumeShare),
});
export type AnalysisOptionsInput = z.input<typeof analysisOptionsSchema>;
export type AnalysisOptions = z.output<typeof analysisOptionsSchema>;

export type PortfolioAnalysis = {
  /** ISO 8601: the `now` the analysis was made for. */
  analysedAt: string;
  totals: {
    /** Scored companies analysed. */
    companies: number;
    byTier: Record<Tier | 'none', number>;
    /** Companies read that Keystone has not scored yet. */
    unscored: number;
    /** Rows that were not company records at all. */
    rejectedRows: number;
    /** Stored values that could not be read (each became null). */
    unreadableValues: number;
  };
  kaism: KaismMatrix;
  strategy: StrategyDistribution;
  movers: TierMovers;
  atRisk: AtRiskKeys;
  /** Tier capacity: places held and who waits below the line. */
  tierPlaces: TierPlaces;
  pareto: ParetoSummary;
  /** methodology §6: supplier-position counts (2×2), all companies and key accounts. */
  positions: SupplierPositionMatrix;
  /** Issue #21: account development plans among the key accounts (`kam_plan_status`). */
  plans: PlanCoverage;
  /** Issue #21: buying-centre gaps among the key accounts (`kam_buying_centre_gaps`). */
  buyingCentre: BuyingCentreGaps;
  declining: DecliningAnalysis;
  /** Movement between two dates from property history (`kam report --from --to`); absent otherwise. */
  betweenDates?: TierMovement;
};

/** A problem with an option: the field path and what was expected. */
export type OptionIssue = { path: string; message: string };

export type AnalysisResult = { ok: true; value: PortfolioAnalysis } | { ok: false; issues: OptionIssue[] };

/** Checks options against a schema; problems come back naming the field, never thrown. */
export function parseOptions<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { ok: true; value: z.output<T> } | { ok: false; issues: OptionIssue[] } {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(options)',
      message: issue.message,
    })),
  };
}

export const parseAnalysisOptions = (input: unknown) => parseOptions(analysisOptionsSchema, input);

/**
 * Analyses a parsed portfolio as of `now`.
 *
 * @example
 * const result = analysePortfolio(parsePortfolioRows(rows), new Date(), { moversSince: '2026-01-01' });
 * if (result.ok) show(result.value.kaism.counts);
 */
export function analysePortfolio(
  portfolio: ParsedPortfolio,
  now: Date,
  options: unknown = {},
): AnalysisResult {
  const parsed = parseAnalysisOptions(options);
  if (!parsed.ok) return parsed;
  const settings = parsed.value;
  const since = settings.moversSince
    ? new Date(settings.moversSince)
    : new Date(now.getTime() - DEFAULT_MOVERS_WINDOW_DAYS * DAY_MS);
  if (since.getTime() > now.getTime()) {
    return {
      ok: false,
      issues: [{ path: 'moversSince', message: `must not be after ${now.toISOString()}` }],
    };
  }
  const { companies } = portfolio;
  const byTier = Object.fromEntries([...TIERS, 'none'].map((tier) => [tier, 0])) as Record<
    Tier | 'none',
    number
  >;
  for (const company of companies) byTier[company.tier ?? 'none'] += 1;
  return {
    ok: true,
    value: {
      analysedAt: now.toISOString(),
      totals: {
        companies: companies.length,
        byTier,
        unscored: portfolio.unscoredIds.length,
        rejectedRows: portfolio.rejectedRows,
        unreadableValues: portfolio.fieldIssues.length,
      },
      kaism: kaismMatrix(companies),
      strategy: strategyDistribution(companies),
      movers: tierMovers(companies, since, now),
      atRisk: atRiskKeys(companies, settings.atRiskMinimumLevel),
      tierPlaces: tierPlaces(companies),
      pareto: paretoSummary(companies),
      positions: supplierPositionMatrix(companies),
      plans: planCoverage(companies),
      buyingCentre: buyingCentreGaps(companies),
      declining: decliningKeyAccounts(companies, now, {
        yearCount: settings.yearCount,
        declineThreshold: settings.declineThreshold,
        acquisitionCostPerRevenue: settings.acquisitionCostPerRevenue,
        keyVolumeShare: settings.keyVolumeShare,
      }),
    },
  };
}
