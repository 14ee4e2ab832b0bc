/**
 * A manager's tier pin (docs/decisions/0004-who-may-pin.md) and its precedence over the model.
 * Every rescoring path goes through here: the core keeps scoring from the model's own last tier
 * (`kam_tier_computed`), the computed tier is always stored beside the pin, and `kam_tier` — what
 * workflows enrol on — holds the pinned tier while the pin lasts. An expired pin is not cleared: its
 * fields stay as the record of the last override, and simply stop counting.
 */
import { STRATEGIES, TIERS, type Strategy, type Tier } from '../core/enums';
import type { CompanyRecord } from '../core/snapshot';
import type { OutputValues } from './diff';

export type TierPin = {
  tier: Tier;
  strategy: Strategy | null;
  reason: string;
  /** ISO timestamp; null means the pin never lapses on its own (set by hand in HubSpot). */
  expiresAt: string | null;
  pinnedBy: string;
};

type Properties = Readonly<Record<string, string | null | undefined>>;

function oneOf<const T extends readonly string[]>(
  values: T,
  raw: string | null | undefined,
): T[number] | null {
  return raw && (values as readonly string[]).includes(raw) ? (raw as T[number]) : null;
}

// HubSpot echoes datetimes as ISO strings or epoch milliseconds, depending on the API.
const toMs = (value: string): number => (/^\d+$/.test(value) ? Number(value) : Date.parse(value));

/** The pin recorded on a company, active or not; null when no tier is pinned. */
export function recordedPinOf(properties: Properties): TierPin | null {
  const tier = oneOf(TIERS, properties.kam_tier_pinned?.trim());
  if (!tier) return null;
  const expiresRaw = properties.kam_pin_expires_at?.trim() ?? '';
  const expiresMs = expiresRaw === '' ? NaN : toMs(expiresRaw);
  return {
    tier,
    strategy: oneOf(STRATEGIES, properties.kam_strategy_pinned?.trim()),
    reason: properties.kam_pin_reason?.trim() ?? '',
    expiresAt: Number.isNaN(expiresMs) ? null : new Date(expiresMs).toISOString(),
    pinnedBy: properties.kam_pinned_by?.trim() ?? '',
  };
}

/** The pin in force at `now`: a pinned tier with no expiry or one after `now`. */
export function activePinOf(properties: Properties, now: Date): TierPin | null {
  const pin = recordedPinOf(properties);
  if (!pin) return null;
  return pin.expiresAt === null || Date.parse(pin.expiresAt) > now.getTime() ? pin : null;
}

/**
 * The record the core scores. Once a pin has been recorded, `kam_tier` may hold the pinned tier
 * (still in force, or lapsed but not yet rescored); hysteresis must start from what the model
 * itself computed last time, or a pin would outlive its expiry through the hysteresis band.
 */
export function recordForScoring(company: CompanyRecord): CompanyRecord {
  const computed = oneOf(TIERS, company.properties.kam_tier_computed);
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
