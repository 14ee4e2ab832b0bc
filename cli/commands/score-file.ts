/**
 * `kam score-file <snapshot.json>`: scores a portfolio snapshot file with the core, offline (no
 * HubSpot, no emulator). A table for people, `--json` for programs. Thin: read and validate the
 * files, call `scorePortfolio`, shape the output.
 */
import type { Command } from 'commander';
import {
  KAISM_QUADRANT_LABELS,
  STRATEGY_LABELS,
  scorePortfolio,
  type CompanyScore,
  type PortfolioScore,
  type PortfolioSnapshot,
} from '../../src/engine/core';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import { KeystoneError } from '../../src/engine/errors';
import { readModelFile, readSnapshotFile } from '../input-files';
import type { CliIo } from '../output';
import { parseTimeFlag } from '../time-flags';

export type ScoreFileFlags = { model?: string; now?: string; json?: boolean };

/** `--now`, else the snapshot's `takenAt`, else the current time (the CLI's one use of the clock). */
function scoringTime(flag: string | undefined, snapshot: PortfolioSnapshot): Date {
  if (flag !== undefined) return parseTimeFlag('--now', flag);
  if (snapshot.takenAt !== undefined) {
    const takenAt = new Date(snapshot.takenAt);
    if (Number.isNaN(takenAt.getTime())) {
      throw new KeystoneError(
        'snapshot.invalid',
        `snapshot takenAt must be an ISO time, got "${snapshot.takenAt}"`,
      );
    }
    return takenAt;
  }
  return new Date();
}

const TIER_ARROW = { up: '↑', down: '↓' } as const;

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function tierText(result: CompanyScore): string {
  if (result.tierDirection === null || result.previousTier === null) return result.tier;
  return `${result.tier} ${TIER_ARROW[result.tierDirection]} (was ${result.previousTier})`;
}

/** The table for people: one line per company, best score first, then a summary. */
export function formatTable(portfolio: PortfolioScore): string {
  const columns: [string, number][] = [
    ['Company', 28],
    ['Score', 5],
    ['Tier', 26],
    ['Attr', 5],
    ['Str', 5],
    ['Conf', 4],
    ['KAISM', 21],
    ['Strategy', 26],
    ['P', 1],
    ['Risk', 12],
    ['Issues', 6],
    ['Top recommendation', 44],
  ];
  const line = (values: string[]) =>
    values
      .map((value, index) => cell(value, columns[index]![1]))
      .join('  ')
      .trimEnd();
  const rows = [...portfolio.results]
    .sort((a, b) => b.score - a.score || (a.companyId < b.companyId ? -1 : 1))
    .map((result) =>
      line([
        result.name ?? `#${result.companyId}`,
        result.score.toFixed(1),
        tierText(result),
        result.attractiveness.toFixed(1),
        result.strength.toFixed(1),
        result.confidence.toFixed(2),
        KAISM_QUADRANT_LABELS[result.kaismQuadrant].en,
        STRATEGY_LABELS[result.strategy].en,
        result.paretoClass,
        result.risk.level === 'none' ? '-' : `${result.risk.level} (${result.risk.lossStage})`,
        String(result.dataIssues.length),
        result.recommendations[0]?.title.en ?? '-',
      ]),
    );
  const tiers = { key: 0, important: 0, regular: 0 };
  let changed = 0;
  let issues = 0;
  let companiesWithIssues = 0;
  for (const result of portfolio.results) {
    tiers[result.tier] += 1;
    if (result.tierChanged) changed += 1;
    issues += result.dataIssues.length;
    if (result.dataIssues.length > 0) companiesWithIssues += 1;
  }
  const { pareto } = portfolio;
  const share = (value: number) => `${Math.round(value * 100)}%`;
  return [
    line(columns.map(([title]) => title)),
    line(columns.map(([, width]) => '-'.repeat(width))),
    ...rows,
    '',
    `${portfolio.results.length} companies scored at ${portfolio.scoredAt} with model ${portfolio.modelVersion} (home currency ${portfolio.homeCurrency}).`,
    `Tiers: key ${tiers.key}, important ${tiers.important}, regular ${tiers.regular}; ${changed} changed tier.`,
    `Pareto (won revenue, last 12 months): A ${pareto.companies.A} companies ${share(pareto.revenueShare.A)}, B ${pareto.companies.B} ${share(pareto.revenueShare.B)}, C ${pareto.companies.C} ${share(pareto.revenueShare.C)}.`,
    `Data issues: ${issues} unusable value(s) in ${companiesWithIssues} compan${companiesWithIssues === 1 ? 'y' : 'ies'}${issues > 0 ? ' (details with --json)' : ''}.`,
  ].join('\n');
}

/** Runs `kam score-file`: reads, scores and writes through `io`. */
export function scoreFile(io: CliIo, snapshotPath: string, flags: ScoreFileFlags): PortfolioScore {
  const snapshot = readSnapshotFile(snapshotPath);
  const model = flags.model === undefined ? DEFAULT_SCORING_MODEL : readModelFile(flags.model);
  const portfolio = scorePortfolio({
    companies: snapshot.companies,
    model,
    now: scoringTime(flags.now, snapshot),
    homeCurrency: snapshot.homeCurrency,
  });
  io.out(flags.json ? JSON.stringify(portfolio, null, 2) : formatTable(portfolio));
  return portfolio;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('score-file')
    .description(
      'Score a portfolio snapshot file offline (no HubSpot): score, tier, KAISM quadrant, strategy, Pareto class, risk and recommendations per company.',
    )
    .argument('<snapshot>', 'snapshot JSON file (as `kam generate` writes it)')
    .option('--model <file>', 'scoring model JSON file (default: the shipped model)')
    .option('--now <iso>', "score as of this time (default: the snapshot's takenAt, else now)")
    .option('--json', 'print the full results as JSON')
    .action((snapshotPath: string, flags: ScoreFileFlags) => {
      scoreFile(io, snapshotPath, flags);
    });
}
