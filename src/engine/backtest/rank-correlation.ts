/** Spearman's rank correlation, for judging how well a score orders what followed. */

/** Ranks from 0, ties given their mean rank. */
function ranksOf(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    for (let k = start; k <= end; k += 1) result[order[k]!.index] = (start + end) / 2;
    start = end + 1;
  }
  return result;
}

/** Spearman's rank correlation of two equally long lists; null when either side is constant or empty. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  const rx = ranksOf(xs);
  const ry = ranksOf(ys);
  if (rx.length === 0) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const mx = mean(rx);
  const my = mean(ry);
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < rx.length; i += 1) {
    cov += (rx[i]! - mx) * (ry[i]! - my);
    vx += (rx[i]! - mx) ** 2;
    vy += (ry[i]! - my) ** 2;
  }
  return vx === 0 || vy === 0 ? null : cov / Math.sqrt(vx * vy);
}
