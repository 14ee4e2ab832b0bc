/**
 * Sets or clears a company's tier pin, then rescores it at once, so `kam_tier` (and the tier trail
 * workflows enrol on) reflects the pin now rather than at the next sync.
 */
import type { Strategy, Tier } from '../core/enums';
import { KeystoneError } from '../errors';
import type { CrmGateway } from '../hubspot/gateway';
import type { ScoringModel } from '../settings';
import { rescoreCompany, type RescoreResult } from './rescore-company';
import { pinPropertiesOf } from './tier-pin';

export type PinRequest = {
  tier: Tier;
  strategy?: Strategy | null;
  reason: string;
  /** ISO timestamp; checked by the caller to be in the future. */
  expiresAt: string;
  pinnedBy: string;
};

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
