/**
 * What the portfolio function answers, as the page reads it. The page folder is built by HubSpot on
 * its own (docs/decisions/0001-component-bundles.md), so these types live here;
 * `portfolio-data.test.ts` checks at compile time that the engine's `PortfolioPageData` still fits
 * them, and at run time that a real answer passes `readPortfolioAnswer`.
 */
export type Tier = 'key' | 'important' | 'regular';
export type KaismQuadrant = 'key_account' | 'key_development' | 'maintenance' | 'opportunistic';
export type AxisLevel = 'weak' | 'medium' | 'strong';
export type RiskLevel = 'none' | 'watch' | 'at_risk' | 'critical';

export type CompanyRef = {
  id: string;
  name: string | null;
  score: number | null;
  tier: Tier | null;
  wonRevenueLast12Months: number | null;
};

export type TierMove = {
  id: string;
  name: string | null;
  from: Tier | null;
  to: Tier;
  direction: 'up' | 'down';
  changedAt: string;
  wonRevenueLast12Months: number | null;
};

export type AtRiskKey = {
  id: string;
  name: string | null;
  riskLevel: RiskLevel;
  lossStage: number | null;
  signals: string[];
  wonRevenueLast12Months: number | null;
  growth: number | null;
};

/** Tier capacity: places the latest run gave a tier, companies holding it, who waits below the line. */
export type TierPlacesSummary = {
  places: number | null;
  used: number;
  belowLineCount: number;
  belowLine: CompanyRef[];
};

export type PortfolioPageData = {
  v: 1;
  analysedAt: string;
  listLimit: number;
  readStatus: { complete: boolean; read: number; total: number | null };
  totals: {
    companies: number;
    byTier: Record<Tier | 'none', number>;
    unscored: number;
    unreadableValues: number;
  };
  kaism: {
    counts: Record<KaismQuadrant, number>;
    lists: Record<KaismQuadrant, CompanyRef[]>;
    unplaced: number;
  };
  strategy: {
    cells: { attractiveness: AxisLevel; strength: AxisLevel; strategy: string; count: number }[];
    unplaced: number;
  };
  movers: { since: string; up: number; down: number; total: number; moves: TierMove[] };
  atRisk: { minimumLevel: RiskLevel; total: number; accounts: AtRiskKey[] };
  /** Absent in answers from a function deployed before tier capacity. */
  tierPlaces?: { key: TierPlacesSummary; important: TierPlacesSummary };
  pareto: {
    totalRevenue: number;
    companies: number;
    classCounts: Record<'A' | 'B' | 'C' | 'unclassified', number>;
    classRevenue: Record<'A' | 'B' | 'C' | 'unclassified', number>;
    classARevenueShare: number | null;
    classACompanyShare: number | null;
    top20PercentRevenueShare: number | null;
  };
};

export type PortfolioError = { code: string; message: string };

export type PortfolioAnswer = { ok: true; data: PortfolioPageData } | { ok: false; error: PortfolioError };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const REQUIRED_SECTIONS = [
  'readStatus',
  'totals',
  'kaism',
  'strategy',
  'movers',
  'atRisk',
  'pareto',
] as const;

/**
 * Reads the function's answer. `hubspot.serverless` resolves with what the function returned;
 * an older runner wraps it as `{ status: 'SUCCESS', response }`, so both are accepted. Anything
 * else is an error value, never an exception.
 */
export function readPortfolioAnswer(raw: unknown): PortfolioAnswer {
  const answer = isObject(raw) && raw.status === 'SUCCESS' && 'response' in raw ? raw.response : raw;
  if (isObject(answer) && answer.ok === false && isObject(answer.error)) {
    const { code, message } = answer.error;
    if (typeof code === 'string' && typeof message === 'string')
      return { ok: false, error: { code, message } };
  }
  if (isObject(answer) && answer.ok === true && isObject(answer.data) && answer.data.v === 1) {
    const data = answer.data;
    if (REQUIRED_SECTIONS.every((section) => isObject(data[section]))) {
      return { ok: true, data: data as unknown as PortfolioPageData };
    }
  }
  return {
    ok: false,
    error: {
      code: 'function.unexpected_response',
      message: 'The portfolio function answered in an unexpected shape.',
    },
  };
}
