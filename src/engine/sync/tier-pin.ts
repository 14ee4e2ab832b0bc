/**
 * A manager's tier pin (docs/decisions/0004-who-may-pin.md) and its precedence over the model.
 * Every rescoring path goes through here: the core keeps scoring from the model's own last tier
 * (`kam_tier_computed`), the computed tier is always stored beside the pin, and `kam_tier` — what
 * workflows enrol on — holds the pinned tier while the pin lasts. An expired pin is not cleared: its
 * fields stay as the record of the last override, and simply stop counting.
 */
import { TIERS, type Strategy, type Tier } from '../core/enums';
import { activePinOf, recordedPinOf } from '../core/tier-pin';
import type { CompanyRecord } from '../core/snapshot';
import type { OutputValues } from './diff';

export { activePinOf, recordedPinOf, type TierPin } from '../core/tier-pin';

type Properties = Readonly<Record<string, string | null | undefined>>;

const tierOf = (raw: string | null | undefined): Tier | null =>
  raw && (TIERS as readonly string[]).includes(raw) ? (raw as Tier) : null;

/**
 * The record the core scores. Once a pin has been recorded, `kam_tier` may hold the pinned tier
 * (still in force, or lapsed but not yet rescored); hysteresis must start from what the model
 * itself computed last time, or a pin would outlive its expiry through the hysteresis band.
 */
export function recordForScoring(company: CompanyRecord): CompanyRecord {
  const computed = tierOf(company.properties.kam_tier_computed);
  if (!computed || !recordedPinOf(company.properties)) return company;
  return { ...company, properties: { ...company.properties, kam_tier: computed } };
}

/**
 * The values to store given the model's values and the company's pin: the computed tier always
 * goes to `kam_tier_computed`; while a pin is in force `kam_tier` (and `kam_strategy`, when one
 * was pinned) hold the pinned values. The diff then writes the tier trail whenever `kam_tier` moves,
 * so a pin set or lapsing looks to workflows like any other tier change.
 */
export function withPinApplied(desired: OutputValues, stored: Properties, now: Date): OutputValues {
  const withComputed: OutputValues = { ...desired, kam_tier_computed: desired.kam_tier };
  const pin = activePinOf(stored, now);
  if (!pin) return withComputed;
  return {
    ...withComputed,
    kam_tier: pin.tier,
    ...(pin.strategy ? { kam_strategy: pin.strategy } : {}),
  };
}

/** The pin properties to write to set `pin`, or with null to clear every one of them. */
export function pinPropertiesOf(
  pin: { tier: Tier; strategy?: Strategy | null; reason: string; expiresAt: string; pinnedBy: string } | null,
): Record<string, string> {
  // An empty string clears a HubSpot property.
  if (!pin) {
    return {
      kam_tier_pinned: '',
      kam_strategy_pinned: '',
      kam_pin_reason: '',
      kam_pin_expires_at: '',
      kam_pinned_by: '',
    };
  }
  return {
    kam_tier_pinned: pin.tier,
    kam_strategy_pinned: pin.strategy ?? '',
    kam_pin_reason: pin.reason,
    kam_pin_expires_at: pin.expiresAt,
    kam_pinned_by: pin.pinnedBy,
  };
}
