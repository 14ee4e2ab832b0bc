/**
 * `kam score-file <snapshot.json>`: scores a portfolio snapshot file with the core, offline (no
 * HubSpot, no emulator). A table for people, `--json` for programs. Thin: read and validate the
 * files, call `scorePortfolio`, write the output (cli/score-file-output.ts).
 */
import type { Command } from 'commander';
import { scorePortfolio, type PortfolioSnapshot } from '../../src/engine/core';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import { KeystoneError } from '../../src/engine/errors';
import { readModelFile, readSnapshotFile } from '../input-files';
import type { CliIo } from '../output';
import {
  countResult,
  emptyCounts,
  formatTable,
  jsonHead,
  jsonResult,
  JSON_TAIL,
  tableRowOf,
} from '../score-file-output';
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

// the JSON goes out in pieces of about this many characters: at 100k companies the document is
// longer than any one string can be
const JSON_PIECE_CHARS = 16 * 1024 * 1024;

/** Runs `kam score-file`: reads, scores and writes through `io`. */
export function scoreFile(io: CliIo, snapshotPath: string, flags: ScoreFileFlags): void {
  const snapshot = readSnapshotFile(snapshotPath);
  const model = flags.model === undefined ? DEFAULT_SCORING_MODEL : readModelFile(flags.model);
  const { results, ...header } = scorePortfolio({
    companies: snapshot.companies,
    model,
    now: scoringTime(flags.now, snapshot),
    homeCurrency: snapshot.homeCurrency,
  });
  if (!flags.json) {
    const counts = emptyCounts();
    const rows = results.map((result) => {
      countResult(counts, result);
      return tableRowOf(result);
    });
    io.out(formatTable(header, rows, counts));
    return;
  }
  io.out(jsonHead(header, results.length));
  if (results.length === 0) return;
  let piece: string[] = [];
  let pieceChars = 0;
  for (let index = 0; index < results.length; index += 1) {
    const text = jsonResult(results[index]!, index === results.length - 1);
    piece.push(text);
    pieceChars += text.length;
    if (pieceChars >= JSON_PIECE_CHARS || index === results.length - 1) {
      io.out(piece.join(''));
      piece = [];
      pieceChars = 0;
    }
  }
  io.out(JSON_TAIL);
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
