import type { Command } from 'commander';
import { ensureKamProperties } from '../../src/engine/hubspot/property-setup';
import { ensureModelStoreSchema } from '../../src/engine/settings/model-store';
import { KeystoneError } from '../../src/engine/errors';
import { hubspotFromEnv } from '../hubspot-env';
import type { CliIo } from '../output';

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
      const modelStore = options.dryRun ? null : await ensureModelStoreSchema(gateway);
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
        if (modelStore) {
          io.out(
            `  scoring-model store (custom object kam_scoring_model, ${modelStore.objectTypeId}): ${modelStore.created ? 'created' : 'already there'}`,
          );
        }
        for (const conflict of report.conflicts) {
          io.out(
            `  CONFLICT ${conflict.name}: exists as ${conflict.actualType}, Keystone needs ${conflict.expectedType} — left untouched`,
          );
        }
      }
      if (report.conflicts.length > 0) {
        throw new KeystoneError(
          'input.property_conflict',
          `${report.conflicts.length} property name(s) are taken by properties of another type: ${report.conflicts.map((c) => c.name).join(', ')}`,
        );
      }
    });
}
