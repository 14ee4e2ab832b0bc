import type { Command } from 'commander';
import {
  ensureAccountPlanSchema,
  ensureKamProperties,
  ensureModelStoreSchema,
  PLAN_STORE_UNAVAILABLE,
} from '../../src/engine/hubspot';
import { KeystoneError, isKeystoneError } from '../../src/engine/errors';
import { hubspotFromEnv } from '../hubspot-env';
import type { CliIo } from '../output';

type StoreStatus =
  | { available: true; objectTypeId: string; created: boolean }
  | { available: false; code: string; message: string };

type Gateway = Parameters<typeof ensureModelStoreSchema>[0];

/**
 * A custom object (the scoring-model store, the account-plan store), created when missing. A
 * portal without custom objects (HubSpot Professional) can't have one: Keystone then scores with
 * the shipped default model and keeps no plans, and setup says so instead of failing, since the
 * kam_* properties it made are all scoring needs.
 */
async function storeStatus(
  ensure: (gateway: Gateway) => Promise<{ objectTypeId: string; created: boolean }>,
  gateway: Gateway,
  unavailableCode: string,
): Promise<StoreStatus> {
  try {
    return { available: true, ...(await ensure(gateway)) };
  } catch (error) {
    if (isKeystoneError(error) && error.code === unavailableCode) {
      return { available: false, code: error.code, message: error.message };
    }
    throw error;
  }
}

/** `kam setup`: the property group, every kam_* property and Keystone's custom objects, idempotently. */
export function register(program: Command, io: CliIo): void {
  program
    .command('setup')
    .description(
      'create the key_account_management property group, every kam_* property and the custom objects for scoring models and account plans (safe to re-run)',
    )
    .option('--dry-run', 'only report what would be created or updated')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nEnvironment: HUBSPOT_ACCESS_TOKEN (required), HUBSPOT_BASE_URL (default https://api.hubapi.com)',
    )
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const { gateway, baseUrl } = hubspotFromEnv(io);
      const report = await ensureKamProperties(gateway, { dryRun: options.dryRun });
      const modelStore = options.dryRun
        ? null
        : await storeStatus(ensureModelStoreSchema, gateway, 'settings.store_unavailable');
      const planStore = options.dryRun
        ? null
        : await storeStatus(ensureAccountPlanSchema, gateway, PLAN_STORE_UNAVAILABLE);
      const failed = [...report.failed, ...report.contacts.failed];
      const conflicts = [...report.conflicts, ...report.contacts.conflicts];
      const createdCount = report.created.length + report.contacts.created.length;
      if (options.json) {
        io.out(JSON.stringify({ baseUrl, ...report, modelStore, planStore }, null, 2));
      } else {
        const verb = options.dryRun ? 'would be ' : '';
        io.out(`kam setup on ${baseUrl}${options.dryRun ? ' (dry run)' : ''}`);
        io.out(
          `  property group key_account_management: ${report.groupCreated ? `${verb}created` : 'already there'}`,
        );
        io.out(
          `  properties ${verb}created: ${report.created.length}, ${verb}updated: ${report.updated.length}, unchanged: ${report.unchanged.length}`,
        );
        const contacts = report.contacts;
        io.out(
          `  contact properties (organisation map) ${verb}created: ${contacts.created.length}, ${verb}updated: ${contacts.updated.length}, unchanged: ${contacts.unchanged.length}`,
        );
        if (modelStore?.available) {
          io.out(
            `  scoring-model store (custom object kam_scoring_model, ${modelStore.objectTypeId}): ${modelStore.created ? 'created' : 'already there'}`,
          );
        } else if (modelStore) {
          io.out(`  scoring-model store: NOT AVAILABLE — ${modelStore.message}`);
        }
        if (planStore?.available) {
          io.out(
            `  account-plan store (custom object kam_account_plan, ${planStore.objectTypeId}): ${planStore.created ? 'created' : 'already there'}`,
          );
        } else if (planStore) {
          io.out(`  account-plan store: NOT AVAILABLE — ${planStore.message}`);
        }
        for (const failure of failed) {
          io.out(
            `  FAILED ${failure.name}: ${failure.category ? `${failure.category}: ` : ''}${failure.message}`,
          );
        }
        for (const conflict of conflicts) {
          io.out(
            `  CONFLICT ${conflict.name}: exists as ${conflict.actualType}, Keystone needs ${conflict.expectedType} — left untouched`,
          );
        }
      }
      if (failed.length > 0) {
        throw new KeystoneError(
          'hubspot.partial_failure',
          `${failed.length} of ${failed.length + createdCount} new properties were not created (HubSpot answered 207): ${failed.map((f) => f.name).join(', ')}; run kam setup again`,
          { failed },
        );
      }
      if (conflicts.length > 0) {
        throw new KeystoneError(
          'input.property_conflict',
          `${conflicts.length} property name(s) are taken by properties of another type: ${conflicts.map((c) => c.name).join(', ')}`,
        );
      }
    });
}
