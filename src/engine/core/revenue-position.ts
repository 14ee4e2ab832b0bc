/**
 * Financial contribution as a share (methodology §1; issue #16): where a company's won revenue
 * stands among the portfolio's buyers, 0–1, whatever the currency, size or shape of the
 * portfolio. In a flat portfolio revenue alone therefore cannot lift everyone; in a concentrated
 * one the top accounts still stand at the top. The portfolio is summarised by 101 quantiles (every
 * 1%), small enough to store with each company so one company rescored later ranks exactly as in
 * the whole run.
 */

/** Quantiles at 0%, 1%, …, 100%: finer steps move a company less when another company at a step changes. */
export const REVENUE_QUANTILE_COUNT = 101;

/**
 * The revenues above zero, ascending: what the revenue reference and the quantiles are both read
 * from, so a portfolio run sorts its revenues once.
 */
export function sortedPositiveRevenues(revenues: ArrayLike<number>): Float64Array {
  let positiveCount = 0;
  for (let index = 0; index < revenues.length; index += 1) {
    const revenue = revenues[index]!;
    if (Number.isFinite(revenue) && revenue > 0) positiveCount += 1;
  }
  const positive = new Float64Array(positiveCount);
  let next = 0;
  for (let index = 0; index < revenues.length; index += 1) {
    const revenue = revenues[index]!;
    if (Number.isFinite(revenue) && revenue > 0) positive[next++] = revenue;
  }
  // a typed array sorts numerically without a comparator
  return positive.sort();
}

/**
 * The quantiles of the positive revenues (linear between ranks, rounded to cents), or null when
 * nobody has revenue.
 */
export function revenueQuantilesOf(revenues: ArrayLike<number>): number[] | null {
  return revenueQuantilesOfSorted(sortedPositiveRevenues(revenues));
}

/** `revenueQuantilesOf` on revenues already through `sortedPositiveRevenues`. */
export function revenueQuantilesOfSorted(positive: Float64Array): number[] | null {
  const positiveCount = positive.length;
  if (positiveCount === 0) return null;
  const quantiles: number[] = [];
  for (let step = 0; step < REVENUE_QUANTILE_COUNT; step += 1) {
    const at = (step / (REVENUE_QUANTILE_COUNT - 1)) * (positiveCount - 1);
    const below = Math.floor(at);
    const above = Math.min(positiveCount - 1, below + 1);
    const value = positive[below]! + (positive[above]! - positive[below]!) * (at - below);
    // a cent is the smallest amount; never below it, so the log scale below stays finite
    quantiles.push(Math.max(0.01, Math.round(value * 100) / 100));
  }
  return quantiles;
}

/** Whether a stored list is usable as quantiles: 101 positive finite numbers, never decreasing. */
export function isRevenueQuantiles(value: readonly number[] | null | undefined): value is readonly number[] {
  if (!value || value.length !== REVENUE_QUANTILE_COUNT) return false;
  for (let index = 0; index < value.length; index += 1) {
    const quantile = value[index]!;
    if (!Number.isFinite(quantile) || quantile <= 0) return false;
    if (index > 0 && quantile < value[index - 1]!) return false;
  }
  return true;
}

/**
 * The position (0–1) of a revenue among the quantiles: 0 at or below the smallest buyer, 1 at or
 * above the largest, linear in log scale between neighbouring quantiles, and the middle of a run of
 * equal quantiles for a revenue equal to them. Never decreases as revenue grows.
 * @example revenuePositionOf(50_000, quantiles) // 0.62: above 62% of the portfolio's buyers
 */
export function revenuePositionOf(revenue: number, quantiles: readonly number[]): number {
  const last = quantiles.length - 1;
  if (!(revenue > 0) || revenue < quantiles[0]!) return 0;
  if (revenue > quantiles[last]!) return 1;
  let strictlyBelow = 0;
  let atOrBelow = 0;
  for (let index = 0; index <= last; index += 1) {
    if (quantiles[index]! < revenue) strictlyBelow += 1;
    if (quantiles[index]! <= revenue) atOrBelow += 1;
  }
  if (atOrBelow > strictlyBelow) return (strictlyBelow + atOrBelow - 1) / 2 / last;
  const lower = quantiles[strictlyBelow - 1]!;
  const upper = quantiles[strictlyBelow]!;
  const fraction = Math.log(revenue / lower) / Math.log(upper / lower);
  return (strictlyBelow - 1 + fraction) / last;
}
