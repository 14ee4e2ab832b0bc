/**
 * Sets or clears a company's tier pin (docs/decisions/0004-who-may-pin.md), then rescores it at
 * once, so `kam_tier` (and the tier trail workflows enrol on) reflects the pin now rather than at
 * the next sync. What a pin does to the scores is the core's (`readCompanyInput`) and the output
 * values' (`outputValuesOf`) business, for every rescoring path alike.
 */
import type { Strategy, Tier } from '../core/enums';
import { KeystoneError } from '../errors';
import type { CrmGateway } from '../hubspot/gateway';
import type { ScoringModel } from '../settings';
import { rescoreCompany, type RescoreResult } from './rescore-company';

export type PinRequest = {
  tier: Tier;
  strategy?: Strategy | null;
  reason: string;
  /** ISO timestamp; checked by the caller to be in the future. */
  expiresAt: string;
  pinnedBy: string;
};

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

export async function pinCompanyTier(options: {
  gateway: CrmGateway;
  companyId: string;
  /** null clears the pin: the computed tier returns to `kam_tier` with the normal trail. */
  pin: PinRequest | null;
  model: ScoringModel;
  now: Date;
}): Promise<RescoreResult> {
  const { gateway, companyId } = options;
  const { records } = await gateway.batchRead('companies', [companyId], ['kam_tier_pinned']);
  if (records.length === 0) {
    throw new KeystoneError('hubspot.not_found', `company ${companyId} does not exist or was deleted`, {
      companyId,
    });
  }
  const outcome = await gateway.batchUpdate('companies', [
    { id: companyId, properties: pinPropertiesOf(options.pin) },
  ]);
  if (outcome.failures.length > 0) {
    throw new KeystoneError(
      'sync.write_failed',
      `writing the tier pin of company ${companyId}: ${outcome.failures[0]?.message ?? 'HubSpot refused the update'}`,
      { companyId },
    );
  }
  return rescoreCompany({ gateway, companyId, model: options.model, now: options.now });
}
