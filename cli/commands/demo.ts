import type { Command } from 'commander';
import { startEmulator } from '../../emulator';
import { generatePortfolio } from '../../emulator/generator';
import { KeystoneError } from '../../src/engine/errors';
import { createGateway, type CrmGateway, ensureKamProperties } from '../../src/engine/hubspot';
import { runSync, type SyncResult, createPortfolioScorer } from '../../src/engine/sync';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import type { CliIo } from '../output';
import { formatPortfolio, formatTierChanges } from '../portfolio-view';
import { simulateActivity } from '../demo-activity';

type DemoFlags = { companies: string; seed: string; json?: boolean };

const DEMO_TOKEN = 'demo-private-app-token';
const DAY_MS = 86_400_000;

function positiveInt(name: string, value: string, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new KeystoneError(
      'input.invalid',
      `${name} must be a whole number from 1 to ${max}, got "${value}"`,
    );
  }
  return parsed;
}

/**
 * The main job on the embedded default: a local CRM emulator filled with a generated portfolio,
 * `kam setup` and `kam sync` through the real @hubspot/api-client, then a day of simulated
 * CRM activity and a second sync that shows tier changes as workflows would see them.
 */
export async function runDemo(
  io: CliIo,
  flags: DemoFlags,
): Promise<{ first: SyncResult; second: SyncResult }> {
  const companies = positiveInt('--companies', flags.companies, 20_000);
  const seed = positiveInt('--seed', flags.seed, 2 ** 31 - 1);
  const now = new Date(Date.UTC(2026, 10, 1));
  const say = (line: string) => {
    if (!flags.json) io.out(line);
  };

  const emulator = await startEmulator({ token: DEMO_TOKEN });
  try {
    say(`Keystone demo — local HubSpot CRM emulator at ${emulator.url} (no account needed)`);
    const gateway: CrmGateway = createGateway({ accessToken: DEMO_TOKEN, basePath: emulator.url });
    const setup = await ensureKamProperties(gateway);
    say(
      `1. kam setup: ${setup.created.length} kam_* company properties created in group key_account_management`,
    );

    const { snapshot, groundTruth } = generatePortfolio({ companies, seed, now });
    emulator.loadSnapshot(snapshot);
    const planted = Object.values(groundTruth.archetypes).filter((a) => a !== 'ordinary').length;
    say(
      `2. generated portfolio (seed ${seed}): ${companies} companies, 4 years of deals, tickets, meetings, buying roles; ${planted} planted archetypes`,
    );

    const model = DEFAULT_SCORING_MODEL;
    const scorer = createPortfolioScorer(model);
    const syncAt = (at: Date) =>
      runSync({
        gateway,
        scorer,
        modelVersion: model.version,
        now: at,
        scope: { kind: 'all' },
        target: 'demo',
      });
    const first = await syncAt(now);
    say(
      `3. kam sync: ${first.summary.companiesScored} companies scored, ${first.summary.propertiesWritten} properties written, ` +
        `${first.summary.calls.totalCalls} API calls, ${(first.summary.durationMs / 1000).toFixed(1)} s`,
    );
    say('');
    say(formatPortfolio(first.scored));

    const later = new Date(now.getTime() + DAY_MS);
    const activity = await simulateActivity(gateway, first.scored, later, model.homeCurrency);
    say('');
    say(
      `4. the next day (${later.toISOString().slice(0, 10)}) the team logs new activity: ${activity.description}`,
    );
    const second = await syncAt(later);
    say(
      `5. kam sync again: ${second.summary.companiesChanged} companies changed, ${second.summary.propertiesWritten} properties written, ` +
        `${second.summary.calls.totalCalls} API calls`,
    );
    say(formatTierChanges(second.summary.tierChanges.list, second.scored));
    const third = await syncAt(later);
    say(
      `6. kam sync on unchanged data: ${third.summary.propertiesWritten} properties written (nothing changed, nothing sent)`,
    );
    if (flags.json) {
      io.out(JSON.stringify({ first: first.summary, second: second.summary, third: third.summary }, null, 2));
    }
    return { first, second };
  } finally {
    await emulator.close();
  }
}

export function register(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'run Keystone end to end on the local CRM emulator with a generated portfolio (no HubSpot account needed)',
    )
    .option('--companies <n>', 'portfolio size', '400')
    .option('--seed <n>', 'generator seed (same seed, same portfolio)', '42')
    .option('--json', 'print the run summaries as JSON')
    .action(async (flags: DemoFlags) => {
      await runDemo(io, flags);
    });
}
