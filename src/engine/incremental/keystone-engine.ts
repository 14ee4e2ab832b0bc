/**
 * The incremental engine as the endpoint functions run it: a gateway for the request's access
 * token, the active scoring model (resolved once per request, shipped defaults when none was
 * saved), associations for event objects, and `rescoreCompany`, the one-company path the card's
 * Recalculate calls too: the same values as `kam sync` for the same data.
 */
import { createAccountPlanStore } from '../hubspot/account-plan-store';
import { createGateway, HUBSPOT_API_BASE_URL } from '../hubspot/gateway';
import { customObjectModelStores, type ModelStoreFactory } from '../hubspot/model-store';
import { scoringModelOf } from '../settings/model-policy';
import type { ScoringModel } from '../settings/model-schema';
import { isKeystoneError, KeystoneError } from '../errors';
import type { IncrementalEngine } from './engine-port';
import type { InstallReport } from './self-install';
import { ensureKeystoneInstalled, instanceKeyOf } from './self-install';
import { rescoreCompany } from '../sync/rescore-company';
import { associatedCompanyIds } from './associated-companies';

// About 15 s per function call: a retry may wait, but not three times in a row.
const FUNCTION_MAX_RETRIES = 2;

export type KeystoneEngineOptions = {
  accessToken: string;
  /** HubSpot's API; the emulator in tests. */
  basePath?: string;
  now: () => Date;
  /** A fixed model (tests); otherwise the active stored model, read once per engine. */
  model?: ScoringModel;
  /** Where scoring models are stored; the custom object unless configured (kam serve --model-store). */
  modelStores?: ModelStoreFactory;
  /** Told what the first rescore's install found and did (`logInstallation` says it in the log). */
  onInstalled?: (report: InstallReport) => void;
};

/**
 * Builds the engine for one request.
 * @example createKeystoneEngine({ accessToken: process.env.PRIVATE_APP_ACCESS_TOKEN, now: () => new Date() })
 */
export function createKeystoneEngine(options: KeystoneEngineOptions): IncrementalEngine {
  const basePath = options.basePath ?? HUBSPOT_API_BASE_URL;
  const gateway = createGateway({
    accessToken: options.accessToken,
    basePath,
    maxRetries: FUNCTION_MAX_RETRIES,
  });
  // the kam_* properties and the model store, created or repaired once per warm instance
  const installed = () =>
    ensureKeystoneInstalled(
      gateway,
      instanceKeyOf(basePath, options.accessToken),
      (report) => options.onInstalled?.(report),
      options.modelStores,
    );
  const stores = options.modelStores ?? customObjectModelStores;
  let model: Promise<ScoringModel> | undefined;
  const activeModel = (): Promise<ScoringModel> =>
    (model ??= scoringModelOf({
      explicit: options.model,
      store: () => stores.open({ gateway, now: options.now }),
    }));
  // one plan store per request: the plan object's type is looked up once for all its companies
  const plans = createAccountPlanStore({ gateway, now: options.now });
  return {
    resolveCompanyIds: (objects) => associatedCompanyIds(gateway, objects),
    async rescoreCompany(companyId) {
      await installed();
      const model = await activeModel();
      try {
        const { score, changedProperties } = await rescoreCompany({
          gateway,
          companyId,
          model,
          now: options.now(),
          plans,
        });
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
            { companyId },
          );
        }
        throw error;
      }
    },
  };
}
