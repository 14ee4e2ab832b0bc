/**
 * The card's score trend, read from HubSpot's own property history of the output properties
 * (`propertiesWithHistory`), not from a store of our own: turns the history entries of `kam_score`
 * and `kam_tier` into points oldest → newest, each with the tier the company had at that moment.
 * Pure; the app function `keystone_score_history` does the reading.
 */
import { TIERS, type Tier } from '../core/enums';
import type { PropertyHistoryEntry } from '../hubspot/gateway';

export const SCORE_HISTORY_PROPERTIES = ['kam_score', 'kam_tier'] as const;
/** About two years of monthly rescoring; older points are dropped and `truncated` says so. */
export const SCORE_HISTORY_MAX_POINTS = 24;

export type ScoreHistoryPoint = { at: string; score: number; tier: Tier | null };
export type ScoreHistory = { points: ScoreHistoryPoint[]; truncated: boolean };

type Timed<T> = { time: number; value: T };

function validEntries<T>(
  entries: readonly PropertyHistoryEntry[] | undefined,
  parse: (value: string) => T | null,
): Timed<T>[] {
  const valid: Timed<T>[] = [];
  for (const entry of entries ?? []) {
    const time = Date.parse(entry.timestamp);
    if (!Number.isFinite(time) || entry.value === null || entry.value.trim() === '') continue;
    const value = parse(entry.value.trim());
    if (value !== null) valid.push({ time, value });
  }
  // HubSpot answers newest first: reversed, a stable sort keeps same-millisecond writes in order.
  return valid.reverse().sort((a, b) => a.time - b.time);
}

const parseScore = (raw: string): number | null => {
  const score = Number(raw);
  return Number.isFinite(score) && score >= 0 && score <= 100 ? score : null;
};

const parseTier = (raw: string): Tier | null =>
  (TIERS as readonly string[]).includes(raw) ? (raw as Tier) : null;

/**
 * @param history the `history` of one record from `gateway.batchReadWithHistory`, keyed by property
 * @example scoreHistoryOf({ kam_score: [{ value: '72.4', timestamp: '2026-03-02T09:30:00Z' }], kam_tier: [...] })
 */
export function scoreHistoryOf(
  history: Readonly<Record<string, readonly PropertyHistoryEntry[] | undefined>>,
  maxPoints: number = SCORE_HISTORY_MAX_POINTS,
): ScoreHistory {
  const scores = validEntries(history.kam_score, parseScore);
  const tiers = validEntries(history.kam_tier, parseTier);
  let tierIndex = -1;
  const points = scores.map(({ time, value }) => {
    // The tier in force at this moment: the newest tier entry not after the score entry.
    while (tierIndex + 1 < tiers.length && (tiers[tierIndex + 1]?.time ?? Infinity) <= time) tierIndex += 1;
    return { at: new Date(time).toISOString(), score: value, tier: tiers[tierIndex]?.value ?? null };
  });
  const limit = Math.max(0, Math.floor(maxPoints));
  return {
    points: points.length > limit ? points.slice(points.length - limit) : points,
    truncated: points.length > limit,
  };
}
