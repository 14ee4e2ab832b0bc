/**
 * The series the report's charts draw, built from the analysis and the parsed companies. Plain
 * JSON, embedded once in the HTML and read by the chart script.
 */
import { TIERS, type Tier } from '../core/enums';
import type { PortfolioAnalysis, PortfolioCompany } from '../portfolio';
import { optionLabel } from './labels';

/** [strength, attractiveness, name, score]; the name is left out above `namedPointLimit`. */
export type ScatterPoint = [number, number, string | null, number | null];

export type ReportChartData = {
  kaism: {
    series: { tier: Tier | 'none'; label: string; points: ScatterPoint[] }[];
    /** The model's KAISM cut, when the report knows the model. */
    cut: { attractiveness: number; strength: number } | null;
    /** Companies without both axis values (not drawn). */
    unplotted: number;
  };
  /** Cumulative share of revenue, both axes in percent. */
  pareto: {
    curve: [number, number][];
    classACompanyPercent: number | null;
    classARevenuePercent: number | null;
  };
  volume: {
    years: string[];
    revenue: number[];
    buyingAccounts: number[];
    yearToDate: { label: string; revenue: number } | null;
  };
  movers: { months: string[]; up: number[]; down: number[] };
};

export type ChartDataOptions = {
  kaismCut?: { attractiveness: number; strength: number } | null;
  /** Above this many companies, points carry no names (keeps a 100k-company report small). */
  namedPointLimit?: number;
};

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function buildChartData(
  analysis: PortfolioAnalysis,
  companies: readonly PortfolioCompany[],
  options: ChartDataOptions = {},
): ReportChartData {
  const withNames = companies.length <= (options.namedPointLimit ?? 20_000);
  const byTier = new Map<Tier | 'none', ScatterPoint[]>(
    [...TIERS, 'none' as const].map((tier) => [tier, []]),
  );
  let unplotted = 0;
  for (const company of companies) {
    if (company.attractiveness === null || company.strength === null) {
      unplotted += 1;
      continue;
    }
    byTier
      .get(company.tier ?? 'none')
      ?.push([
        round(company.strength),
        round(company.attractiveness),
        withNames ? company.name : null,
        company.score,
      ]);
  }
  const series = [...byTier.entries()]
    .filter(([tier, points]) => tier !== 'none' || points.length > 0)
    .map(([tier, points]) => ({
      tier,
      label: tier === 'none' ? 'No tier' : optionLabel('kam_tier', tier),
      points,
    }));
  const { pareto, declining, movers } = analysis;
  const percent = (share: number | null): number | null => (share === null ? null : round(share * 100));
  return {
    kaism: { series, cut: options.kaismCut ?? null, unplotted },
    pareto: {
      curve: pareto.curve.map((point) => [round(point.companyShare * 100), round(point.revenueShare * 100)]),
      classACompanyPercent: percent(pareto.classACompanyShare),
      classARevenuePercent: percent(pareto.classARevenueShare),
    },
    volume: {
      years: declining.years.map((year) => String(year.year)),
      revenue: declining.years.map((year) => round(year.revenue)),
      buyingAccounts: declining.years.map((year) => year.buyingAccounts),
      yearToDate: declining.yearToDate
        ? { label: `${declining.yearToDate.year} to date`, revenue: round(declining.yearToDate.revenue) }
        : null,
    },
    movers: {
      months: movers.byMonth.map((month) => month.month),
      up: movers.byMonth.map((month) => month.up),
      down: movers.byMonth.map((month) => -month.down),
    },
  };
}
