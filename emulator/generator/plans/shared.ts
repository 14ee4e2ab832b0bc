/** Helpers the account plans share: measuring and reshaping won volume, owners, KAM inputs. */
import {
  INPUT_LEVELS,
  KEY_ACCOUNT_OWNER_IDS,
  LOSS_REASONS,
  OWNER_IDS,
  PAYMENT_DISCIPLINE,
  PERCEPTION_LEVELS,
  REPUTATION_LEVELS,
  type OwnerId,
} from '../hubspot-values';
import type { DealEvent, KamInputs } from '../history';
import type { Random } from '../prng';
import { YEAR_MS } from '../time';

/** Won volume (USD) of deals closed in (from, to]. */
export function wonUsdBetween(deals: readonly DealEvent[], from: number, to: number): number {
  let total = 0;
  for (const deal of deals) {
    if (deal.outcome === 'won' && deal.closeAt > from && deal.closeAt <= to) total += deal.amountUsd;
  }
  return total;
}

/**
 * Makes won volume in the trailing 12 months at least `ratio` times the 12 months before, by
 * scaling the recent wins up. Plans use it so that the trend an archetype stands for is present
 * for every planted company, not only on average.
 */
export function ensureYearOverYearGrowth(deals: DealEvent[], now: number, ratio: number): void {
  const recent = wonUsdBetween(deals, now - YEAR_MS, now);
  const previous = wonUsdBetween(deals, now - 2 * YEAR_MS, now - YEAR_MS);
  if (recent === 0 || recent >= previous * ratio) return;
  const factor = (previous * ratio) / recent;
  for (const deal of deals) {
    if (deal.outcome === 'won' && deal.closeAt > now - YEAR_MS && deal.closeAt <= now)
      deal.amountUsd *= factor;
  }
}

/** The key-account team owns the big accounts; the rest are spread over everyone. */
export function pickOwner(random: Random, isKeyAccount: boolean): OwnerId {
  if (isKeyAccount && random.chance(0.85)) return random.pick(KEY_ACCOUNT_OWNER_IDS);
  return random.pick(OWNER_IDS);
}

/** KAM inputs a rep filled in part, with no particular story: each field present with `fieldShare`. */
export function partialKamInputs(random: Random, fieldShare: number): KamInputs {
  const kam: KamInputs = {};
  if (random.chance(fieldShare)) kam.marketReputation = random.pick(REPUTATION_LEVELS);
  if (random.chance(fieldShare)) kam.growthPotential = random.pick(INPUT_LEVELS);
  if (random.chance(fieldShare)) kam.strategicFit = random.pick(INPUT_LEVELS);
  if (random.chance(fieldShare)) kam.perceptionLevel = random.pick(PERCEPTION_LEVELS);
  if (random.chance(fieldShare)) kam.paymentDiscipline = random.pick(PAYMENT_DISCIPLINE);
  if (random.chance(fieldShare)) kam.recommendsUs = random.chance(0.5);
  return kam;
}

export function randomLossReason(random: Random): KamInputs['lossReason'] {
  return random.pick(LOSS_REASONS);
}
