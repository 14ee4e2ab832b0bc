/**
 * Portfolio-level inputs, computed over the whole portfolio and passed to each company's scoring:
 * the Pareto class (methodology §1, 003: about 20% of customers bring about 80%) and the revenue
 * reference the revenue factor is scaled against. Kept apart so a single company can be scored
 * with the values of the last portfolio run (the card's path) and get the portfolio's result.
 */
import type { ParetoClass } from './enums';
import { sortedPositiveRevenues } from './revenue-position';
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
  return paretoClassesOf(
    Float64Array.from(entries, (entry) => entry.wonRevenue),
    thresholds,
  );
}

/**
 * How far (a share of the portfolio's revenue) a company's cumulative share may pass a class
 * boundary before it leaves the class it had: revenue windows slide every day, and a company at a
 * boundary must not flip between A and B daily (issue #16).
 */
export const PARETO_DEAD_BAND = 0.02;

/**
 * `computeParetoClasses` on the revenues alone, in entry order (the portfolio path: no object per
 * company). With `previous` (each company's stored class, or null), a company keeps its class
 * while its cumulative share stays within `PARETO_DEAD_BAND` of that class's band.
 */
export function paretoClassesOf(
  revenues: ArrayLike<number>,
  thresholds: ScoringModel['pareto'],
  previous?: ArrayLike<ParetoClass | null>,
): ParetoResult {
  const count = revenues.length;
  const usable = new Float64Array(count);
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    const revenue = revenues[index]!;
    usable[index] = Number.isFinite(revenue) && revenue > 0 ? revenue : 0;
    total += usable[index]!;
  }
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) order[index] = index;
  order.sort((a, b) => usable[b]! - usable[a]!);
  const classes = new Array<ParetoClass>(count).fill('C');
  let cumulative = 0;
  let position = 0;
  while (position < count) {
    const revenue = usable[order[position]!]!;
    if (revenue === 0) break;
    const shareBefore = cumulative / total;
    const paretoClass: ParetoClass =
      shareBefore < thresholds.a ? 'A' : shareBefore < thresholds.b ? 'B' : 'C';
    while (position < count && usable[order[position]!] === revenue) {
      const had = previous?.[order[position]!] ?? null;
      classes[order[position]!] =
        had !== null && had !== paretoClass && withinDeadBand(shareBefore, had, thresholds)
          ? had
          : paretoClass;
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
  for (let index = 0; index < count; index += 1) {
    const paretoClass = classes[index]!;
    summary.companies[paretoClass] += 1;
    summary.wonRevenue[paretoClass] += usable[index]!;
  }
  for (const paretoClass of ['A', 'B', 'C'] as const) {
    summary.revenueShare[paretoClass] = total === 0 ? 0 : summary.wonRevenue[paretoClass] / total;
  }
  return { classes, summary };
}

/** Whether a cumulative share lies within the dead band of a class's band (C needs revenue: never kept at 0). */
function withinDeadBand(
  shareBefore: number,
  paretoClass: ParetoClass,
  thresholds: ScoringModel['pareto'],
): boolean {
  const lower = paretoClass === 'A' ? -Infinity : paretoClass === 'B' ? thresholds.a : thresholds.b;
  const upper = paretoClass === 'A' ? thresholds.a : paretoClass === 'B' ? thresholds.b : Infinity;
  return shareBefore >= lower - PARETO_DEAD_BAND && shareBefore < upper + PARETO_DEAD_BAND;
}

/**
 * The won revenue that scores 100 on the revenue factor: the model's percentile of the revenues
 * above zero (nearest rank), or the model's fallback when nobody has revenue.
 */
export function computeRevenueReference(revenues: readonly number[], scales: ScoringModel['scales']): number {
  return revenueReferenceOf(revenues, scales);
}

/** `computeRevenueReference` on any list of numbers (the portfolio path passes a Float64Array). */
export function revenueReferenceOf(revenues: ArrayLike<number>, scales: ScoringModel['scales']): number {
  return revenueReferenceOfSorted(sortedPositiveRevenues(revenues), scales);
}

/** `revenueReferenceOf` on revenues already through `sortedPositiveRevenues`. */
export function revenueReferenceOfSorted(positive: Float64Array, scales: ScoringModel['scales']): number {
  const positiveCount = positive.length;
  if (positiveCount === 0) return scales.revenueReferenceFallback;
  const rank = Math.ceil(scales.revenueReferencePercentile * positiveCount) - 1;
  return positive[Math.min(positiveCount - 1, Math.max(0, rank))]!;
}
