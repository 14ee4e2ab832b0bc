/**
 * `kam backtest`: would this model have seen it coming? Scores the portfolio as it stood at
 * --as-of (records dated on or before it only) with the active model and a draft side by side,
 * and judges both by the following --horizon: decline AUC, the key tier's share of the revenue
 * that followed, tier stability, and which accounts the draft would re-tier today.
 */
import type { Command } from 'commander';
import {
  parseHorizon,
  runBacktest,
  type BacktestResult,
  type ModelFigures,
  riskAucsOf,
  type RiskAucs,
  riskExamplesAt,
} from '../../src/engine/backtest';
import { KeystoneError } from '../../src/engine/errors';
import type { ScoringModel } from '../../src/engine/settings';
import { readModelFile } from '../input-files';
import type { CliIo } from '../output';
import { loadHistoryPortfolio } from '../history-portfolio';
import { parseTimeFlag } from '../time-flags';

export type BacktestFlags = {
  model?: string;
  activeModel?: string;
  asOf: string;
  horizon: string;
  declineShare: string;
  snapshot?: string;
  now?: string;
  json?: boolean;
  progress: boolean;
};

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const auc = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** The graded risk score against the one-line baselines and the best single sign (issue #17). */
function riskScoreLines(active: RiskAucs, draft: RiskAucs | null): string[] {
  const best = (aucs: RiskAucs) =>
    aucs.bestSingleSign ? `${auc(aucs.bestSingleSign.auc)} (${aucs.bestSingleSign.id})` : 'n/a';
  return [
    '',
    `Risk score, point in time (${active.examples} accounts buying before as-of, ${active.declined} declined):`,
    `  decline AUC of the risk score: active ${auc(active.riskScore)}${draft ? `, draft ${auc(draft.riskScore)}` : ''}`,
    `  baseline, days since the last purchase: ${auc(active.daysSinceLastPurchase)}`,
    `  baseline, last 3 months' revenue against the 3 before: ${auc(active.lastQuarterAgainstQuarterBefore)}`,
    `  best single warning sign: ${best(active)}`,
    '  oracle limit: n/a (known only for a generated portfolio with latent health: npm run bench:risk)',
  ];
}

function formatResult(result: BacktestResult): string {
  const models: ModelFigures[] = result.draft ? [result.active, result.draft] : [result.active];
  const row = (label: string, cell: (m: ModelFigures) => string) =>
    `  ${label.padEnd(44)}${models.map((m) => cell(m).padStart(20)).join('')}`;
  const lines = [
    `Backtest as of ${result.asOf.slice(0, 10)}, horizon ${result.horizonMonths} months (to ${result.horizonEnd.slice(0, 10)})`,
    `  ${result.companiesAtAsOf} companies then, ${result.buyingAtAsOf} buying in the 12 months before; ` +
      `in the horizon ${result.declined} declined (cut > ${percent(result.declineShare)} or stopped), ${result.grew} grew`,
    ...(result.companiesImportedAfterAsOf > 0
      ? [
          `  ${result.companiesImportedAfterAsOf} of them were created in HubSpot after as-of (imported) and count from their dated deals, tickets and meetings`,
        ]
      : []),
    ...(result.companiesLeftOut > 0
      ? [`  ${result.companiesLeftOut} companies left out: nothing of them is dated on or before as-of`]
      : []),
    '',
    row('', (m) => (m === result.active ? 'active' : 'draft')),
    row('model version', (m) => m.modelVersion),
    row('decline AUC of the risk level', (m) => auc(m.declineAuc)),
    row('decline AUC of 100 − score', (m) => auc(m.declineAucOfScore)),
    row('key accounts at as-of', (m) => String(m.keyAccountsAtAsOf)),
    row("key tier's share of the horizon's revenue", (m) => percent(m.keyRevenueShare)),
    row('tier at as-of ≠ tier today', (m) => String(m.tierChangedSinceAsOf)),
    `  revenue-only baseline (lowest trailing 12-month revenue = highest risk): decline AUC ${auc(result.revenueBaselineDeclineAuc)}`,
  ];
  if (result.draft) {
    lines.push('', `Tier changes today under the draft (${result.tierChangesToday.length}):`);
    for (const change of result.tierChangesToday.slice(0, 50))
      lines.push(
        `  ${(change.name ?? change.companyId).padEnd(32)} ${change.activeTier} → ${change.draftTier}`,
      );
    if (result.tierChangesToday.length > 50)
      lines.push(`  … and ${result.tierChangesToday.length - 50} more (--json lists all)`);
  }
  return lines.join('\n');
}

export async function backtestCommand(io: CliIo, flags: BacktestFlags): Promise<BacktestResult> {
  const asOf = parseTimeFlag('--as-of', flags.asOf);
  const horizon = parseHorizon(flags.horizon);
  if (!horizon.ok) throw new KeystoneError('input.invalid', `--horizon ${horizon.issues[0]!.message}`);
  const declineShare = Number(flags.declineShare);
  const draftModel = flags.model ? readModelFile(flags.model) : undefined;
  const portfolio = await loadHistoryPortfolio(io, flags);
  const result = runBacktest({
    companies: portfolio.companies,
    now: portfolio.now,
    asOf,
    horizon: horizon.value,
    declineShare,
    homeCurrency: portfolio.homeCurrency,
    activeModel: portfolio.activeModel,
    draftModel,
  });
  if (!result.ok) {
    const flagOf: Record<string, string> = {
      asOf: '--as-of',
      horizon: '--horizon',
      declineShare: '--decline-share',
    };
    const lines = result.issues.map((issue) => `  ${flagOf[issue.path] ?? issue.path}: ${issue.message}`);
    throw new KeystoneError('input.invalid', `invalid backtest options:\n${lines.join('\n')}`, {
      issues: result.issues,
    });
  }
  const risk = (model: ScoringModel) =>
    riskAucsOf(
      riskExamplesAt({
        companies: portfolio.companies,
        asOf,
        horizonMonths: horizon.value.months,
        declineShare,
        model,
        homeCurrency: portfolio.homeCurrency,
      }),
      model.riskScore,
    );
  const riskActive = risk(portfolio.activeModel);
  const riskDraft = draftModel ? risk(draftModel) : null;
  io.out(
    flags.json
      ? JSON.stringify({ ...result.value, riskScore: { active: riskActive, draft: riskDraft } }, null, 2)
      : `${formatResult(result.value)}\n${riskScoreLines(riskActive, riskDraft).join('\n')}`,
  );
  return result.value;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('backtest')
    .description(
      'score the portfolio as it stood at --as-of (records dated before it only) with the active model and a --model draft, and judge both by what followed. Reads HubSpot (HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL) unless --snapshot is given.',
    )
    .requiredOption('--as-of <date>', 'score the portfolio as it stood at this ISO date')
    .option('--model <file>', 'draft scoring model to compare with the active one')
    .option(
      '--active-model <file>',
      'the model to treat as active (default: the portal’s, or the shipped one for --snapshot)',
    )
    .option('--horizon <span>', 'the following period to judge by, e.g. 12m or 1y', '12m')
    .option(
      '--decline-share <share>',
      'a cut of more than this share of the 12 months before as-of is a decline (0–1)',
      '0.5',
    )
    .option('--snapshot <file>', 'a snapshot file instead of HubSpot')
    .option('--now <date>', 'when the data was taken (default: the snapshot time, or now)')
    .option('--json', 'print the full result, every account included, as JSON')
    .option('--no-progress', 'no progress output')
    .action(async (flags: BacktestFlags) => {
      await backtestCommand(io, flags);
    });
}
