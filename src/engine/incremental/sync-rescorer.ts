/**
 * One company rescored through the sync engine's partial run (`runSync` with an id scope): read
 * the company and its associated records, score it with the stored Pareto class and revenue
 * reference, write only what changed. The same code path as `kam sync --ids`, so a webhook, the
 * custom action and the CLI give the same values for the same data.
 */
import { riskLevelSchema } from '../core/enums';
import { KeystoneError } from '../errors';
import type { CrmGateway } from '../hubspot/gateway';
import type { ScoringModel } from '../settings/model-schema';
import { createPortfolioScorer } from '../sync/portfolio-scorer';
import { runSync } from '../sync/sync-run';
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
  const scorer = createPortfolioScorer(model);
  return async (companyId) => {
    const { summary, scored, writes } = await runSync({
      gateway,
      scorer,
      modelVersion: model.version,
      now: now(),
      scope: { kind: 'ids', ids: [companyId] },
      target: 'incremental',
    });
    if (summary.unknownCompanyIds.includes(companyId)) {
      throw new KeystoneError('hubspot.not_found', `rescore company ${companyId}: HubSpot does not know it`, {
        companyId,
      });
    }
    if (summary.writeFailures.length > 0) {
      const message = summary.writeFailures.map((failure) => failure.message ?? 'unknown').join('; ');
      throw new KeystoneError(
        'incremental.write_failed',
        `rescore company ${companyId}: write refused: ${message}`,
        {
          companyId,
        },
      );
    }
    const company = scored.find((candidate) => candidate.id === companyId);
    const written = writes.find((write) => write.id === companyId);
    const risk = riskLevelSchema.safeParse(company?.riskLevel);
    return {
      companyId,
      changedProperties: written ? Object.keys(written.properties) : [],
      score: company?.score ?? null,
      tier: company?.tier ?? null,
      riskLevel: risk.success ? risk.data : null,
    };
  };
}
