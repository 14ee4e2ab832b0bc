/**
 * A manager's tier pin as recorded on a company (docs/decisions/0004-who-may-pin.md): read here,
 * once, for the core (`readCompanyInput`: a pin in force takes a place of its tier, holds `kam_tier`
 * and its strategy; a recorded pin moves hysteresis onto the computed tier) and the settings
 * preview. An expiry is read as every other HubSpot date is (`dateValueOf`).
 */
import { STRATEGIES, TIERS, type Strategy, type Tier } from './enums';
import { dateValueOf } from './values';

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

/** The pin recorded on a company, active or not; null when no tier is pinned. */
export function recordedPinOf(properties: Properties): TierPin | null {
  const tier = oneOf(TIERS, properties.kam_tier_pinned?.trim());
  if (!tier) return null;
  const expiresRaw = properties.kam_pin_expires_at?.trim() ?? '';
  // HubSpot echoes datetimes as ISO strings or epoch milliseconds, depending on the API
  const expiresMs = expiresRaw === '' ? null : dateValueOf(expiresRaw);
  return {
    tier,
    strategy: oneOf(STRATEGIES, properties.kam_strategy_pinned?.trim()),
    reason: properties.kam_pin_reason?.trim() ?? '',
    expiresAt: expiresMs === null ? null : new Date(expiresMs).toISOString(),
    pinnedBy: properties.kam_pinned_by?.trim() ?? '',
  };
}

/** The pin in force at `now`: a pinned tier with no expiry or one after `now`. */
export function activePinOf(properties: Properties, now: Date | number): TierPin | null {
  return pinInForce(recordedPinOf(properties), now);
}

/** `pin` when it is in force at `now` (no expiry, or one after `now`); otherwise null. */
export function pinInForce(pin: TierPin | null, now: Date | number): TierPin | null {
  if (!pin) return null;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return pin.expiresAt === null || Date.parse(pin.expiresAt) > nowMs ? pin : null;
}
