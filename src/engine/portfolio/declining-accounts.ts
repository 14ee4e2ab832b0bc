/**
 * methodology §9, the lost or declining key-client analysis, steps 1–3 and 6:
 *   1. yearly volume dynamics of the key-client group over the last 3–4 years;
 *   2. the key clients that stopped buying or cut their volume by more than a threshold;
 *   3. for each, the reasons the data shows (risk signals) and the one the KAM entered;
 *   6. what keeping each one would cost against winning new business of the same volume.
 * Steps 4, 5 and 7 (questionnaire, interviews, action plan) are people's work, not the data's.
 *
 * **Resolution** (the key-client group): every company that is key now, was key before its last
 * tier change, or made up the top share of portfolio volume (`keyVolumeShare`, Pareto class A by
 * volume) in at least two complete years of the window. An account demoted for falling volume is
 * exactly the one this analysis is about, and a portfolio scored for the first time has no tier
 * history to show it.
 */
import type { LossReason, Tier } from '../core/enums';
import type { PortfolioCompany, YearAmount } from './portfolio-row';
import { compareIds } from './id-order';

export type DecliningOptions = {
  /** Complete calendar years shown, ending with the last complete one (§9: 3–4). */
  yearCount: number;
  /** A cut of at least this share of volume counts as sharp, 0–1 (0.3 = −30%). */
  declineThreshold: number;
  /**
   * Assumed cost of winning new business per unit of yearly revenue it brings: 0.3 means winning
   * customers worth 100,000 a year costs 30,000 in sales and marketing. An assumption, not data:
   * set it from your own figures (last year's spend on winning customers ÷ their first-year revenue).
   */
  acquisitionCostPerRevenue: number;
  /** A company that made up this top share of a year's portfolio volume was key by volume that year (§1: about 80%). */
  keyVolumeShare: number;
};

export const DEFAULT_DECLINING_OPTIONS: DecliningOptions = {
  yearCount: 4,
  declineThreshold: 0.3,
  acquisitionCostPerRevenue: 0.3,
  keyVolumeShare: 0.8,
};

/** Why a company is in the key group: its tier now, its tier before the last change, or its volume in a year of the window. */
export type KeyGroupReason = 'tier' | 'previous_tier' | 'volume';

export type KeyGroupYear = {
  year: number;
  /** Won revenue of the key group in the year. */
  revenue: number;
  /** Key-group companies with any won revenue in the year. */
  buyingAccounts: number;
  /** Against the year before, as a fraction (−0.2 = −20%); null for the first year or from zero. */
  changeFromPreviousYear: number | null;
};

export type RetentionEconomics = {
  /** `kam_annual_cost_to_serve`: what one more year of keeping the account costs, relationship costs included. */
  retainCost: number | null;
  /** Winning new customers worth the account's baseline yearly volume: baseline × acquisitionCostPerRevenue. */
  winNewCost: number | null;
  /** Baseline revenue minus the cost to serve: the yearly value kept by retaining it. */
  netValueIfRetained: number | null;
  /** The cheaper way to keep the volume; null when an input is missing. */
  cheaper: 'retain' | 'win_new' | null;
};

export type DecliningAccount = {
  id: string;
  name: string | null;
  tier: Tier | null;
  tierPrevious: Tier | null;
  keyGroupReason: KeyGroupReason;
  status: 'stopped' | 'declined';
  /** Change of volume as a fraction (−1 = stopped). */
  change: number;
  /** How the change was measured: trailing 12 months against the 12 before, or the last two complete years. */
  measuredBy: 'trailing_12_months' | 'calendar_years';
  /** Yearly volume before the cut (the 12 months before, or the earlier year); null when no figure shows it. */
  baselineRevenue: number | null;
  /** Volume now (the last 12 months, or the last complete year). */
  recentRevenue: number;
  volumeLost: number | null;
  /** The account's revenue in each year of the window, oldest first. */
  revenueByYear: YearAmount[];
  /** §9 step 3: what the data shows (`kam_risk_reasons` and the explanation's risk signals). */
  dataReasons: string[];
  /** §9 step 3: what the key-account manager entered (`kam_loss_reason`), null when not entered. */
  lossReason: LossReason | null;
  economics: RetentionEconomics;
};

export type DecliningAnalysis = {
  options: DecliningOptions;
  /** Companies in the key group, by why they are in it. */
  keyGroupSize: number;
  keyGroupByReason: Record<KeyGroupReason, number>;
  /** Key-group companies with yearly revenue in their explanation. */
  keyGroupWithHistory: number;
  /** §9 step 1: complete years with data, oldest first (years before any stored history are left out). */
  years: KeyGroupYear[];
  /** The current, incomplete year so far; null when no company has revenue in it. */
  yearToDate: { year: number; revenue: number; buyingAccounts: number } | null;
  /** First to last complete year of the window, as a fraction; null when the first year had none. */
  changeOverWindow: number | null;
  /** §9 step 2: largest volume lost first. */
  accounts: DecliningAccount[];
  stoppedCount: number;
  declinedCount: number;
  /** §9 step 6 over the listed accounts that have a cost-to-serve input. */
  economicsTotals: {
    /** Accounts with both a cost to serve and a baseline volume. */
    accountsWithCostInput: number;
    accountsWithoutCostInput: number;
    retainCost: number;
    winNewCost: number;
  };
};

/**
 * The companies that, in at least two complete years of the window, were among those making up the
 * top `share` of that year's portfolio volume (largest first; the one crossing the share counts, as
 * in a Pareto class A). Two years, because a key client returns and buys steadily (§2, 002): one
 * large order makes a one-off buyer, not a key account.
 */
function keyByVolume(
  companies: readonly PortfolioCompany[],
  years: readonly number[],
  share: number,
): Set<string> {
  const yearsOnTop = new Map<string, number>();
  for (const year of years) {
    const volumes = companies
      .map((company) => ({
        id: company.id,
        amount: company.revenueByYear.find((entry) => entry.year === year)?.amount ?? 0,
      }))
      .filter((entry) => entry.amount > 0)
      .sort((a, b) => b.amount - a.amount);
    const total = volumes.reduce((sum, entry) => sum + entry.amount, 0);
    let cumulative = 0;
    for (const entry of volumes) {
      if (cumulative >= share * total) break;
      yearsOnTop.set(entry.id, (yearsOnTop.get(entry.id) ?? 0) + 1);
      cumulative += entry.amount;
    }
  }
  return new Set([...yearsOnTop].filter(([, count]) => count >= Math.min(2, years.length)).map(([id]) => id));
}

function keyGroupReasonOf(company: PortfolioCompany, byVolume: Set<string>): KeyGroupReason | null {
  if (company.tier === 'key') return 'tier';
  if (company.tierPrevious === 'key') return 'previous_tier';
  return byVolume.has(company.id) ? 'volume' : null;
}

type Measure = Pick<
  DecliningAccount,
  'status' | 'change' | 'measuredBy' | 'baselineRevenue' | 'recentRevenue'
>;

function measureDecline(
  company: PortfolioCompany,
  amounts: number[],
  yearToDateAmount: number,
  threshold: number,
): Measure | null {
  const hasHistory = company.revenueByYear.length > 0;
  const lastComplete = amounts[amounts.length - 1] ?? 0;
  const lastNonZero = [...amounts].reverse().find((amount) => amount > 0) ?? null;
  const recent = company.wonRevenueLast12Months;
  const isDeclined = (change: number): boolean => change <= -threshold;

  if (recent !== null && company.growth !== null && company.growth > -1) {
    const baseline = recent / (1 + company.growth);
    if (!isDeclined(company.growth)) return null;
    return {
      status: 'declined',
      change: company.growth,
      measuredBy: 'trailing_12_months',
      baselineRevenue: baseline,
      recentRevenue: recent,
    };
  }
  const stoppedNow =
    recent !== null ? recent === 0 : hasHistory && lastComplete === 0 && yearToDateAmount === 0;
  // growth −1: bought in the 12 months before, nothing since; yearly history gives the size
  const boughtBefore = company.growth === -1 || lastNonZero !== null;
  if (stoppedNow && boughtBefore) {
    return {
      status: 'stopped',
      change: -1,
      measuredBy: company.growth === -1 ? 'trailing_12_months' : 'calendar_years',
      baselineRevenue: lastNonZero,
      recentRevenue: 0,
    };
  }
  const previous = amounts[amounts.length - 2] ?? 0;
  if (!hasHistory || previous <= 0) return null;
  const change = (lastComplete - previous) / previous;
  if (!isDeclined(change)) return null;
  return {
    status: lastComplete === 0 ? 'stopped' : 'declined',
    change,
    measuredBy: 'calendar_years',
    baselineRevenue: previous,
    recentRevenue: lastComplete,
  };
}

function economicsOf(
  company: PortfolioCompany,
  baseline: number | null,
  acquisitionCostPerRevenue: number,
): RetentionEconomics {
  const retainCost = company.annualCostToServe;
  const winNewCost = baseline === null ? null : baseline * acquisitionCostPerRevenue;
  return {
    retainCost,
    winNewCost,
    netValueIfRetained: retainCost === null || baseline === null ? null : baseline - retainCost,
    cheaper:
      retainCost === null || winNewCost === null ? null : retainCost <= winNewCost ? 'retain' : 'win_new',
  };
}

const changeBetween = (from: number, to: number): number | null => (from > 0 ? (to - from) / from : null);

/**
 * Runs §9 steps 1–3 and 6 over the key group.
 *
 * @example
 * const analysis = decliningKeyAccounts(companies, new Date('2026-03-01'), { ...DEFAULT_DECLINING_OPTIONS, declineThreshold: 0.4 });
 */
export function decliningKeyAccounts(
  companies: readonly PortfolioCompany[],
  now: Date,
  options: DecliningOptions = DEFAULT_DECLINING_OPTIONS,
): DecliningAnalysis {
  const currentYear = now.getUTCFullYear();
  // a loop, not Math.min(...years): a 100k portfolio has ~400k years, past the call stack's limit
  let firstYearWithData = Infinity;
  for (const company of companies) {
    for (const entry of company.revenueByYear) firstYearWithData = Math.min(firstYearWithData, entry.year);
  }
  const windowYears = Array.from(
    { length: options.yearCount },
    (_, index) => currentYear - options.yearCount + index,
  ).filter((year) => year >= firstYearWithData);
  const byVolume = keyByVolume(companies, windowYears, options.keyVolumeShare);
  const keyGroupByReason: Record<KeyGroupReason, number> = { tier: 0, previous_tier: 0, volume: 0 };
  const group = companies.flatMap((company) => {
    const reason = keyGroupReasonOf(company, byVolume);
    if (reason === null) return [];
    keyGroupByReason[reason] += 1;
    return [{ company, reason }];
  });
  const years: KeyGroupYear[] = windowYears.map((year) => ({
    year,
    revenue: 0,
    buyingAccounts: 0,
    changeFromPreviousYear: null,
  }));
  const yearToDate = { year: currentYear, revenue: 0, buyingAccounts: 0 };
  const accounts: DecliningAccount[] = [];
  let keyGroupWithHistory = 0;

  for (const { company, reason } of group) {
    const byYear = new Map(company.revenueByYear.map((entry) => [entry.year, entry.amount]));
    if (company.revenueByYear.length > 0) keyGroupWithHistory += 1;
    const amounts = windowYears.map((year) => byYear.get(year) ?? 0);
    amounts.forEach((amount, index) => {
      const bucket = years[index] as KeyGroupYear;
      bucket.revenue += amount;
      if (amount > 0) bucket.buyingAccounts += 1;
    });
    const yearToDateAmount = byYear.get(currentYear) ?? 0;
    yearToDate.revenue += yearToDateAmount;
    if (yearToDateAmount > 0) yearToDate.buyingAccounts += 1;

    const measure = measureDecline(company, amounts, yearToDateAmount, options.declineThreshold);
    if (measure === null) continue;
    accounts.push({
      id: company.id,
      name: company.name,
      tier: company.tier,
      tierPrevious: company.tierPrevious,
      keyGroupReason: reason,
      ...measure,
      volumeLost:
        measure.baselineRevenue === null
          ? null
          : Math.max(0, measure.baselineRevenue - measure.recentRevenue),
      revenueByYear: windowYears.map((year, index) => ({ year, amount: amounts[index] as number })),
      dataReasons: [...new Set([...company.riskReasons, ...company.riskSignals])],
      lossReason: company.lossReason,
      economics: economicsOf(company, measure.baselineRevenue, options.acquisitionCostPerRevenue),
    });
  }

  years.forEach((year, index) => {
    if (index > 0)
      year.changeFromPreviousYear = changeBetween((years[index - 1] as KeyGroupYear).revenue, year.revenue);
  });
  accounts.sort((a, b) => (b.volumeLost ?? 0) - (a.volumeLost ?? 0) || compareIds(a.id, b.id));
  const withCost = accounts.filter((account) => account.economics.cheaper !== null);
  const first = years[0];
  const last = years[years.length - 1];
  return {
    options,
    keyGroupSize: group.length,
    keyGroupByReason,
    keyGroupWithHistory,
    years,
    yearToDate: yearToDate.revenue > 0 ? yearToDate : null,
    changeOverWindow: first && last && years.length > 1 ? changeBetween(first.revenue, last.revenue) : null,
    accounts,
    stoppedCount: accounts.filter((account) => account.status === 'stopped').length,
    declinedCount: accounts.filter((account) => account.status === 'declined').length,
    economicsTotals: {
      accountsWithCostInput: withCost.length,
      accountsWithoutCostInput: accounts.length - withCost.length,
      retainCost: withCost.reduce((sum, account) => sum + (account.economics.retainCost ?? 0), 0),
      winNewCost: withCost.reduce((sum, account) => sum + (account.economics.winNewCost ?? 0), 0),
    },
  };
}
