/**
 * Tier (methodology §2: key, important, regular) from the overall score, with a dead band so a
 * company hovering at a threshold does not flap. The previous tier is the company's own
 * `kam_tier`. To leave it, the score must cross the boundary by more than `hysteresis`: down
 * when it falls below the previous tier's threshold minus the margin, up when it reaches the
 * higher tier's threshold plus the margin. A round trip therefore needs a swing of more than
 * twice the margin, and noise smaller than that can change a tier at most once.
 */
import type { Tier, TierDirection } from './enums';
import type { ScoringModel } from '../settings/model-schema';

type TierThresholds = Pick<ScoringModel['tiers'], 'key' | 'important' | 'hysteresis'>;

const RANK: Record<Tier, number> = { regular: 0, important: 1, key: 2 };

/** The tier of a score on the thresholds alone, as for a company scored the first time. */
export function tierByThresholds(score: number, thresholds: TierThresholds): Tier {
  if (score >= thresholds.key) return 'key';
  if (score >= thresholds.important) return 'important';
  return 'regular';
}

function lowerBoundOf(tier: Tier, thresholds: TierThresholds): number {
  return tier === 'key' ? thresholds.key : tier === 'important' ? thresholds.important : -Infinity;
}

/** The tier of a score given the previous tier (null: never scored), applying the hysteresis margin. */
export function classifyTier(score: number, previousTier: Tier | null, thresholds: TierThresholds): Tier {
  const plain = tierByThresholds(score, thresholds);
  if (previousTier === null || plain === previousTier) return plain;
  if (RANK[plain] > RANK[previousTier]) {
    const lifted = tierByThresholds(score - thresholds.hysteresis, thresholds);
    return RANK[lifted] > RANK[previousTier] ? lifted : previousTier;
  }
  return score >= lowerBoundOf(previousTier, thresholds) - thresholds.hysteresis ? previousTier : plain;
}

/** Whether a tier change went up or down; null when there was no previous tier or no change. */
export function tierDirectionOf(previousTier: Tier | null, tier: Tier): TierDirection | null {
  if (previousTier === null || previousTier === tier) return null;
  return RANK[tier] > RANK[previousTier] ? 'up' : 'down';
}
