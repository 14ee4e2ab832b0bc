/**
 * Area under the ROC curve by the Mann–Whitney statistic: the chance that a random positive
 * ranks above a random negative, ties counting half (risk levels are coarse, so ties are many).
 * Null when either class is empty: there is nothing to rank.
 * @example areaUnderCurve([{ score: 2, isPositive: true }, { score: 0, isPositive: false }]) // 1
 */
export function areaUnderCurve(points: readonly { score: number; isPositive: boolean }[]): number | null {
  const sorted = [...points].sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSumOfPositives = 0;
  let index = 0;
  while (index < sorted.length) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1]!.score === sorted[index]!.score) end++;
    // ranks are 1-based; tied scores share their mean rank
    const meanRank = (index + end + 2) / 2;
    for (let k = index; k <= end; k++) {
      if (sorted[k]!.isPositive) {
        positives++;
        rankSumOfPositives += meanRank;
      }
    }
    index = end + 1;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSumOfPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}
