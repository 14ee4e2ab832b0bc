import type { Command } from 'commander';
import { ensureKamProperties, ensureModelStoreSchema } from '../../src/engine/hubspot';
import { KeystoneError, isKeystoneError } from '../../src/engine/errors';
import { hubspotFromEnv } from '../hubspot-env';
import type { CliIo } from '../output';

type ModelStoreStatus =
  | { available: true; objectTypeId: string; created: boolean }
  | { available: false; code: string; message: string };

/**
 * The scoring-model store, created when missing. A portal without custom objects (HubSpot
 * Professional) can't have one: Keystone then scores with the shipped default model, and setup
 * says so instead of failing, since the kam_* properties it made are all the app needs.
 */
async function modelStoreStatus(
  gateway: Parameters<typeof ensureModelStoreSchema>[0],
): Promise<ModelStoreStatus> {
  try {
    return { available: true, ...(await ensureModelStoreSchema(gateway)) };
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'settings.store_unavailable') {
      return { available: false, code: error.code, message: error.message };
    }
    throw error;
  }
}

/** `kam setup`: the property group and every kam_* company property, idempotently. */
export function register(program: Command, io: CliIo): void {
  program
    .command('setup')
    .description(
      'create the key_account_management property group and every kam_* company property (safe to re-run)',
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
      const modelStore = options.dryRun ? null : await modelStoreStatus(gateway);
      const failed = [...report.failed, ...report.contacts.failed];
      const conflicts = [...report.conflicts, ...report.contacts.conflicts];
      const createdCount = report.created.length + report.contacts.created.length;
      if (options.json) {
        io.out(JSON.stringify({ baseUrl, ...report, modelStore }, null, 2));
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
