/**
 * `kam report`: the portfolio analysis (KAISM matrix, 3×3 strategies, movers, key accounts at
 * risk, Pareto, declining key accounts) as a self-contained HTML file with ECharts charts, or as
 * JSON. Reads the values Keystone stored in HubSpot (search API, never rescoring), or scores a
 * snapshot file locally with the core and the shipped model.
 */
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KeystoneError } from '../../src/engine/errors';
import { gatewayCompanySearch, readStoredPortfolio } from '../../src/engine/hubspot';
import {
  PORTFOLIO_PROPERTIES,
  TIER_MOVEMENT_PROPERTIES,
  analysePortfolio,
  appendParsedRow,
  emptyParsedPortfolio,
  type ParsedPortfolio,
  type PortfolioAnalysis,
  tierMovement,
  type TierMovement,
  scoredSnapshotRows,
} from '../../src/engine/portfolio';
import { buildReportHtml, loadEchartsSource } from '../../src/engine/report';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import { hubspotFromEnv } from '../hubspot-env';
import { readModelFile, streamSnapshotFile } from '../input-files';
import type { CliIo } from '../output';
import { createProgress } from '../progress';
import { parseTimeFlag } from '../time-flags';

export type ReportFlags = {
  snapshot?: string;
  model?: string;
  out?: string;
  json?: boolean;
  now?: string;
  since?: string;
  from?: string;
  to?: string;
  declineThreshold?: string;
  years?: string;
  acquisitionCostPerRevenue?: string;
  portalId?: string;
  title?: string;
  progress: boolean;
};

export const DEFAULT_REPORT_FILE = 'kam-report.html';

function parseDateFlag(flag: string, value: string | undefined): Date | undefined {
  return value === undefined ? undefined : parseTimeFlag(flag, value);
}

function parseNumberFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number))
    throw new KeystoneError('input.invalid', `${flag} must be a number, got "${value}"`);
  return number;
}

const FLAG_OF_OPTION: Record<string, string> = {
  moversSince: '--since',
  declineThreshold: '--decline-threshold',
  yearCount: '--years',
  acquisitionCostPerRevenue: '--acquisition-cost-per-revenue',
};

type Loaded = {
  /** Analysis defaults from the scoring model, when the report knows it. */
  modelDefaults: { declineThreshold?: number; keyVolumeShare?: number };
  portfolio: ParsedPortfolio;
  now: Date;
  sourceLabel: string;
  kaismCut: { attractiveness: number; strength: number } | null;
  /** Movement between `--from` and `--to`, read from HubSpot's property history. */
  betweenDates?: TierMovement;
};

type DateRange = { from: Date; to: Date };

/** `--from` / `--to`: both or neither, ISO dates or times, from strictly before to. */
function parseDateRange(flags: ReportFlags): DateRange | undefined {
  if (flags.from === undefined && flags.to === undefined) return undefined;
  if (flags.from === undefined || flags.to === undefined) {
    throw new KeystoneError('input.invalid', '--from and --to go together: give both dates');
  }
  const from = parseTimeFlag('--from', flags.from);
  const to = parseTimeFlag('--to', flags.to);
  if (from.getTime() >= to.getTime()) {
    throw new KeystoneError(
      'input.invalid',
      `--from must be before --to, got ${from.toISOString()} and ${to.toISOString()}`,
    );
  }
  return { from, to };
}

async function loadFromHubspot(
  io: CliIo,
  flags: ReportFlags,
  now: Date | undefined,
  range: DateRange | undefined,
): Promise<Loaded> {
  const progress = createProgress(io, flags.progress && !flags.json);
  const { gateway, baseUrl } = hubspotFromEnv(io, {
    onRetry: (event) => {
      if (!flags.json) io.err(`retrying ${event.endpoint} (${event.reason}) in ${event.waitMs} ms`);
    },
  });
  const portfolio = emptyParsedPortfolio();
  let betweenDates: TierMovement | undefined;
  try {
    await readStoredPortfolio(gatewayCompanySearch(gateway), {
      properties: PORTFOLIO_PROPERTIES,
      onPage: (records, read) => {
        for (const record of records) appendParsedRow(portfolio, record);
        progress.update('reading', read.read, read.total);
      },
    });
    if (range !== undefined) {
      // HubSpot's own history of the output properties; the gateway reads 50 companies a call.
      const ids = portfolio.companies.map((company) => company.id);
      const names = new Map(portfolio.companies.map((company) => [company.id, company.name]));
      progress.update('reading history', 0, ids.length);
      const records = await gateway.batchReadWithHistory(
        'companies',
        ids,
        TIER_MOVEMENT_PROPERTIES,
        TIER_MOVEMENT_PROPERTIES,
      );
      progress.update('reading history', records.length, ids.length);
      betweenDates = tierMovement(
        records.map((record) => ({
          id: record.id,
          name: names.get(record.id) ?? null,
          history: record.history,
        })),
        range.from,
        range.to,
      );
    }
  } finally {
    progress.stop();
  }
  return {
    ...(betweenDates !== undefined ? { betweenDates } : {}),
    portfolio,
    now: now ?? new Date(),
    sourceLabel: `HubSpot (${new URL(baseUrl).host})`,
    kaismCut: null,
    modelDefaults: {},
  };
}

function loadFromSnapshot(path: string, modelPath: string | undefined, now: Date | undefined): Loaded {
  const model = modelPath === undefined ? DEFAULT_SCORING_MODEL : readModelFile(modelPath);
  const snapshot = streamSnapshotFile(path);
  const takenAt = snapshot.head.takenAt ? new Date(snapshot.head.takenAt) : undefined;
  const at = now ?? (takenAt && !Number.isNaN(takenAt.getTime()) ? takenAt : new Date());
  // parsed company by company as they are scored: only their own properties stay in memory
  const scored = scoredSnapshotRows(snapshot.companies, model, at);
  const portfolio = emptyParsedPortfolio();
  for (const row of scored.rows) appendParsedRow(portfolio, row);
  return {
    portfolio,
    now: at,
    sourceLabel: `snapshot ${path} (scored locally with model ${scored.modelVersion})`,
    kaismCut: model.kaismCut,
    // the model's own "sharp decline" and Pareto class A share, unless a flag says otherwise
    modelDefaults: { declineThreshold: model.risk.volumeDeclineShare, keyVolumeShare: model.pareto.a },
  };
}

function writeReport(path: string, html: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
  } catch (error) {
    throw new KeystoneError(
      'input.unwritable',
      `cannot write the report to ${path}: ${(error as Error).message}`,
      { path },
    );
  }
}

/** Runs the report; returns the analysis so callers (tests, other commands) can use it. */
export async function reportCommand(io: CliIo, flags: ReportFlags): Promise<PortfolioAnalysis> {
  const now = parseDateFlag('--now', flags.now);
  const options = {
    moversSince: parseDateFlag('--since', flags.since)?.toISOString(),
    declineThreshold: parseNumberFlag('--decline-threshold', flags.declineThreshold),
    yearCount: parseNumberFlag('--years', flags.years),
    acquisitionCostPerRevenue: parseNumberFlag(
      '--acquisition-cost-per-revenue',
      flags.acquisitionCostPerRevenue,
    ),
  };
  if (flags.portalId !== undefined && !/^\d{1,20}$/.test(flags.portalId)) {
    throw new KeystoneError(
      'input.invalid',
      `--portal-id must be a HubSpot account id (digits), got "${flags.portalId}"`,
    );
  }
  const range = parseDateRange(flags);
  if (range !== undefined && flags.snapshot !== undefined) {
    throw new KeystoneError(
      'input.invalid',
      '--from/--to need HubSpot: movement between dates is read from HubSpot property history, which a --snapshot does not have',
    );
  }
  const loaded =
    flags.snapshot !== undefined
      ? loadFromSnapshot(flags.snapshot, flags.model, now)
      : await loadFromHubspot(io, flags, now, range);
  const result = analysePortfolio(loaded.portfolio, loaded.now, {
    ...loaded.modelDefaults,
    ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
  });
  if (!result.ok) {
    const lines = result.issues.map(
      (issue) => `  ${FLAG_OF_OPTION[issue.path] ?? issue.path}: ${issue.message}`,
    );
    throw new KeystoneError('input.invalid', `invalid report options:\n${lines.join('\n')}`, {
      issues: result.issues,
    });
  }
  const analysis: PortfolioAnalysis =
    loaded.betweenDates !== undefined ? { ...result.value, betweenDates: loaded.betweenDates } : result.value;
  if (flags.json) io.out(JSON.stringify(analysis, null, 2));
  if (flags.out !== undefined || !flags.json) {
    const path = resolve(flags.out ?? DEFAULT_REPORT_FILE);
    const portalId = flags.portalId;
    const html = buildReportHtml({
      analysis,
      companies: loaded.portfolio.companies,
      echartsSource: loadEchartsSource(),
      sourceLabel: loaded.sourceLabel,
      title: flags.title,
      kaismCut: loaded.kaismCut,
      recordUrl: portalId
        ? (id) => `https://app.hubspot.com/contacts/${portalId}/record/0-2/${id}`
        : undefined,
    });
    writeReport(path, html);
    const message =
      `wrote ${path} (${(Buffer.byteLength(html) / 1_048_576).toFixed(1)} MB): ${analysis.totals.companies} companies, ` +
      `${analysis.totals.byTier.key} key accounts${keyPlacesOf(analysis)}, ${analysis.atRisk.accounts.length} at risk, ` +
      `${analysis.declining.accounts.length} declining`;
    // with --json, stdout carries only the JSON
    if (flags.json) io.err(message);
    else io.out(message);
  }
  return analysis;
}

/** " (of 40 places)" when the companies were written with tier places (issue #16), else nothing. */
function keyPlacesOf(analysis: { tierPlaces: { key: { places: number | null } } }): string {
  const places = analysis.tierPlaces.key.places;
  return places === null ? '' : ` (of ${places} places)`;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('report')
    .description(
      'Portfolio report: KAISM matrix, strategies, tier movers, key accounts at risk, Pareto and declining key accounts, as a self-contained HTML file with charts (or --json). Reads HubSpot (HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL) unless --snapshot is given.',
    )
    .option('--snapshot <file>', 'score this snapshot file locally instead of reading HubSpot')
    .option('--model <file>', 'scoring model for --snapshot (default: the shipped model)')
    .option(
      '--out <file>',
      `HTML file to write (default ${DEFAULT_REPORT_FILE}; with --json only when given)`,
    )
    .option('--json', 'print the analysis as JSON')
    .option('--now <iso>', 'analyse as of this time (default: now, or the snapshot time)')
    .option('--since <date>', 'tier movers since this date (default: 90 days before now)')
    .option(
      '--from <date>',
      'with --to: tier movement between two dates from HubSpot property history (HubSpot only)',
    )
    .option('--to <date>', 'with --from: the later date (ISO; a date alone is 00:00 UTC)')
    .option(
      '--decline-threshold <share>',
      'a volume cut at least this share counts as sharp, 0–1 (default 0.3)',
    )
    .option('--years <n>', 'complete years of key-group volume to show (default 4)')
    .option(
      '--acquisition-cost-per-revenue <n>',
      'assumed cost of winning new business per unit of yearly revenue it brings (default 0.3)',
    )
    .option('--portal-id <id>', 'link company names to their HubSpot records in this account')
    .option('--title <text>', 'report title')
    .option('--no-progress', 'no progress output')
    .action(async (flags: ReportFlags) => {
      await reportCommand(io, flags);
    });
}
