/**
 * One company rescored through the sync engine's `rescoreCompany`: read the company and its
 * associated records (capped, so a huge account stays within a function's time budget), score it
 * with the stored Pareto class and revenue reference, write only what changed. The same values as
 * `kam sync` for the same data, so a webhook, the custom action and the CLI agree.
 */
import { isKeystoneError, KeystoneError } from '../errors';
import type { CrmGateway } from '../hubspot/gateway';
import type { ScoringModel } from '../settings/model-schema';
import { rescoreCompany } from '../sync/rescore-company';
import type { RescoreOutcome } from './engine-port';

export type SyncRescorerOptions = {
  gateway: CrmGateway;
  model: ScoringModel;
  now: () => Date;
};

/**
 * Returns `rescore(companyId)`. Throws `hubspot.not_found` for a company HubSpot does not know
 * and `incremental.write_failed` when HubSpot refused the write.
 * @example const rescore = createSyncRescorer({ gateway, model, now: () => new Date() }); await rescore('501')
 */
export function createSyncRescorer({
  gateway,
  model,
  now,
}: SyncRescorerOptions): (companyId: string) => Promise<RescoreOutcome> {
  return async (companyId) => {
    try {
      const { score, changedProperties } = await rescoreCompany({ gateway, companyId, model, now: now() });
      return {
        companyId,
        changedProperties: Object.keys(changedProperties),
        score: score.score,
        tier: score.tier,
        riskLevel: score.risk.level,
      };
    } catch (error) {
      if (isKeystoneError(error) && error.code === 'sync.write_failed') {
        throw new KeystoneError(
          'incremental.write_failed',
          `rescore company ${companyId}: write refused: ${error.message}`,
          {
            companyId,
          },
        );
      }
      throw error;
    }
  };
}
