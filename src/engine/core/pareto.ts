/**
 * Portfolio-level inputs, computed over the whole portfolio and passed to each company's scoring:
 * the Pareto class (methodology §1, 003: about 20% of customers bring about 80%) and the revenue
 * reference the revenue factor is scaled against. Kept apart so a single company can be scored
 * with the values of the last portfolio run (the card's path) and get the portfolio's result.
 */
import type { ParetoClass } from './enums';
import type { ScoringModel } from '../settings/model-schema';

export type ParetoEntry = { companyId: string; wonRevenue: number };

export type ParetoSummary = {
  /** What the shares are of. */
  basis: 'wonRevenueLast12Months';
  totalWonRevenue: number;
  thresholds: ScoringModel['pareto'];
  companies: Record<ParetoClass, number>;
  wonRevenue: Record<ParetoClass, number>;
  /** Share (0–1) of the portfolio's won revenue in each class. */
  revenueShare: Record<ParetoClass, number>;
};

export type ParetoResult = {
  /** The class of each entry, in the order the entries were given. */
  classes: ParetoClass[];
  summary: ParetoSummary;
};

/**
 * Classes by cumulative share of won revenue, largest first: A while the share before a company
 * is under `a`, B while under `b`, C after that and for every company without revenue. Companies
 * with equal revenue share a class, so input order never matters.
 */
export function computeParetoClasses(
  entries: readonly ParetoEntry[],
  thresholds: ScoringModel['pareto'],
): ParetoResult {
  const revenueOf = (index: number) => {
    const revenue = entries[index]!.wonRevenue;
    return Number.isFinite(revenue) && revenue > 0 ? revenue : 0;
  };
  let total = 0;
  for (let index = 0; index < entries.length; index += 1) total += revenueOf(index);
  const order = entries.map((_, index) => index).sort((a, b) => revenueOf(b) - revenueOf(a));
  const classes = new Array<ParetoClass>(entries.length).fill('C');
  let cumulative = 0;
  let position = 0;
  while (position < order.length) {
    const revenue = revenueOf(order[position]!);
    if (revenue === 0) break;
    const shareBefore = cumulative / total;
    const paretoClass: ParetoClass =
      shareBefore < thresholds.a ? 'A' : shareBefore < thresholds.b ? 'B' : 'C';
    while (position < order.length && revenueOf(order[position]!) === revenue) {
      classes[order[position]!] = paretoClass;
      cumulative += revenue;
      position += 1;
    }
  }
  const summary: ParetoSummary = {
    basis: 'wonRevenueLast12Months',
    totalWonRevenue: total,
    thresholds: { a: thresholds.a, b: thresholds.b },
    companies: { A: 0, B: 0, C: 0 },
    wonRevenue: { A: 0, B: 0, C: 0 },
    revenueShare: { A: 0, B: 0, C: 0 },
  };
  classes.forEach((paretoClass, index) => {
    summary.companies[paretoClass] += 1;
    summary.wonRevenue[paretoClass] += revenueOf(index);
  });
  for (const paretoClass of ['A', 'B', 'C'] as const) {
    summary.revenueShare[paretoClass] = total === 0 ? 0 : summary.wonRevenue[paretoClass] / total;
  }
  return { classes, summary };
}

/**
 * The won revenue that scores 100 on the revenue factor: the model's percentile of the revenues
 * above zero (nearest rank), or the model's fallback when nobody has revenue.
 */
export function computeRevenueReference(revenues: readonly number[], scales: ScoringModel['scales']): number {
  const positive = revenues
    .filter((revenue) => Number.isFinite(revenue) && revenue > 0)
    .sort((a, b) => a - b);
  if (positive.length === 0) return scales.revenueReferenceFallback;
  const rank = Math.ceil(scales.revenueReferencePercentile * positive.length) - 1;
  return positive[Math.min(positive.length - 1, Math.max(0, rank))]!;
}
