/**
 * The app installs itself: the first function (or `kam serve` request) that writes scores makes
 * sure the `kam_*` company properties, the scoring-model store and the account-plan object exist,
 * creating or repairing what is missing — the same idempotent steps as `kam setup`
 * (property-setup.ts, model-store.ts, account-plan-store.ts). It runs once per warm instance and portal: a success is remembered for the
 * life of the module (the platform keeps a warm function's modules), a failure is not, so the
 * next call tries again. When all is in place it costs a few reads (the properties of each object
 * type and one schema list per custom object).
 */
import { createHash } from 'node:crypto';
import { isKeystoneError, KeystoneError } from '../errors';
import { STORE_UNAVAILABLE } from '../settings/model-store';
import type { CrmGateway } from '../hubspot/gateway';
import type { Logger } from './engine-port';
import { ensureKamProperties, type SetupReport } from '../hubspot/property-setup';
import { customObjectModelStores, type ModelStoreFactory } from '../hubspot/model-store';
import {
  customObjectPlanStores,
  PLAN_STORE_UNAVAILABLE,
  type AccountPlanStoreFactory,
} from '../hubspot/account-plan-store';

export type InstallReport = {
  properties: Pick<SetupReport, 'groupCreated' | 'created' | 'updated'>;
  /** Null when the configured store needs nothing in the portal (kam serve's file store). */
  modelStore: { objectTypeId: string; created: boolean } | null;
  /**
   * Why the store could not be installed when the portal cannot have it (no custom objects below
   * Enterprise). Scoring goes on with the shipped defaults, as the model policy says for such a
   * portal; saving a model fails with the same reason.
   */
  modelStoreUnavailable?: string;
  /** The account-plan object (`kam_account_plan`); null when the portal cannot have it. */
  planStore: { objectTypeId: string; created: boolean } | null;
  /** Why plans cannot be stored here (no custom objects): scoring goes on, plans are not kept. */
  planStoreUnavailable?: string;
};

const installed = new Map<string, Promise<InstallReport>>();

async function install(
  gateway: CrmGateway,
  modelStores: ModelStoreFactory,
  planStores: AccountPlanStoreFactory,
): Promise<InstallReport> {
  const properties = await ensureKamProperties(gateway);
  const conflicts = [...properties.conflicts, ...properties.contacts.conflicts];
  if (conflicts.length > 0) {
    throw new KeystoneError(
      'input.property_conflict',
      `Keystone cannot install: ${conflicts
        .map((c) => `${c.name} exists as ${c.actualType}, Keystone needs ${c.expectedType}`)
        .join('; ')}. Rename or delete those properties in HubSpot (Settings › Properties).`,
      { conflicts },
    );
  }
  const report: InstallReport = {
    properties: {
      groupCreated: properties.groupCreated,
      created: properties.created,
      updated: properties.updated,
    },
    modelStore: null,
    planStore: null,
  };
  try {
    report.modelStore = await modelStores.install(gateway);
  } catch (error) {
    // the policy's "no custom objects: the shipped defaults"; any other failure stops the install
    if (!(isKeystoneError(error) && error.code === STORE_UNAVAILABLE)) throw error;
    report.modelStoreUnavailable = error.message;
  }
  try {
    report.planStore = await planStores.install(gateway);
  } catch (error) {
    if (!(isKeystoneError(error) && error.code === PLAN_STORE_UNAVAILABLE)) throw error;
    report.planStoreUnavailable = error.message;
  }
  return report;
}

/**
 * Ensures Keystone's properties and model store exist in the portal `instanceKey` names (the API
 * base URL and token, hashed; one per portal). Concurrent callers share one run.
 * @example await ensureKeystoneInstalled(gateway, instanceKeyOf(basePath, token))
 */
export function ensureKeystoneInstalled(
  gateway: CrmGateway,
  instanceKey: string,
  onInstalled?: (report: InstallReport) => void,
  modelStores: ModelStoreFactory = customObjectModelStores,
  planStores: AccountPlanStoreFactory = customObjectPlanStores,
): Promise<InstallReport> {
  const key = `${instanceKey}:${modelStores.kind}`;
  const known = installed.get(key);
  if (known) return known;
  const running = install(gateway, modelStores, planStores).then(
    (report) => {
      onInstalled?.(report);
      return report;
    },
    (error: unknown) => {
      installed.delete(key);
      throw error;
    },
  );
  installed.set(key, running);
  return running;
}

/** One key per portal and token, never the token itself. */
export function instanceKeyOf(basePath: string, accessToken: string): string {
  return createHash('sha256').update(`${basePath}\n${accessToken}`).digest('hex').slice(0, 24);
}

/** Forgets every installation (tests that reset the portal between cases). */
export function forgetInstallations(): void {
  installed.clear();
}

/** Whether anything was created or repaired (worth a log line). */
function changedSomething(report: InstallReport): boolean {
  return (
    report.properties.groupCreated ||
    report.properties.created.length > 0 ||
    report.properties.updated.length > 0 ||
    report.modelStore?.created === true ||
    report.planStore?.created === true
  );
}

/**
 * Says in the log what an install did: what it created or repaired (info), and a model store the
 * portal cannot have (a warning with what to do). Silent when all was in place.
 */
export function logInstallation(logger: Logger, report: InstallReport, prefix = ''): void {
  if (changedSomething(report)) logger.info(`${prefix}installed Keystone in the portal`, report);
  if (report.modelStoreUnavailable !== undefined) {
    logger.warn(`${prefix}no model store in this portal, scoring with the shipped defaults`, {
      reason: report.modelStoreUnavailable,
    });
  }
  if (report.planStoreUnavailable !== undefined) {
    logger.warn(`${prefix}no account-plan store in this portal, plans cannot be saved`, {
      reason: report.planStoreUnavailable,
    });
  }
}
