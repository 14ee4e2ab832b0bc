/**
 * The whole portfolio with its history, for the commands that look back in time (`kam backtest`,
 * `kam calibrate`): a snapshot file (`--snapshot`), or every company read from HubSpot.
 */
import type { CompanyRecord } from '../src/engine/core';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '../src/engine/settings';
import { listCompanyPage, readAssociatedRecords } from '../src/engine/sync';
import { hubspotFromEnv } from './hubspot-env';
import { readModelFile, readSnapshotFile } from './input-files';
import { loadModelForCli } from './model-source';
import type { CliIo } from './output';
import { createProgress } from './progress';
import { parseTimeFlag } from './time-flags';

export type HistoryPortfolio = {
  companies: CompanyRecord[];
  now: Date;
  homeCurrency?: string;
  activeModel: ScoringModel;
};

export type HistoryFlags = {
  activeModel?: string;
  snapshot?: string;
  now?: string;
  json?: boolean;
  progress: boolean;
};

function loadSnapshot(path: string, flags: HistoryFlags): HistoryPortfolio {
  const snapshot = readSnapshotFile(path);
  const takenAt = snapshot.takenAt ? new Date(snapshot.takenAt) : null;
  return {
    companies: snapshot.companies,
    now: flags.now
      ? parseTimeFlag('--now', flags.now)
      : takenAt && !Number.isNaN(takenAt.getTime())
        ? takenAt
        : new Date(),
    homeCurrency: snapshot.homeCurrency,
    // a file has no portal: the shipped model is "active" unless --active-model names another
    activeModel: flags.activeModel ? readModelFile(flags.activeModel) : DEFAULT_SCORING_MODEL,
  };
}

async function loadFromHubspot(io: CliIo, flags: HistoryFlags): Promise<HistoryPortfolio> {
  const { gateway } = hubspotFromEnv(io);
  const activeModel = await loadModelForCli(io, gateway, flags.activeModel, { quiet: flags.json });
  const progress = createProgress(io, flags.progress && !flags.json);
  const companies: CompanyRecord[] = [];
  try {
    let after: string | undefined;
    do {
      const page = await listCompanyPage(gateway, after);
      const chunk = await readAssociatedRecords(gateway, page.companies);
      companies.push(...chunk.companies);
      progress.update('reading', companies.length, null);
      after = page.after;
    } while (after !== undefined);
  } finally {
    progress.stop();
  }
  return { companies, now: flags.now ? parseTimeFlag('--now', flags.now) : new Date(), activeModel };
}

/** The portfolio from `--snapshot`, or from HubSpot (HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL). */
export async function loadHistoryPortfolio(io: CliIo, flags: HistoryFlags): Promise<HistoryPortfolio> {
  return flags.snapshot ? loadSnapshot(flags.snapshot, flags) : loadFromHubspot(io, flags);
}
