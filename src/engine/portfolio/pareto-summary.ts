/**
 * Pareto view of the portfolio (methodology §1, 003: about 20% of customers bring about 80% of
 * profit): the stored class of each company, the share of revenue class A holds, and the
 * cumulative revenue curve. Revenue is `kam_won_revenue_12m`, the trailing 12 months.
 */
import { PARETO_CLASSES, type ParetoClass } from '../core/enums';
import type { PortfolioCompany } from './portfolio-row';

export type ParetoPoint = {
  /** Share of companies, largest first, 0–1. */
  companyShare: number;
  /** Share of revenue those companies hold, 0–1. */
  revenueShare: number;
};

export type ParetoSummary = {
  totalRevenue: number;
  companies: number;
  /** Companies with no stored revenue (counted as zero in the curve). */
  withoutRevenue: number;
  classCounts: Record<ParetoClass | 'unclassified', number>;
  classRevenue: Record<ParetoClass | 'unclassified', number>;
  /** Share of total revenue held by class A, 0–1; null when there is no revenue. */
  classARevenueShare: number | null;
  /** Share of companies in class A, 0–1; null for an empty portfolio. */
  classACompanyShare: number | null;
  /** Share of revenue held by the top 20% of companies, 0–1; null when there is no revenue. */
  top20PercentRevenueShare: number | null;
  /** Cumulative curve from (0, 0) to (1, 1), at most `maxCurvePoints` + 1 points. */
  curve: ParetoPoint[];
};

export function paretoSummary(companies: readonly PortfolioCompany[], maxCurvePoints = 200): ParetoSummary {
  const classCounts = { A: 0, B: 0, C: 0, unclassified: 0 };
  const classRevenue = { A: 0, B: 0, C: 0, unclassified: 0 };
  const revenues: number[] = [];
  let withoutRevenue = 0;
  for (const company of companies) {
    const revenue = company.wonRevenueLast12Months ?? 0;
    if (company.wonRevenueLast12Months === null) withoutRevenue += 1;
    const key = company.paretoClass ?? 'unclassified';
    classCounts[key] += 1;
    classRevenue[key] += revenue;
    revenues.push(revenue);
  }
  revenues.sort((a, b) => b - a);
  const totalRevenue = revenues.reduce((sum, revenue) => sum + revenue, 0);
  const count = revenues.length;
  const cumulative: number[] = [0];
  for (const revenue of revenues) cumulative.push((cumulative[cumulative.length - 1] as number) + revenue);
  const shareAt = (companiesTaken: number): number =>
    totalRevenue > 0 ? (cumulative[companiesTaken] as number) / totalRevenue : 0;
  const curve: ParetoPoint[] = [];
  if (count > 0) {
    const steps = Math.min(count, Math.max(1, maxCurvePoints));
    for (let step = 0; step <= steps; step += 1) {
      const taken = Math.round((step / steps) * count);
      curve.push({ companyShare: taken / count, revenueShare: shareAt(taken) });
    }
  }
  const hasRevenue = totalRevenue > 0;
  return {
    totalRevenue,
    companies: count,
    withoutRevenue,
    classCounts,
    classRevenue,
    classARevenueShare: hasRevenue ? classRevenue.A / totalRevenue : null,
    classACompanyShare: count > 0 ? classCounts.A / count : null,
    top20PercentRevenueShare: hasRevenue ? shareAt(Math.ceil(count * 0.2)) : null,
    curve,
  };
}

export const PARETO_CLASS_KEYS = [...PARETO_CLASSES, 'unclassified'] as const;
