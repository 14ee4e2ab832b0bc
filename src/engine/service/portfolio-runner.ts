/**
 * The portfolio runs `kam serve` schedules: one at a time, journaled like `kam sync` (the same
 * `runSync` and checkpoint), and resumed when one was interrupted — by SIGTERM, a crash or failed
 * writes. What it remembers between runs is a small state file next to the journal:
 *
 * - `current`: the run under way (its kind), present from its start until it finishes; a run
 *   found there at start-up, or when the next one is due, is resumed first;
 * - `lastSuccess`: the last finished run, whose scoring time an incremental run reads changes
 *   since (`--since`); with none, an incremental run reads everything;
 * - `lastRun`: how the last run ended, for `/healthz`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isKeystoneError } from '../errors';
import type { CrmGateway } from '../hubspot/gateway';
import type { Logger } from '../incremental/engine-port';
import { modelFingerprint } from '../settings/model-fingerprint';
import { customObjectModelStores, type ModelStoreFactory } from '../hubspot/model-store';
import { scoringModelOf } from '../settings/model-policy';
import type { ScoringModel } from '../settings/model-schema';
import { FileCheckpoint, type SyncScope } from '../sync/checkpoint';
import { createPortfolioScorer } from '../sync/portfolio-scorer';
import { runSync, type SyncSummary } from '../sync/sync-run';
import { companiesChangedSince } from './changed-companies';
import type { Metrics } from './metrics';

export const RUN_KINDS = ['incremental', 'full'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

const stateSchema = z.object({
  current: z
    .object({ kind: z.enum(RUN_KINDS), startedAt: z.string() })
    .nullable()
    .default(null),
  lastSuccess: z
    .object({ kind: z.enum(RUN_KINDS), scoredAt: z.string(), finishedAt: z.string() })
    .nullable()
    .default(null),
  lastRun: z
    .object({
      kind: z.enum(RUN_KINDS),
      outcome: z.enum(['succeeded', 'failed', 'stopped']),
      finishedAt: z.string(),
      error: z.string().optional(),
    })
    .nullable()
    .default(null),
});
export type RunnerState = z.infer<typeof stateSchema>;

export type PortfolioRunnerOptions = {
  /** A gateway per run, so each run's call counts are its own. */
  createGateway: () => CrmGateway;
  /** Where the journal and the state file live (`.kam/serve` by default). */
  stateDir: string;
  /** Identifies the portal, so a journal of another portal is never resumed (as `kam sync`). */
  target: string;
  now: () => Date;
  logger: Logger;
  metrics: Metrics;
  /** Aborted when the service stops: in-flight batches land and are journaled, then the run ends. */
  signal: AbortSignal;
  /** A fixed model; otherwise the active stored model under the model policy (settings/model-policy.ts). */
  model?: ScoringModel;
  /** Where scoring models are stored; the custom object unless configured (kam serve --model-store). */
  modelStores?: ModelStoreFactory;
};

export type RunResult =
  | { outcome: 'succeeded'; kind: RunKind; summary: SyncSummary }
  | { outcome: 'failed' | 'stopped'; kind: RunKind; error: string };

/** An incremental run that found no change: nothing read, nothing written. */
function emptySummary(now: Date, modelVersion: string, durationMs: number): SyncSummary {
  return {
    runId: '',
    now: now.toISOString(),
    modelVersion,
    dryRun: false,
    resumed: false,
    companiesRead: 0,
    companiesScored: 0,
    companiesChanged: 0,
    propertiesWritten: 0,
    tierChanges: { up: 0, down: 0, new: 0, list: [] },
    unknownCompanyIds: [],
    missingRecords: 0,
    truncated: 0,
    writeFailures: [],
    calls: { calls: {}, totalCalls: 0, retries: 0, rateLimited: 0, safetyMarginMs: 0 },
    durationMs,
  };
}

export class PortfolioRunner {
  private running: Promise<RunResult> | null = null;
  private readonly checkpoint: FileCheckpoint;
  private readonly statePath: string;

  constructor(private readonly options: PortfolioRunnerOptions) {
    mkdirSync(options.stateDir, { recursive: true });
    this.checkpoint = new FileCheckpoint(path.join(options.stateDir, 'sync-checkpoint.jsonl'));
    this.statePath = path.join(options.stateDir, 'serve-state.json');
    const { metrics } = options;
    metrics.declare(
      'keystone_runs_skipped_total',
      'Scheduled runs skipped because another run was under way',
      'counter',
    );
    metrics.set('keystone_run_in_progress', 'Whether a portfolio run is under way (1) or not (0)', 0);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  state(): RunnerState {
    if (!existsSync(this.statePath)) return stateSchema.parse({});
    try {
      return stateSchema.parse(JSON.parse(readFileSync(this.statePath, 'utf8')));
    } catch (error) {
      this.options.logger.warn('serve state unreadable: starting afresh', {
        path: this.statePath,
        reason: (error as Error).message,
      });
      return stateSchema.parse({});
    }
  }

  private saveState(state: RunnerState): void {
    const temporary = `${this.statePath}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, this.statePath);
  }

  /** The run an earlier process left unfinished, if its journal is still there. */
  interrupted(): RunKind | null {
    const { current } = this.state();
    return current && this.checkpoint.exists() ? current.kind : null;
  }

  /**
   * Starts a run unless one is under way (then `null`: one run at a time). An interrupted run is
   * resumed instead of starting `kind`.
   */
  request(kind: RunKind, reason: string): Promise<RunResult> | null {
    if (this.running) {
      this.options.metrics.inc(
        'keystone_runs_skipped_total',
        'Scheduled runs skipped because another run was under way',
      );
      this.options.logger.warn('run skipped: another run is under way', { kind, reason });
      return null;
    }
    if (this.options.signal.aborted) return null;
    const resumeKind = this.interrupted();
    const run = this.execute(resumeKind ?? kind, resumeKind !== null, reason).finally(() => {
      this.running = null;
      this.options.metrics.set(
        'keystone_run_in_progress',
        'Whether a portfolio run is under way (1) or not (0)',
        0,
      );
    });
    this.running = run;
    return run;
  }

  /** Resolves when no run is under way. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /**
   * What a run reads: everything (full), or the companies changed since the last finished run
   * (./changed-companies.ts), scored with the portfolio references the last full run stored.
   * `null`: nothing changed, nothing to read.
   */
  private async scopeFor(kind: RunKind, state: RunnerState, gateway: CrmGateway): Promise<SyncScope | null> {
    if (kind === 'full') return { kind: 'all' };
    if (!state.lastSuccess) {
      this.options.logger.info('incremental run reads everything: no earlier run finished');
      return { kind: 'all' };
    }
    try {
      const ids = await companiesChangedSince(gateway, {
        companiesSince: new Date(state.lastSuccess.finishedAt),
        recordsSince: new Date(state.lastSuccess.scoredAt),
      });
      return ids.length === 0 ? null : { kind: 'ids', ids };
    } catch (error) {
      if (isKeystoneError(error) && error.code === 'hubspot.search_cap') {
        this.options.logger.info('incremental run reads everything: more changes than a search returns');
        return { kind: 'all' };
      }
      throw error;
    }
  }

  private async execute(kind: RunKind, resume: boolean, reason: string): Promise<RunResult> {
    const { logger, metrics } = this.options;
    const started = Date.now();
    const now = this.options.now();
    metrics.set('keystone_run_in_progress', 'Whether a portfolio run is under way (1) or not (0)', 1);
    const state = this.state();
    logger.info(resume ? 'run resumed' : 'run started', { kind, reason });
    const gateway = this.options.createGateway();
    let result: RunResult;
    try {
      const stores = this.options.modelStores ?? customObjectModelStores;
      const model = await scoringModelOf({
        explicit: this.options.model,
        store: () => stores.open({ gateway, now: () => now }),
      });
      const scope = resume ? { kind: 'all' as const } : await this.scopeFor(kind, state, gateway);
      if (scope === null) {
        result = {
          outcome: 'succeeded',
          kind,
          summary: emptySummary(now, model.version, Date.now() - started),
        };
        this.record(result, gateway, started, now);
        return result;
      }
      // from here until it finishes, a restart resumes this run
      if (!resume) this.saveState({ ...state, current: { kind, startedAt: now.toISOString() } });
      const { summary } = await runSync({
        signal: this.options.signal,
        gateway,
        scorer: createPortfolioScorer(model),
        modelVersion: model.version,
        modelFingerprint: modelFingerprint(model),
        now,
        // a resumed run reads its scope from the journal
        scope,
        resume,
        checkpoint: this.checkpoint,
        target: this.options.target,
      });
      if (summary.writeFailures.length > 0) {
        // the journal stays: the next due run resumes it and retries these writes
        const ids = summary.writeFailures.flatMap((failure) => failure.ids);
        result = { outcome: 'failed', kind, error: `${ids.length} companies could not be written` };
      } else {
        result = { outcome: 'succeeded', kind, summary };
      }
    } catch (error) {
      const code = isKeystoneError(error) ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      if (code === 'sync.aborted') {
        result = { outcome: 'stopped', kind, error: message };
      } else {
        if (code === 'sync.checkpoint_mismatch' || code === 'sync.nothing_to_resume') {
          // the journal cannot be resumed (model changed, other portal): the next run starts afresh
          rmSync(this.checkpoint.path, { force: true });
          this.saveState({ ...this.state(), current: null });
        }
        result = { outcome: 'failed', kind, error: `${message} [${code}]` };
      }
    }
    this.record(result, gateway, started, now);
    return result;
  }

  private record(result: RunResult, gateway: CrmGateway, startedMs: number, now: Date): void {
    const { logger, metrics } = this.options;
    const durationS = (Date.now() - startedMs) / 1000;
    const finishedAt = new Date().toISOString();
    const labels = { kind: result.kind };
    const stats = gateway.getStats();
    metrics.inc('keystone_api_calls_total', 'HubSpot API requests made by portfolio runs', stats.totalCalls);
    metrics.inc(
      'keystone_rate_limited_total',
      'HubSpot 429 answers met by portfolio runs',
      stats.rateLimited,
    );
    metrics.inc('keystone_runs_total', 'Portfolio runs by kind and outcome', 1, {
      kind: result.kind,
      outcome: result.outcome,
    });
    if (result.outcome === 'stopped') {
      logger.warn('run stopped: it resumes at the next start', { kind: result.kind, durationS });
      return; // `current` stays, so the next start resumes it
    }
    metrics.set(
      'keystone_last_run_timestamp_seconds',
      'When the last portfolio run ended (Unix time)',
      Date.now() / 1000,
      labels,
    );
    metrics.set(
      'keystone_last_run_duration_seconds',
      'How long the last portfolio run took',
      durationS,
      labels,
    );
    metrics.set(
      'keystone_last_run_success',
      'Whether the last portfolio run succeeded (1) or failed (0)',
      result.outcome === 'succeeded' ? 1 : 0,
      labels,
    );
    const state = this.state();
    if (result.outcome === 'succeeded') {
      const { summary } = result;
      metrics.inc(
        'keystone_companies_changed_total',
        'Companies whose kam_* values a run changed',
        summary.companiesChanged,
      );
      metrics.set(
        'keystone_last_run_companies_changed',
        'Companies the last portfolio run changed',
        summary.companiesChanged,
        labels,
      );
      metrics.set(
        'keystone_last_run_api_calls',
        'HubSpot API requests of the last portfolio run',
        stats.totalCalls,
        labels,
      );
      this.saveState({
        current: null,
        // a resumed run scored as of its journal's time, which is what the next --since reads from
        lastSuccess: { kind: result.kind, scoredAt: summary.now, finishedAt },
        lastRun: { kind: result.kind, outcome: 'succeeded', finishedAt },
      });
      logger.info('run finished', {
        kind: result.kind,
        resumed: summary.resumed,
        durationS,
        companiesRead: summary.companiesRead,
        companiesChanged: summary.companiesChanged,
        apiCalls: stats.totalCalls,
        rateLimited: stats.rateLimited,
      });
    } else {
      this.saveState({
        ...state,
        lastRun: { kind: result.kind, outcome: 'failed', finishedAt, error: result.error },
      });
      logger.error('run failed', {
        kind: result.kind,
        durationS,
        error: result.error,
        scoredAs: now.toISOString(),
      });
    }
  }
}
