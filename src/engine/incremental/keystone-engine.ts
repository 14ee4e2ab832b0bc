/**
 * The incremental engine as the endpoint functions run it: a gateway for the request's access
 * token, the active scoring model (resolved once per request, shipped defaults when none was
 * saved), associations for event objects, and the sync engine's one-company rescore.
 */
import { createGateway, HUBSPOT_API_BASE_URL } from '../hubspot/gateway';
import { customObjectModelStores, type ModelStoreFactory } from '../hubspot/model-store';
import { scoringModelOf } from '../settings/model-policy';
import type { ScoringModel } from '../settings/model-schema';
import { createCrmIncrementalEngine } from './crm-engine';
import type { IncrementalEngine } from './engine-port';
import type { InstallReport } from './self-install';
import { changedSomething, ensureKeystoneInstalled, instanceKeyOf } from './self-install';
import { createSyncRescorer } from './sync-rescorer';

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
  /** Told when the first rescore had to create or repair Keystone's properties or model store. */
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
      (report) => {
        if (changedSomething(report)) options.onInstalled?.(report);
      },
      options.modelStores,
    );
  const stores = options.modelStores ?? customObjectModelStores;
  let model: Promise<ScoringModel> | undefined;
  const activeModel = (): Promise<ScoringModel> =>
    (model ??= scoringModelOf({
      explicit: options.model,
      store: () => stores.open({ gateway, now: options.now }),
    }));
  return createCrmIncrementalEngine({
    gateway,
    rescore: async (companyId) => {
      await installed();
      return createSyncRescorer({ gateway, model: await activeModel(), now: options.now })(companyId);
    },
  });
}
