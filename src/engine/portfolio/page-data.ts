/**
 * What the portfolio page receives from its app function: the analysis with every list cut to a
 * page-sized length (counts stay whole) and without the per-company series the HTML report
 * draws. Plain JSON, versioned so a page can refuse a shape it does not know.
 */
import { z } from 'zod';
import { analysisOptionsSchema, type OptionIssue, type PortfolioAnalysis } from './analyse-portfolio';
import type { AtRiskKeys } from './at-risk-keys';
import type { BuyingCentreGaps } from './buying-centre-gaps';
import type { KaismMatrix } from './kaism-matrix';
import type { ParetoSummary } from './pareto-summary';
import type { PlanCoverage } from './plan-coverage';
import type { StrategyDistribution } from './strategy-distribution';
import type { SupplierPositionMatrix } from './supplier-positions';
import type { TierMovers } from './tier-movers';
import type { TierPlaces } from './tier-places';

export const PORTFOLIO_PAGE_DATA_VERSION = 1;
export const DEFAULT_PAGE_LIST_LIMIT = 25;

/** Parameters the page sends to the function (`context.parameters`). */
export const portfolioPageParametersSchema = analysisOptionsSchema.extend({
  listLimit: z.number().int().min(1).max(200).default(DEFAULT_PAGE_LIST_LIMIT),
});
export type PortfolioPageParameters = z.input<typeof portfolioPageParametersSchema>;

export type PortfolioReadStatus = {
  /** False when the function's time budget ended the read: the figures cover `read` companies. */
  complete: boolean;
  read: number;
  /** HubSpot's count of scored companies; null when unknown. */
  total: number | null;
};

export type PortfolioPageData = {
  v: typeof PORTFOLIO_PAGE_DATA_VERSION;
  analysedAt: string;
  listLimit: number;
  readStatus: PortfolioReadStatus;
  totals: PortfolioAnalysis['totals'];
  kaism: KaismMatrix;
  strategy: StrategyDistribution;
  movers: Omit<TierMovers, 'moves' | 'byMonth'> & { total: number; moves: TierMovers['moves'] };
  atRisk: AtRiskKeys & { total: number };
  tierPlaces: TierPlaces;
  pareto: Omit<ParetoSummary, 'curve'>;
  /** methodology §6: supplier-position counts; absent from functions deployed before it. */
  positions?: SupplierPositionMatrix;
  /** Issue #21: plan coverage of key accounts, list cut to `listLimit`; absent from older functions. */
  plans?: PlanCoverage & { total: number };
  /** Issue #21: buying-centre gaps of key accounts, list cut to `listLimit`; absent from older functions. */
  buyingCentre?: BuyingCentreGaps & { total: number };
};

/** Same shape as every Keystone app function's error: a stable code, a sentence, field issues. */
export type PortfolioFunctionError = { code: string; message: string; issues?: OptionIssue[] };

/** The function's answer: data, or an error the page shows as it is. */
export type PortfolioFunctionResponse =
  { ok: true; data: PortfolioPageData } | { ok: false; error: PortfolioFunctionError };

/** Cuts an analysis down to what the page shows. */
export function toPortfolioPageData(
  analysis: PortfolioAnalysis,
  readStatus: PortfolioReadStatus,
  listLimit: number = DEFAULT_PAGE_LIST_LIMIT,
): PortfolioPageData {
  const { curve: _curve, ...pareto } = analysis.pareto;
  const { byMonth: _byMonth, moves, ...movers } = analysis.movers;
  const lists = Object.fromEntries(
    Object.entries(analysis.kaism.lists).map(([quadrant, list]) => [quadrant, list.slice(0, listLimit)]),
  ) as KaismMatrix['lists'];
  return {
    v: PORTFOLIO_PAGE_DATA_VERSION,
    analysedAt: analysis.analysedAt,
    listLimit,
    readStatus,
    totals: analysis.totals,
    kaism: { ...analysis.kaism, lists },
    strategy: analysis.strategy,
    movers: { ...movers, total: moves.length, moves: moves.slice(0, listLimit) },
    atRisk: {
      ...analysis.atRisk,
      total: analysis.atRisk.accounts.length,
      accounts: analysis.atRisk.accounts.slice(0, listLimit),
    },
    tierPlaces: analysis.tierPlaces,
    pareto,
    positions: analysis.positions,
    plans: {
      ...analysis.plans,
      total: analysis.plans.accounts.length,
      accounts: analysis.plans.accounts.slice(0, listLimit),
    },
    buyingCentre: {
      ...analysis.buyingCentre,
      total: analysis.buyingCentre.accounts.length,
      accounts: analysis.buyingCentre.accounts.slice(0, listLimit),
    },
  };
}
