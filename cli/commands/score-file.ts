/**
 * `kam score-file <snapshot.json>`: scores a portfolio snapshot file with the core, offline (no
 * HubSpot, no emulator). A table for people, `--json` for programs. Thin: read and validate the
 * files, call `scorePortfolio`, write the output (cli/score-file-output.ts).
 */
import { Option, type Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { scorePortfolio } from '../../src/engine/core';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import { KeystoneError } from '../../src/engine/errors';
import { readModelFile, streamSnapshotFile, type SnapshotStream } from '../input-files';
import type { CliIo } from '../output';
import { PROGRESS_FROM_COMPANIES } from '../progress';
import { formatTable, jsonPieces } from '../score-file-output';
import { parseTimeFlag } from '../time-flags';

export type ScoreFileFlags = { model?: string; now?: string; json?: boolean; progress?: boolean };

// a file's companies are parsed as they are measured
const STEP_WORDS = { measure: 'parsed and measured', score: 'scored' } as const;

/**
 * Progress lines on stderr (stdout stays the table or the JSON): the file read, then about ten
 * lines per step, each with the time since the start. `setting` is the `--progress` flag; left
 * out, the lines appear for snapshots of `PROGRESS_FROM_COMPANIES` companies or more.
 */
function progressLines(io: CliIo, path: string, setting: boolean | undefined) {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  let shown = false;
  const lastTenth = new Map<string, number>();
  return {
    read(bytes: number, companies: number): void {
      shown = setting ?? companies >= PROGRESS_FROM_COMPANIES;
      if (!shown) return;
      io.err(
        `read ${path}: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${companies.toLocaleString('en')} companies · ${elapsed()}`,
      );
    },
    step(step: keyof typeof STEP_WORDS, done: number, total: number): void {
      if (!shown) return;
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (lastTenth.get(step) === tenth) return;
      lastTenth.set(step, tenth);
      const share = total === 0 ? 100 : Math.round((done * 100) / total);
      io.err(
        `${STEP_WORDS[step]} ${done.toLocaleString('en')}/${total.toLocaleString('en')} companies (${share}%) · ${elapsed()}`,
      );
    },
  };
}

/** `--now`, else the snapshot's `takenAt`, else the current time (the CLI's one use of the clock). */
function scoringTime(flag: string | undefined, snapshot: SnapshotStream['head']): Date {
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

/** Runs `kam score-file`: reads, scores and writes through `io`. */
export function scoreFile(io: CliIo, snapshotPath: string, flags: ScoreFileFlags): void {
  const progress = progressLines(io, snapshotPath, flags.progress);
  const model = flags.model === undefined ? DEFAULT_SCORING_MODEL : readModelFile(flags.model);
  const snapshot = streamSnapshotFile(snapshotPath);
  progress.read(snapshot.bytes, snapshot.count);
  const portfolio = scorePortfolio({
    // parsed one by one as they are scored: the records never all live at once
    companies: snapshot.companies,
    companyCount: snapshot.count,
    model,
    now: scoringTime(flags.now, snapshot.head),
    homeCurrency: snapshot.head.homeCurrency,
    onProgress: (step, done, total) => progress.step(step, done, total ?? snapshot.count),
  });
  if (!flags.json) {
    io.out(formatTable(portfolio));
    return;
  }
  for (const piece of jsonPieces(portfolio)) io.out(piece);
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
    .option(
      '--progress',
      `print progress lines on stderr (default: on from ${PROGRESS_FROM_COMPANIES.toLocaleString('en')} companies)`,
    )
    .addOption(new Option('--no-progress', 'never print progress lines'))
    .action((snapshotPath: string, flags: ScoreFileFlags) => {
      scoreFile(io, snapshotPath, flags);
    });
}
