/**
 * The account's own purchase rhythm and its short-window volume trend (issue #17): evidence the
 * graded risk score reads that does not need two years of history. Pure: the time is passed in.
 */
import type { DealInput } from './company-input';
import { roundTo } from './numbers';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const QUARTER_MS = YEAR_MS / 4;
/** A gap shorter than a week is one order split in two, not a rhythm. */
const MIN_GAP_DAYS = 7;

export type PurchaseRhythm = {
  /** Median days between consecutive won deals in the history window; null with fewer than two. */
  medianGapDays: number | null;
  /** Whole days since the last won deal; null without one. */
  daysSinceLastWon: number | null;
  /** Days since the last won deal over the median gap; null without a rhythm (fewer than two won deals). */
  silenceRatio: number | null;
  /** Share of won revenue lost: last 3 months against the 3 before (0 when it grew); null when the 3 before had none. */
  quarterDecline: number | null;
  /** Share lost: last 3 months against the average quarter of the 12 months before them; null without those. */
  quarterVsYearDecline: number | null;
  /** Share of won deals lost: last 12 months against the 12 before; null with fewer than two before. */
  frequencyDecline: number | null;
};

// won close times of the company being measured: one scratch array reused by every call
let wonTimes = new Float64Array(64);

/** Share lost from `before` to `after` (0 when it grew); null when there was nothing before. */
function shareLost(after: number, before: number): number | null {
  if (!(before > 0) || !Number.isFinite(before) || !Number.isFinite(after)) return null;
  const lost = 1 - after / before;
  return roundTo(lost <= 0 ? 0 : lost >= 1 ? 1 : lost, 4);
}

/** The rhythm and short-window trend of one company's deals at `nowMs`, over `historyYears`. */
export function purchaseRhythmOf(
  deals: readonly DealInput[],
  historyYears: number,
  nowMs: number,
): PurchaseRhythm {
  const historyStart = nowMs - historyYears * YEAR_MS;
  let wonCount = 0;
  let lastWon = -Infinity;
  let lastQuarter = 0;
  let previousQuarter = 0;
  let yearBeforeLastQuarter = 0;
  let winsLastYear = 0;
  let winsYearBefore = 0;
  for (const deal of deals) {
    if (!deal.isWon || deal.closedAt === null) continue;
    const at = deal.closedAt;
    if (at > nowMs) continue;
    if (at > lastWon) lastWon = at;
    const age = nowMs - at;
    const amount = deal.amount !== null && Number.isFinite(deal.amount) ? deal.amount : 0;
    if (age < QUARTER_MS) lastQuarter += amount;
    else if (age < 2 * QUARTER_MS) previousQuarter += amount;
    if (age >= QUARTER_MS && age < QUARTER_MS + YEAR_MS) yearBeforeLastQuarter += amount;
    if (age < YEAR_MS) winsLastYear += 1;
    else if (age < 2 * YEAR_MS) winsYearBefore += 1;
    if (at > historyStart) {
      if (wonCount === wonTimes.length) {
        const bigger = new Float64Array(wonTimes.length * 2);
        bigger.set(wonTimes);
        wonTimes = bigger;
      }
      wonTimes[wonCount] = at;
      wonCount += 1;
    }
  }
  const medianGapDays = medianGapOf(wonCount);
  const daysSinceLastWon = Number.isFinite(lastWon) ? Math.floor((nowMs - lastWon) / DAY_MS) : null;
  return {
    medianGapDays,
    daysSinceLastWon,
    silenceRatio:
      medianGapDays === null || daysSinceLastWon === null
        ? null
        : roundTo(daysSinceLastWon / medianGapDays, 3),
    quarterDecline: shareLost(lastQuarter, previousQuarter),
    // an account that started buying within that year has a smaller average: a milder reading, never a false alarm
    quarterVsYearDecline: shareLost(lastQuarter, yearBeforeLastQuarter / 4),
    frequencyDecline: winsYearBefore >= 2 ? shareLost(winsLastYear, winsYearBefore) : null,
  };
}

/** Median gap in days between the first `count` scratch times, at least a week; null with fewer than two. */
function medianGapOf(count: number): number | null {
  if (count < 2) return null;
  const times = wonTimes.subarray(0, count).sort();
  const gaps = new Float64Array(count - 1);
  for (let index = 1; index < count; index += 1)
    gaps[index - 1] = (times[index]! - times[index - 1]!) / DAY_MS;
  gaps.sort();
  const middle = gaps.length >> 1;
  const median = gaps.length % 2 === 1 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
  return roundTo(Math.max(MIN_GAP_DAYS, median), 2);
}
