/**
 * `kam calibrate`: fits the graded risk score's weights to the portal's own history (issue #17)
 * and writes them as a draft model file. Prints, for the active and the draft model side by side,
 * the out-of-time decline AUC, the Brier score, the reliability table per risk level and how many
 * risk levels would change today; refuses, with the counts, when the history holds too few
 * declines. The draft is then judged with `kam backtest --model` and entered on the settings page.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  parseHorizon,
  calibrateRiskWeights,
  type CalibrateResult,
  type ModelCalibrationFigures,
} from '../../src/engine/backtest';
import { RISK_SCORE_SIGNALS } from '../../src/engine/core';
import { KeystoneError } from '../../src/engine/errors';
import type { ScoringModel } from '../../src/engine/settings';
import type { CliIo } from '../output';
import { loadHistoryPortfolio } from '../history-portfolio';

export type CalibrateFlags = {
  out: string;
  activeModel?: string;
  horizon: string;
  declineShare: string;
  step: string;
  snapshot?: string;
  now?: string;
  json?: boolean;
  progress: boolean;
};

const num = (value: number | null, digits = 3) => (value === null ? 'n/a' : value.toFixed(digits));
const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

function reliabilityLines(label: string, figures: ModelCalibrationFigures): string[] {
  return [
    `  ${label}`,
    `    ${'level'.padEnd(10)}${'accounts'.padStart(10)}${'declined'.padStart(10)}${'predicted'.padStart(12)}${'observed'.padStart(12)}`,
    ...figures.reliability.map(
      (row) =>
        `    ${row.level.padEnd(10)}${String(row.accounts).padStart(10)}${String(row.declined).padStart(10)}${pct(row.predicted).padStart(12)}${pct(row.observed).padStart(12)}`,
    ),
  ];
}

function factorWeightLines(result: CalibrateResult): string[] {
  const { factors, judgedOn, adopted } = result.factorWeights;
  const verdict =
    judgedOn === null
      ? 'not judged (no earlier as-of date whose horizon had ended); the draft keeps the active ones'
      : `judged on ${judgedOn.asOf}: Spearman with the horizon's won revenue ${num(judgedOn.active)} (active) vs ${num(judgedOn.proposed)} (proposed, fitted on earlier dates only); ${adopted ? 'the draft carries them' : 'not better, so the draft keeps the active ones'}`;
  return [
    'Attractiveness weights, each in proportion to how well the factor ranked the next horizon’s won revenue:',
    `  ${verdict}`,
    ...factors.map(
      (factor) =>
        `  ${factor.id.padEnd(28)}${num(factor.active, 1).padStart(8)} → ${num(factor.proposed, 1).padEnd(8)} (Spearman ${num(factor.correlation)}, ${factor.accounts} account-dates)`,
    ),
  ];
}

function formatResult(result: CalibrateResult, active: ScoringModel, out: string): string {
  const row = (label: string, activeCell: string, draftCell: string) =>
    `  ${label.padEnd(40)}${activeCell.padStart(14)}${draftCell.padStart(14)}`;
  const draft = result.draftModel.riskScore;
  const first = result.asOfDates[0];
  const last = result.asOfDates[result.asOfDates.length - 1];
  return [
    `Calibration of the risk weights on ${result.asOfDates.length} as-of dates (${first} … ${last}), horizon ${draft.calibration!.horizonMonths} months, decline = a cut of more than ${pct(draft.calibration!.declineShare)}`,
    `  ${result.examples} account-dates, ${result.declines} declined; judged out of time on ${result.evaluationDates.length} dates (${result.evaluationDates[0]} …), each by a fit on dates whose horizon had ended; penalty ${result.penalty}`,
    '',
    `  active model ${active.version}; draft ${result.draftModel.version}`,
    row('', 'active', 'draft'),
    row(
      'decline AUC, out of time',
      num(result.active.crossValidatedAuc),
      num(result.draft.crossValidatedAuc),
    ),
    row('Brier score, out of time', num(result.active.brierScore), num(result.draft.brierScore)),
    row('risk levels that change today', '', `${result.riskLevelChangesToday} of ${result.companiesToday}`),
    row(
      'tiers that change today',
      '',
      `${result.tierChangesToday} of ${result.companiesToday}${result.factorWeights.adopted ? '' : ' (factor weights kept)'}`,
    ),
    '',
    'Reliability, out of time (predicted = mean risk score / 100; observed = share that declined):',
    ...reliabilityLines('active', result.active),
    ...reliabilityLines('draft', result.draft),
    '',
    'Weights (log-odds a sign adds at full strength):',
    `  ${'intercept'.padEnd(28)}${num(active.riskScore.intercept, 2).padStart(8)} → ${num(draft.intercept, 2)}`,
    ...RISK_SCORE_SIGNALS.map(
      (id) =>
        `  ${id.padEnd(28)}${num(active.riskScore.signals[id].weight, 2).padStart(8)} → ${num(draft.signals[id].weight, 2)}`,
    ),
    '',
    ...factorWeightLines(result),
    '',
    `Draft written to ${out}. Judge it with \`kam backtest --model ${out}\`; enter its weights on the settings page to make it active.`,
  ].join('\n');
}

export async function calibrateCommand(io: CliIo, flags: CalibrateFlags): Promise<CalibrateResult> {
  const horizon = parseHorizon(flags.horizon);
  if (!horizon.ok) throw new KeystoneError('input.invalid', `--horizon ${horizon.issues[0]!.message}`);
  const step = parseHorizon(flags.step);
  if (!step.ok) throw new KeystoneError('input.invalid', `--step ${step.issues[0]!.message}`);
  const declineShare = Number(flags.declineShare);
  if (!(declineShare > 0 && declineShare < 1))
    throw new KeystoneError(
      'input.invalid',
      `--decline-share must be between 0 and 1 (exclusive), got ${flags.declineShare}`,
    );
  const portfolio = await loadHistoryPortfolio(io, flags);
  const result = calibrateRiskWeights({
    companies: portfolio.companies,
    now: portfolio.now,
    horizonMonths: horizon.value.months,
    stepMonths: step.value.months,
    declineShare,
    activeModel: portfolio.activeModel,
    homeCurrency: portfolio.homeCurrency,
  });
  if (!result.ok) {
    const lines = result.issues.map((issue) => `  ${issue.message}`);
    throw new KeystoneError(
      'calibrate.insufficient_history',
      `not enough history to calibrate; nothing was written:\n${lines.join('\n')}`,
      { issues: result.issues },
    );
  }
  try {
    writeFileSync(flags.out, `${JSON.stringify(result.value.draftModel, null, 2)}\n`);
  } catch (error) {
    throw new KeystoneError('input.invalid', `cannot write ${flags.out}: ${(error as Error).message}`, {
      path: flags.out,
    });
  }
  io.out(
    flags.json
      ? JSON.stringify(result.value, null, 2)
      : formatResult(result.value, portfolio.activeModel, flags.out),
  );
  return result.value;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('calibrate')
    .description(
      'fit the risk score weights to the portfolio’s own history (rolling as-of dates, leak-free, judged out of time) and write them as a draft model file. Reads HubSpot (HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL) unless --snapshot is given.',
    )
    .requiredOption('--out <file>', 'where to write the draft model (JSON)')
    .option(
      '--active-model <file>',
      'the model to treat as active (default: the portal’s, or the shipped one for --snapshot)',
    )
    .option('--horizon <span>', 'the period after each as-of date an account is judged by, e.g. 12m', '12m')
    .option(
      '--decline-share <share>',
      'a cut of more than this share of the 12 months before as-of is a decline (0–1)',
      '0.5',
    )
    .option('--step <span>', 'months between as-of dates', '3m')
    .option('--snapshot <file>', 'a snapshot file instead of HubSpot')
    .option('--now <date>', 'when the data was taken (default: the snapshot time, or now)')
    .option('--json', 'print the full result as JSON')
    .option('--no-progress', 'no progress output')
    .action(async (flags: CalibrateFlags) => {
      await calibrateCommand(io, flags);
    });
}
