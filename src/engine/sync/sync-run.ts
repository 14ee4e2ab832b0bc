/**
 * A portfolio run: read → score → diff → write, journaled so it can be killed and resumed.
 * Scoring is injected (`scorer`), so this module knows HubSpot's flow, not the methodology.
 */
import { randomUUID } from 'node:crypto';
import type { Tier } from '../core/enums';
import type { CompanyRecord } from '../core/snapshot';
import { KeystoneError } from '../errors';
import type { AccountPlanStore, CurrentPlan } from '../core/account-plan';
import { createAccountPlanStore } from '../hubspot/account-plan-store';
import type { CrmGateway, GatewayStats } from '../hubspot/gateway';
import {
  FileCheckpoint,
  type CheckpointState,
  type PlannedSummary,
  type PlannedWrite,
  type SyncScope,
  type TierChange,
} from './checkpoint';
import { diffOutputs, type OutputValues } from './diff';
import type { TierCapacityResult } from '../core';
import { companyChunks, readAhead } from './company-chunks';
import { readAssociatedRecords } from './read-portfolio';

export type { TierChange } from './checkpoint';

/** What the scorer returns per company: the output property values and a few fields for summaries. */
export type ScoredCompany = {
  id: string;
  name: string;
  desired: OutputValues;
  score: number;
  tier: Tier;
  previousTier: Tier | null;
  quadrant: string;
  strategy: string;
  riskLevel: string;
  riskSignals: string[];
  topRecommendation: string | null;
  /** Written even when equal in meaning to what is stored (see `diffOutputs`). */
  alwaysWrite?: readonly string[];
};

/**
 * Builds a sync run's `ScoredCompany` list (the output values to write), fed each chunk of
 * companies as it is read: a whole-portfolio run measures them on arrival and keeps only what it
 * measured (the records can go), then scores every company at `finish`, once Pareto classes can be
 * computed across the portfolio. (The core's `PortfolioScoreBuilder` does the measuring.)
 */
export type SyncScoreBuilder = {
  add(companies: readonly CompanyRecord[]): void;
  finish(): { modelVersion: string; scored: ScoredCompany[]; tierCapacity?: TierCapacityResult };
};

export type PortfolioScorer = (options: { now: Date; paretoFromStored: boolean }) => SyncScoreBuilder;

export type SyncProgress =
  | { phase: 'read'; companiesRead: number; total: number | null }
  | { phase: 'score'; companies: number }
  | { phase: 'write'; written: number; total: number };

export type SyncSummary = {
  runId: string;
  now: string;
  modelVersion: string;
  dryRun: boolean;
  resumed: boolean;
  companiesRead: number;
  companiesScored: number;
  companiesChanged: number;
  propertiesWritten: number;
  tierChanges: { up: number; down: number; new: number; list: TierChange[] };
  unknownCompanyIds: string[];
  missingRecords: number;
  truncated: number;
  writeFailures: { ids: string[]; message: string | undefined }[];
  calls: GatewayStats;
  durationMs: number;
};

export type SyncResult = {
  summary: SyncSummary;
  /** The scored companies of this run (empty when resuming a journal that carries its plan). */
  scored: ScoredCompany[];
  /** Property changes per company: what was written, or with dryRun what would be. */
  writes: PlannedWrite[];
};

export type SyncOptions = {
  gateway: CrmGateway;
  scorer: PortfolioScorer;
  modelVersion: string;
  /** `modelFingerprint(model)`: a resume refuses a model whose content changed under the same version. */
  modelFingerprint?: string;
  now: Date;
  scope: SyncScope;
  dryRun?: boolean;
  checkpoint?: FileCheckpoint;
  resume?: boolean;
  /** Identifies the portal/server, so a checkpoint from another target is never resumed here. */
  target: string;
  /** Companies per chunk (one association read per type covers up to 1,000). */
  chunkSize?: number;
  /** The first chunk's size; see `ChunkOptions.firstChunkSize`. */
  firstChunkSize?: number;
  onProgress?: (event: SyncProgress) => void;
  signal?: AbortSignal;
  /**
   * Where the companies' account development plans are read from, once per run (`currentPlans`).
   * Default: the portal's `kam_account_plan` custom object through `gateway` (none on a portal
   * without custom objects). A resumed run reads them again.
   */
  plans?: AccountPlanStore;
};

/**
 * Three pages: reads of the first ~75 records start after 0.4 s instead of after the whole first
 * 1,000 companies are listed, for 4 extra association reads per run (bench/sync.bench.ts).
 */
const FIRST_CHUNK_SIZE = 300;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new KeystoneError('sync.aborted', 'sync stopped before it finished; run again with --resume');
}

/**
 * A portfolio run in five steps: open (start a journal or take up an interrupted one), read (and
 * score on arrival), plan (finish scoring, diff against what is stored), write, finish.
 */
export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const run = openRun(options);
  const journaled = run.resumed?.planned;
  const plan: WritePlan = journaled?.writes
    ? // a journal written before plans were recomputed on resume
      { scored: [], writes: journaled.writes, summary: journaled.summary }
    : planWrites(run, await readPortfolio(run, options), options);
  const writeFailures = await writePlan(run, plan.writes, options);
  return finishRun(run, plan, writeFailures, options, started);
}

/** The run being done: a new one, or the interrupted one its journal describes. */
type OpenRun = {
  runId: string;
  now: Date;
  scope: SyncScope;
  modelVersion: string;
  /** The interrupted run's journal as it was loaded; null for a new run. */
  resumed: CheckpointState | null;
  /** Where this run journals; none on a dry run. */
  journal: FileCheckpoint | undefined;
};

/**
 * Starts a new journal, or loads the interrupted run's and checks it may be resumed here: same
 * target, same model version and content. A resumed run keeps its `now`, scope and run id.
 */
function openRun(options: SyncOptions): OpenRun {
  const { checkpoint } = options;
  const resumed = options.resume ? resumableState(options) : null;
  const run: OpenRun = {
    runId: resumed?.start.runId ?? randomUUID(),
    now: resumed ? new Date(resumed.start.now) : options.now,
    scope: resumed?.start.scope ?? options.scope,
    modelVersion: resumed?.start.modelVersion ?? options.modelVersion,
    resumed,
    journal: options.dryRun ? undefined : checkpoint,
  };
  if (resumed && resumed.start.modelVersion !== options.modelVersion) {
    throw new KeystoneError(
      'sync.checkpoint_mismatch',
      `the interrupted run scored with model ${resumed.start.modelVersion}, the active model is now ${options.modelVersion}; start a new run`,
    );
  }
  if (
    resumed?.start.modelFingerprint !== undefined &&
    options.modelFingerprint !== undefined &&
    resumed.start.modelFingerprint !== options.modelFingerprint
  ) {
    throw new KeystoneError(
      'sync.checkpoint_mismatch',
      `model ${run.modelVersion} was changed since the interrupted run started; start a new run`,
    );
  }
  if (!resumed && run.journal) {
    run.journal.begin({
      type: 'start',
      runId: run.runId,
      now: run.now.toISOString(),
      modelVersion: run.modelVersion,
      scope: run.scope,
      target: options.target,
      ...(options.modelFingerprint === undefined ? {} : { modelFingerprint: options.modelFingerprint }),
    });
  }
  return run;
}

function resumableState({ checkpoint, target }: SyncOptions): CheckpointState {
  if (!checkpoint) throw new KeystoneError('sync.checkpoint_missing', 'resume needs a checkpoint file');
  const state = checkpoint.load();
  if (state.done)
    throw new KeystoneError('sync.nothing_to_resume', `the run in ${checkpoint.path} already finished`);
  if (state.start.target !== target) {
    throw new KeystoneError(
      'sync.checkpoint_mismatch',
      `the checkpoint in ${checkpoint.path} belongs to another portal or server`,
      { path: checkpoint.path },
    );
  }
  return state;
}

/** What the read step leaves: the scoring fed every company, and each company's stored values for the diff. */
type PortfolioRead = {
  scoring: SyncScoreBuilder;
  storedById: Map<string, CompanyRecord['properties']>;
  companiesRead: number;
  unknownCompanyIds: string[];
  missingRecords: number;
  truncated: number;
};

/**
 * Reads the scope (continuing after the last journaled chunk when resuming), each chunk handed to
 * the scorer as it arrives: only the companies' own properties are kept here, for the diff.
 * Pareto classes need the whole portfolio, so partial runs keep the stored class.
 */
async function readPortfolio(run: OpenRun, options: SyncOptions): Promise<PortfolioRead> {
  const { gateway, signal } = options;
  const { journal, resumed } = run;
  const read: PortfolioRead = {
    scoring: options.scorer({ now: run.now, paretoFromStored: run.scope.kind !== 'all' }),
    storedById: new Map(),
    companiesRead: 0,
    unknownCompanyIds: [],
    missingRecords: 0,
    truncated: 0,
  };
  // every company's current plan, before any company is scored: one listing of the plan records
  const plans = await (
    options.plans ?? createAccountPlanStore({ gateway, now: () => run.now })
  ).currentPlans();
  const take = (companies: readonly CompanyRecord[]): void => {
    read.scoring.add(plans.size === 0 ? companies : withPlans(companies, plans));
    for (const company of companies) read.storedById.set(company.id, company.properties);
    read.companiesRead += companies.length;
  };
  // one journaled chunk parsed at a time, as it was read
  for (const journaled of resumed?.reads ?? []) take(journaled.companies());
  const lastRead = resumed?.reads.at(-1);
  if (!(lastRead?.done ?? false)) {
    const chunks = await companyChunks(gateway, run.scope, {
      chunkSize: options.chunkSize ?? 1000,
      firstChunkSize: options.firstChunkSize ?? FIRST_CHUNK_SIZE,
      resumeAfter: lastRead?.after ?? undefined,
      alreadyRead: new Set(read.storedById.keys()),
      checkAborted: () => throwIfAborted(signal),
    });
    if (chunks.isEmpty) journal?.append({ type: 'read', after: null, companies: [], done: true });
    await readAhead(chunks, async ({ raw, after, done }) => {
      throwIfAborted(signal);
      const result = await readAssociatedRecords(gateway, raw);
      read.missingRecords += result.missingRecords;
      read.truncated += result.truncated.length;
      take(result.companies);
      journal?.appendReadInBackground({ type: 'read', after, companies: result.companies, done });
      options.onProgress?.({ phase: 'read', companiesRead: read.companiesRead, total: chunks.total });
    }).finally(() => journal?.settle());
    await journal?.flush();
    read.unknownCompanyIds.push(...chunks.unknownIds);
  }
  throwIfAborted(signal);
  return read;
}

/** The companies with their plans (the journal keeps the records without: plans are read again on resume). */
function withPlans(
  companies: readonly CompanyRecord[],
  plans: ReadonlyMap<string, CurrentPlan>,
): CompanyRecord[] {
  return companies.map((company) => {
    const plan = plans.get(company.id);
    return plan === undefined ? company : { ...company, plan };
  });
}

/** What the run will write, and what it learned on the way (journaled, so a resume reports it). */
type WritePlan = { scored: ScoredCompany[]; writes: PlannedWrite[]; summary: PlannedSummary };

/**
 * Scores what was read and keeps, per company, only the properties whose value changes. A resumed
 * run must plan what the interrupted one journaled; a new run journals its plan's size and summary.
 */
function planWrites(run: OpenRun, read: PortfolioRead, options: SyncOptions): WritePlan {
  options.onProgress?.({ phase: 'score', companies: read.companiesRead });
  const scored = read.scoring.finish().scored;
  const writes: PlannedWrite[] = [];
  for (const company of scored) {
    const changes = diffOutputs(
      read.storedById.get(company.id) ?? {},
      company.desired,
      run.now,
      company.alwaysWrite,
    );
    if (Object.keys(changes).length > 0) writes.push({ id: company.id, properties: changes });
  }
  const tierChanges = tierChangesOf(scored, writes);
  const journaled = run.resumed?.planned;
  if (journaled) {
    // the same reads, `now` and model give the same plan; anything else must not be half-applied
    if (
      journaled.writeCount !== writes.length ||
      JSON.stringify(journaled.summary.tierChanges) !== JSON.stringify(tierChanges)
    ) {
      throw new KeystoneError(
        'sync.checkpoint_mismatch',
        `scoring the interrupted run's reads again no longer gives the plan it journaled in ${options.checkpoint?.path} (${journaled.writeCount} companies to write, now ${writes.length}); was Keystone updated since? Start a new run`,
      );
    }
    // what the first attempt learned while reading (unknown ids, missing records) is in its summary
    return { scored, writes, summary: journaled.summary };
  }
  const summary: PlannedSummary = {
    companiesRead: read.companiesRead,
    companiesScored: scored.length,
    unknownCompanyIds: read.unknownCompanyIds,
    missingRecords: read.missingRecords,
    truncated: read.truncated,
    tierChanges,
  };
  run.journal?.append({ type: 'planned', writeCount: writes.length, summary });
  return { scored, writes, summary };
}

/**
 * Writes what the plan changes and an interrupted attempt did not land, 100 per batch; each landed
 * batch is journaled. An abort stops the writes between batches, never inside one.
 */
async function writePlan(
  run: OpenRun,
  writes: PlannedWrite[],
  options: SyncOptions,
): Promise<SyncSummary['writeFailures']> {
  const pending = writes.filter((write) => !run.resumed?.writtenIds.has(write.id));
  let written = writes.length - pending.length;
  const writeFailures: SyncSummary['writeFailures'] = [];
  if (options.dryRun || pending.length === 0) return writeFailures;
  const outcome = await options.gateway.batchUpdate(
    'companies',
    pending,
    (ids) => {
      run.journal?.append({ type: 'written', ids });
      written += ids.length;
      options.onProgress?.({ phase: 'write', written, total: writes.length });
    },
    () => throwIfAborted(options.signal),
  );
  // one at a time: every single write of a large portfolio may fail, too many to spread into push()
  for (const failure of outcome.failures) writeFailures.push({ ids: failure.ids, message: failure.message });
  return writeFailures;
}

/** Closes the journal when every write landed (a failed write stays resumable) and sums the run up. */
function finishRun(
  run: OpenRun,
  plan: WritePlan,
  writeFailures: SyncSummary['writeFailures'],
  options: SyncOptions,
  started: number,
): SyncResult {
  if (writeFailures.length === 0) run.journal?.finish();
  const { writes, summary: planned } = plan;
  const failedIds = new Set(writeFailures.flatMap((f) => f.ids));
  const landed = writes.filter((w) => !failedIds.has(w.id));
  const tierChanges = planned.tierChanges.filter((c) => !failedIds.has(c.id));
  const summary: SyncSummary = {
    runId: run.runId,
    now: run.now.toISOString(),
    modelVersion: run.modelVersion,
    dryRun: options.dryRun ?? false,
    resumed: run.resumed !== null,
    companiesRead: planned.companiesRead,
    companiesScored: planned.companiesScored,
    companiesChanged: landed.length,
    propertiesWritten: options.dryRun
      ? 0
      : landed.reduce((sum, w) => sum + Object.keys(w.properties).length, 0),
    tierChanges: {
      up: tierChanges.filter((c) => c.direction === 'up').length,
      down: tierChanges.filter((c) => c.direction === 'down').length,
      new: tierChanges.filter((c) => c.direction === 'new').length,
      list: tierChanges,
    },
    unknownCompanyIds: planned.unknownCompanyIds,
    missingRecords: planned.missingRecords,
    truncated: planned.truncated,
    writeFailures,
    calls: options.gateway.getStats(),
    durationMs: Date.now() - started,
  };
  return { summary, scored: plan.scored, writes };
}

function tierChangesOf(scored: ScoredCompany[], writes: PlannedWrite[]): TierChange[] {
  const byId = new Map(scored.map((s) => [s.id, s]));
  const changes: TierChange[] = [];
  for (const write of writes) {
    const tier = write.properties.kam_tier as Tier | undefined;
    if (!tier) continue;
    const company = byId.get(write.id);
    const from = (write.properties.kam_tier_previous as Tier | undefined) ?? null;
    const direction = (write.properties.kam_tier_direction as 'up' | 'down' | undefined) ?? 'new';
    changes.push({ id: write.id, name: company?.name ?? write.id, from, to: tier, direction });
  }
  return changes;
}
