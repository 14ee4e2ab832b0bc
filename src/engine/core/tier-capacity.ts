/**
 * Key means few (methodology §2; issue #16): a tier has places, and a company takes one only when
 * it passes the tier's threshold and ranks within them. Pinned companies take their places first.
 * An incumbent ranks with the hysteresis margin added, so a newcomer displaces it only by a clear
 * margin. Equal ranks go to the smaller HubSpot id, so the order never depends on input order.
 *
 * The whole run ends in one "line" per tier: the best company left out. One company rescored later
 * (card, webhook, workflow action) takes the tier exactly when it ranks above that stored line, so
 * it lands where the full run put it.
 */
import type { Tier } from './enums';
import { roundTo } from './numbers';
import type { ScoringModel } from '../settings/model-schema';

/** The tiers that have places, best first; `regular` takes everyone else. */
export const CAPPED_TIERS = ['key', 'important'] as const;
export type CappedTier = (typeof CAPPED_TIERS)[number];

const RANK: Record<Tier, number> = { regular: 0, important: 1, key: 2 };

/** The best company left out of a tier: rank value (score plus incumbency margin) and id. */
export type TierLine = { rank: number; companyId: string };

export type TierPlaces = {
  /** How many companies the tier may hold in this portfolio. */
  places: number;
  /** How many hold it after the run (pinned ones included). */
  used: number;
  /** Passed the threshold but ranked below the line. */
  leftOut: number;
  /** The best company left out, or null when every eligible company fitted. */
  line: TierLine | null;
};

export type TierCapacityResult = Record<CappedTier, TierPlaces>;

/** What the capacity step needs to know of each company. */
export type CapacityEntry = {
  companyId: string;
  score: number;
  /** The model's last tier of the company (hysteresis starts from it), null when never scored. */
  previousTier: Tier | null;
  /** The tier by thresholds and hysteresis alone. */
  thresholdTier: Tier;
  /** The tier a manager pinned, in force now; null when none. */
  pinnedTier: Tier | null;
};

/** Places of a tier for a portfolio of `scoredCount` companies: the smaller of the count and the share (rounded up, so never 0). */
export function placesFor(capacity: { maxCount: number; maxShare: number }, scoredCount: number): number {
  return Math.min(capacity.maxCount, Math.ceil(capacity.maxShare * scoredCount - 1e-9));
}

/** The value a company ranks with for a tier: its score, plus the margin when it already held the tier or a better one. */
export function rankFor(
  tier: CappedTier,
  score: number,
  previousTier: Tier | null,
  hysteresis: number,
): number {
  const isIncumbent = previousTier !== null && RANK[previousTier] >= RANK[tier];
  return roundTo(score + (isIncumbent ? hysteresis : 0), 1);
}

/** Numeric HubSpot ids compare as numbers (shorter first); anything else as text. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a company ranks above the line (a higher rank, or the same rank and a smaller id). */
export function ranksAbove(rank: number, companyId: string, line: TierLine): boolean {
  return rank > line.rank || (rank === line.rank && compareIds(companyId, line.companyId) < 0);
}

/**
 * The tier of one company given the lines of a run: its threshold tier, stepped down while it
 * ranks below a tier's line. The full run and one-company rescoring both decide through here.
 */
export function tierWithinLines(
  entry: Pick<CapacityEntry, 'companyId' | 'score' | 'previousTier' | 'thresholdTier'>,
  lines: Readonly<Record<CappedTier, TierLine | null>>,
  hysteresis: number,
): Tier {
  let tier: Tier = entry.thresholdTier;
  for (const capped of CAPPED_TIERS) {
    if (tier !== capped) continue;
    const line = lines[capped];
    if (line === null) return tier;
    const rank = rankFor(capped, entry.score, entry.previousTier, hysteresis);
    if (ranksAbove(rank, entry.companyId, line)) return tier;
    tier = capped === 'key' ? 'important' : 'regular';
  }
  return tier;
}

/**
 * The lines of a whole run: for each capped tier, best first, the companies eligible for it
 * (threshold tier at or above it, not pinned, not admitted to a better tier) are ranked; pinned
 * companies of the tier take places first, the best of the rest fill what is left, and the best
 * one left out is the line.
 */
export function tierLinesOf(
  entries: readonly CapacityEntry[],
  tiers: ScoringModel['tiers'],
): TierCapacityResult {
  const total = entries.length;
  const result = {} as TierCapacityResult;
  const admitted = new Uint8Array(total);
  const ranks = new Float64Array(total);
  for (const capped of CAPPED_TIERS) {
    const places = placesFor(tiers.capacity[capped], total);
    let pinned = 0;
    const pool: number[] = [];
    for (let index = 0; index < total; index += 1) {
      const entry = entries[index]!;
      if (entry.pinnedTier !== null) {
        if (entry.pinnedTier === capped) pinned += 1;
        continue;
      }
      if (admitted[index] === 1) continue;
      if (RANK[entry.thresholdTier] >= RANK[capped]) pool.push(index);
    }
    const candidates = pool;
    for (const index of candidates) {
      const entry = entries[index]!;
      ranks[index] = rankFor(capped, entry.score, entry.previousTier, tiers.hysteresis);
    }
    candidates.sort((a, b) => {
      const byRank = ranks[b]! - ranks[a]!;
      return byRank !== 0 ? byRank : compareIds(entries[a]!.companyId, entries[b]!.companyId);
    });
    const free = Math.max(0, places - pinned);
    const fitted = Math.min(free, candidates.length);
    for (let position = 0; position < fitted; position += 1) admitted[candidates[position]!] = 1;
    const firstOut = candidates[fitted];
    result[capped] = {
      places,
      used: pinned + fitted,
      leftOut: candidates.length - fitted,
      line:
        firstOut === undefined ? null : { rank: ranks[firstOut]!, companyId: entries[firstOut]!.companyId },
    };
  }
  return result;
}
