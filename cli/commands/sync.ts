import type { Command } from 'commander';
import { resolve } from 'node:path';
import { KeystoneError } from '../../src/engine/errors';
import {
  FileCheckpoint,
  type SyncScope,
  runSync,
  type SyncResult,
  createPortfolioScorer,
} from '../../src/engine/sync';
import { modelFingerprint } from '../../src/engine/settings';
import { hubspotFromEnv } from '../hubspot-env';
import { loadModelForCli } from '../model-source';
import type { CliIo } from '../output';
import { createProgress } from '../progress';
import { formatSyncSummary } from '../sync-summary';
import { parseTimeFlag } from '../time-flags';

type SyncFlags = {
  company?: string[];
  since?: string;
  dryRun?: boolean;
  json?: boolean;
  resume?: boolean;
  checkpoint: string;
  model?: string;
  now?: string;
  rateBudget: string;
  progress: boolean;
};

export const DEFAULT_CHECKPOINT = '.kam/sync-checkpoint.jsonl';

function parseScope(flags: SyncFlags): SyncScope {
  if (flags.company && flags.since)
    throw new KeystoneError('input.invalid', 'use either --company or --since, not both');
  if (flags.company) {
    const ids = flags.company
      .flatMap((value) => value.split(','))
      .map((id) => id.trim())
      .filter(Boolean);
    const bad = ids.filter((id) => !/^\d+$/.test(id));
    if (bad.length > 0 || ids.length === 0) {
      throw new KeystoneError(
        'input.invalid',
        `--company takes numeric HubSpot company ids, got: ${bad.join(', ') || '(none)'}`,
      );
    }
    return { kind: 'ids', ids: [...new Set(ids)] };
  }
  if (flags.since !== undefined) {
    return { kind: 'since', since: parseTimeFlag('--since', flags.since).toISOString() };
  }
  return { kind: 'all' };
}

function parseNow(value: string | undefined): Date {
  return value === undefined ? new Date() : parseTimeFlag('--now', value);
}

export async function syncCommand(io: CliIo, flags: SyncFlags): Promise<SyncResult> {
  const scope = parseScope(flags);
  const budget = Number(flags.rateBudget);
  if (!Number.isInteger(budget) || budget < 1 || budget > 190) {
    throw new KeystoneError(
      'input.invalid',
      `--rate-budget must be a whole number of requests per 10 s between 1 and 190, got "${flags.rateBudget}"`,
    );
  }
  const progress = createProgress(io, flags.progress && !flags.json);
  const { gateway, targetId } = hubspotFromEnv(io, {
    requestsPerTenSeconds: budget,
    onRetry: (event) => {
      if (!flags.json && event.reason !== '429 TEN_SECONDLY_ROLLING')
        io.err(`retrying ${event.endpoint} (${event.reason}) in ${event.waitMs} ms`);
    },
  });
  const model = await loadModelForCli(io, gateway, flags.model, { quiet: flags.json });
  // First Ctrl-C: stop between requests, let the ones in flight land and be journaled, exit with
  // "run again with --resume". A second one quits at once (the journal still resumes safely).
  const controller = new AbortController();
  const stopListening = io.onInterrupt?.(() => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    progress.stop();
    io.err('stopping after the requests in flight (Ctrl-C again to quit now)…');
  });
  try {
    return await runSync({
      signal: controller.signal,
      gateway,
      scorer: createPortfolioScorer(model),
      modelVersion: model.version,
      modelFingerprint: modelFingerprint(model),
      now: parseNow(flags.now),
      scope,
      dryRun: flags.dryRun,
      resume: flags.resume,
      checkpoint: new FileCheckpoint(resolve(flags.checkpoint)),
      target: targetId,
      onProgress: (event) => {
        if (event.phase === 'read') progress.update('reading', event.companiesRead, event.total);
        else if (event.phase === 'write') progress.update('writing', event.written, event.total);
      },
    });
  } finally {
    stopListening?.();
    progress.stop();
  }
}

/** `kam sync`: score the portfolio and write back what changed. */
export function register(program: Command, io: CliIo): void {
  program
    .command('sync')
    .description(
      'score the whole portfolio (or some companies) and write back only the kam_* values that changed',
    )
    .option('--company <ids...>', 'only these company ids (space- or comma-separated)')
    .option(
      '--since <time>',
      'only companies whose company record, deals, tickets, meetings or contacts changed since this ISO time',
    )
    .option('--dry-run', 'read and score, print what would change, write nothing')
    .option('--json', 'print the summary as JSON')
    .option('--resume', 'continue the interrupted run recorded in the checkpoint')
    .option('--checkpoint <file>', 'journal of the run, for --resume', DEFAULT_CHECKPOINT)
    .option('--model <file>', 'score with this model file instead of the stored active model')
    .option('--now <time>', 'score as of this ISO time (default: now)')
    .option(
      '--rate-budget <n>',
      'requests per rolling 10 s this run may use (HubSpot allows 190 for all apps together)',
      '180',
    )
    .option('--no-progress', 'no progress output')
    .addHelpText(
      'after',
      '\nEnvironment: HUBSPOT_ACCESS_TOKEN (required), HUBSPOT_BASE_URL (default https://api.hubapi.com)',
    )
    .action(async (flags: SyncFlags) => {
      const result = await syncCommand(io, flags);
      io.out(
        flags.json
          ? JSON.stringify(
              { summary: result.summary, writes: flags.dryRun ? result.writes : undefined },
              null,
              2,
            )
          : formatSyncSummary(result),
      );
      if (result.summary.writeFailures.length > 0) {
        throw new KeystoneError(
          'sync.write_failed',
          `${result.summary.writeFailures.length} compan(ies) could not be written; run \`kam sync --resume\` to retry them`,
        );
      }
    });
}
