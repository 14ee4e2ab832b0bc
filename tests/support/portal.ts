/** Shared set-up for sync integration tests: an emulator with a generated portfolio, driven through the real client. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { generatePortfolio } from '../../emulator/generator';
import { createGateway, type CrmGateway, type GatewayOptions } from '../../src/engine/hubspot/gateway';
import { KAM_OUTPUT_PROPERTY_NAMES } from '../../src/engine/hubspot/kam-properties';
import { ensureKamProperties } from '../../src/engine/hubspot/property-setup';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import { FileCheckpoint } from '../../src/engine/sync/checkpoint';
import { createPortfolioScorer } from '../../src/engine/sync/portfolio-scorer';
import { runSync, type SyncOptions } from '../../src/engine/sync/sync-run';

export const TOKEN = 'sync-test-token';
export const NOW = new Date('2026-11-01T00:00:00.000Z');

export async function portalWithPortfolio(
  companies: number,
  seed = 11,
  options: Omit<EmulatorOptions, 'token'> = {},
): Promise<RunningEmulator> {
  const emulator = await startEmulator({ ...options, token: TOKEN });
  await fillPortal(emulator, companies, seed);
  return emulator;
}

export async function fillPortal(emulator: RunningEmulator, companies: number, seed = 11): Promise<void> {
  emulator.reset();
  await ensureKamProperties(gatewayFor(emulator));
  emulator.loadSnapshot(generatePortfolio({ companies, seed, now: NOW }).snapshot);
  emulator.requestLog.clear();
}

/**
 * Waits until the emulator's search index has every write made so far (its search lag, 0 unless
 * a test or CI's second pass turned it on): what a user sees by searching a few seconds later.
 */
export async function searchCaughtUp(emulator: RunningEmulator): Promise<void> {
  const lagMs = emulator.fidelity().searchLagMs;
  if (lagMs > 0) await new Promise((resolve) => setTimeout(resolve, lagMs + 20));
}

export function gatewayFor(emulator: RunningEmulator, options: Partial<GatewayOptions> = {}): CrmGateway {
  return createGateway({ accessToken: TOKEN, basePath: emulator.url, ...options });
}

export function tempCheckpoint(): FileCheckpoint {
  return new FileCheckpoint(join(mkdtempSync(join(tmpdir(), 'kam-sync-')), 'checkpoint.jsonl'));
}

export function sync(gateway: CrmGateway, overrides: Partial<SyncOptions> = {}) {
  return runSync({
    gateway,
    scorer: createPortfolioScorer(DEFAULT_SCORING_MODEL),
    modelVersion: DEFAULT_SCORING_MODEL.version,
    now: NOW,
    scope: { kind: 'all' },
    target: 'test',
    ...overrides,
  });
}

/** Every company's kam_* outputs, for comparing end states. */
export async function outputsOf(
  emulator: RunningEmulator,
): Promise<Record<string, Record<string, string | null>>> {
  const gateway = gatewayFor(emulator);
  const all: Record<string, Record<string, string | null>> = {};
  let after: string | undefined;
  do {
    const page = await gateway.listPage('companies', KAM_OUTPUT_PROPERTY_NAMES, after);
    for (const company of page.results) {
      const outputs: Record<string, string | null> = {};
      for (const name of KAM_OUTPUT_PROPERTY_NAMES) outputs[name] = company.properties[name] ?? null;
      all[company.id] = outputs;
    }
    after = page.after;
  } while (after);
  return all;
}
