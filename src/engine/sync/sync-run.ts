/**
 * A portfolio run: read → score → diff → write, journaled so it can be killed and resumed.
 * Scoring is injected (`scorer`), so this module knows HubSpot's flow, not the methodology.
 */
import { randomUUID } from 'node:crypto';
import type { Tier } from '../core/enums';
import type { CompanyRecord } from '../core/snapshot';
import { KeystoneError } from '../errors';
import type { CrmGateway, GatewayStats } from '../hubspot/gateway';
import { FileCheckpoint, type CheckpointState, type PlannedWrite, type SyncScope } from './checkpoint';
import { diffOutputs, type OutputValues } from './diff';
import type { TierCapacityResult } from '../core';
import { companyChunks, readAhead } from './company-chunks';
import { readAssociatedRecords } from './read-portfolio';

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
 * Scoring for one run, fed each chunk of companies as it is read: a whole-portfolio run measures
 * them on arrival and keeps only what it measured (the records can go), then scores every company
 * at `finish`, once Pareto classes can be computed across the portfolio.
 */
export type PortfolioScoring = {
  add(companies: readonly CompanyRecord[]): void;
  finish(): { modelVersion: string; scored: ScoredCompany[]; tierCapacity?: TierCapacityResult };
};

export type PortfolioScorer = (options: { now: Date; paretoFromStored: boolean }) => PortfolioScoring;

export type SyncProgress =
  | { phase: 'read'; companiesRead: number; total: number | null }
  | { phase: 'score'; companies: number }
  | { phase: 'write'; written: number; total: number };

export type TierChange = {
  id: string;
  name: string;
  from: Tier | null;
  to: Tier;
  direction: 'up' | 'down' | 'new';
};

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

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const { gateway, checkpoint, signal } = options;
  const chunkSize = options.chunkSize ?? 1000;
  const firstChunkSize = options.firstChunkSize ?? FIRST_CHUNK_SIZE;
  let state: CheckpointState | null = null;
  if (options.resume) {
    if (!checkpoint) throw new KeystoneError('sync.checkpoint_missing', 'resume needs a checkpoint file');
    state = checkpoint.load();
    if (state.done)
      throw new KeystoneError('sync.nothing_to_resume', `the run in ${checkpoint.path} already finished`);
    if (state.start.target !== options.target) {
      throw new KeystoneError(
        'sync.checkpoint_mismatch',
        `the checkpoint in ${checkpoint.path} belongs to another portal or server`,
        {
          path: checkpoint.path,
        },
      );
    }
  }
  const runId = state?.start.runId ?? randomUUID();
  const now = state ? new Date(state.start.now) : options.now;
  const scope = state?.start.scope ?? options.scope;
  const modelVersion = state?.start.modelVersion ?? options.modelVersion;
  if (state && state.start.modelVersion !== options.modelVersion) {
    throw new KeystoneError(
      'sync.checkpoint_mismatch',
      `the interrupted run scored with model ${state.start.modelVersion}, the active model is now ${options.modelVersion}; start a new run`,
    );
  }
  if (
    state?.start.modelFingerprint !== undefined &&
    options.modelFingerprint !== undefined &&
    state.start.modelFingerprint !== options.modelFingerprint
  ) {
    throw new KeystoneError(
      'sync.checkpoint_mismatch',
      `model ${modelVersion} was changed since the interrupted run started; start a new run`,
    );
  }
  if (!state && checkpoint && !options.dryRun) {
    checkpoint.begin({
      type: 'start',
      runId,
      now: now.toISOString(),
      modelVersion,
      scope,
      target: options.target,
      ...(options.modelFingerprint === undefined ? {} : { modelFingerprint: options.modelFingerprint }),
    });
  }
  const journal = options.dryRun ? undefined : checkpoint;

  let scored: ScoredCompany[] = [];
  let writes: PlannedWrite[];
  let plannedSummary: Record<string, unknown>;
  const unknownCompanyIds: string[] = [];
  let missingRecords = 0;
  let truncated = 0;

  if (state?.planned?.writes) {
    // a journal written before plans were recomputed on resume
    writes = state.planned.writes;
    plannedSummary = state.planned.summary;
  } else {
    // 1. Read (continuing after the last journaled chunk when resuming), each chunk handed to the
    // scorer as it arrives: only the companies' own properties are kept here, for the diff.
    // Pareto classes need the whole portfolio, so partial runs keep the stored class.
    const scoring = options.scorer({ now, paretoFromStored: scope.kind !== 'all' });
    const storedById = new Map<string, CompanyRecord['properties']>();
    let companiesRead = 0;
    const take = (companies: readonly CompanyRecord[]): void => {
      scoring.add(companies);
      for (const company of companies) storedById.set(company.id, company.properties);
      companiesRead += companies.length;
    };
    // one journaled chunk parsed at a time, as it was read
    for (const read of state?.reads ?? []) take(read.companies());
    const lastRead = state?.reads.at(-1);
    const readFinished = lastRead?.done ?? false;
    if (!readFinished) {
      const chunks = await companyChunks(gateway, scope, {
        chunkSize,
        firstChunkSize,
        resumeAfter: lastRead?.after ?? undefined,
        alreadyRead: new Set(storedById.keys()),
        checkAborted: () => throwIfAborted(signal),
      });
      if (chunks.isEmpty) journal?.append({ type: 'read', after: null, companies: [], done: true });
      await readAhead(chunks, async ({ raw, after, done }) => {
        throwIfAborted(signal);
        const result = await readAssociatedRecords(gateway, raw);
        missingRecords += result.missingRecords;
        truncated += result.truncated.length;
        take(result.companies);
        journal?.appendReadInBackground({ type: 'read', after, companies: result.companies, done });
        options.onProgress?.({ phase: 'read', companiesRead, total: chunks.total });
      }).finally(() => journal?.settle());
      await journal?.flush();
      unknownCompanyIds.push(...chunks.unknownIds);
    }
    throwIfAborted(signal);

    // 2. Score what was read.
    options.onProgress?.({ phase: 'score', companies: companiesRead });
    scored = scoring.finish().scored;
    writes = [];
    for (const company of scored) {
      const changes = diffOutputs(
        storedById.get(company.id) ?? {},
        company.desired,
        now,
        company.alwaysWrite,
      );
      if (Object.keys(changes).length > 0) writes.push({ id: company.id, properties: changes });
    }
    const tierChanges = tierChangesOf(scored, writes);
    if (state?.planned) {
      // the same reads, `now` and model give the same plan; anything else must not be half-applied
      const journaled = state.planned;
      if (
        journaled.writeCount !== writes.length ||
        JSON.stringify(journaled.summary.tierChanges) !== JSON.stringify(tierChanges)
      ) {
        throw new KeystoneError(
          'sync.checkpoint_mismatch',
          `scoring the interrupted run's reads again no longer gives the plan it journaled in ${checkpoint?.path} (${journaled.writeCount} companies to write, now ${writes.length}); was Keystone updated since? Start a new run`,
        );
      }
      // what the first attempt learned while reading (unknown ids, missing records) is in its summary
      plannedSummary = journaled.summary;
    } else {
      plannedSummary = {
        companiesRead,
        companiesScored: scored.length,
        unknownCompanyIds,
        missingRecords,
        truncated,
        tierChanges,
      };
      journal?.append({ type: 'planned', writeCount: writes.length, summary: plannedSummary });
    }
  }

  // 3. Write only what changed, 100 per batch; each landed batch is journaled.
  const pending = writes.filter((write) => !state?.writtenIds.has(write.id));
  let written = writes.length - pending.length;
  const writeFailures: SyncSummary['writeFailures'] = [];
  if (!options.dryRun && pending.length > 0) {
    // An abort stops the writes between batches, never inside one.
    const outcome = await gateway.batchUpdate(
      'companies',
      pending,
      (ids) => {
        journal?.append({ type: 'written', ids });
        written += ids.length;
        options.onProgress?.({ phase: 'write', written, total: writes.length });
      },
      () => throwIfAborted(signal),
    );
    // one at a time: every single write of a large portfolio may fail, too many to spread into push()
    for (const failure of outcome.failures)
      writeFailures.push({ ids: failure.ids, message: failure.message });
  }
  if (writeFailures.length === 0) journal?.finish();

  const failedIds = new Set(writeFailures.flatMap((f) => f.ids));
  const landed = writes.filter((w) => !failedIds.has(w.id));
  const tierChanges = (plannedSummary.tierChanges as TierChange[]).filter((c) => !failedIds.has(c.id));
  const summary: SyncSummary = {
    runId,
    now: now.toISOString(),
    modelVersion,
    dryRun: options.dryRun ?? false,
    resumed: state !== null,
    companiesRead: Number(plannedSummary.companiesRead),
    companiesScored: Number(plannedSummary.companiesScored),
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
    unknownCompanyIds: (plannedSummary.unknownCompanyIds as string[]) ?? unknownCompanyIds,
    missingRecords: Number(plannedSummary.missingRecords ?? 0),
    truncated: Number(plannedSummary.truncated ?? 0),
    writeFailures,
    calls: gateway.getStats(),
    durationMs: Date.now() - started,
  };
  return { summary, scored, writes };
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
