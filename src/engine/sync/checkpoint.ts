/**
 * A sync run's journal (JSON Lines, appended as the run goes): its start (`now`, model), what it
 * read, how many writes it planned and which writes landed. `--resume` replays it, so a killed run
 * neither redoes finished work nor writes a tier change twice: the reads and `now` are fixed once
 * recorded, so scoring them again plans the same writes (docs/decisions/0006). A line cut short
 * by a kill is ignored.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { z } from 'zod';
import { tierSchema } from '../core/enums';
import { companyRecordSchema, type CompanyRecord } from '../core/snapshot';
import { KeystoneError } from '../errors';

const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('ids'), ids: z.array(z.string()) }),
  z.object({ kind: z.literal('since'), since: z.string() }),
]);
export type SyncScope = z.infer<typeof scopeSchema>;

const plannedWriteSchema = z.object({ id: z.string(), properties: z.record(z.string(), z.string()) });
export type PlannedWrite = z.infer<typeof plannedWriteSchema>;

const tierChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  from: tierSchema.nullable(),
  to: tierSchema,
  direction: z.enum(['up', 'down', 'new']),
});
/** A company whose `kam_tier` the run writes: from what, to what. */
export type TierChange = z.infer<typeof tierChangeSchema>;

/**
 * What the run learned before it wrote anything, journaled with its plan: a resume that no longer
 * reads (or no longer reads everything) reports it from here. Every journal so far wrote all six
 * fields; the defaults stand where the run before this schema fell back.
 */
const plannedSummarySchema = z.object({
  companiesRead: z.number().int().nonnegative(),
  companiesScored: z.number().int().nonnegative(),
  unknownCompanyIds: z.array(z.string()).default([]),
  missingRecords: z.number().int().nonnegative().default(0),
  truncated: z.number().int().nonnegative().default(0),
  tierChanges: z.array(tierChangeSchema),
});
export type PlannedSummary = z.infer<typeof plannedSummarySchema>;

const startEntrySchema = z.object({
  type: z.literal('start'),
  runId: z.string(),
  now: z.string(),
  modelVersion: z.string(),
  scope: scopeSchema,
  target: z.string(),
  /** `modelFingerprint` of the model the run scores with (journals before it have none). */
  modelFingerprint: z.string().optional(),
});

/** A chunk's reads in plain JSON (journals before `read-gz`; still read). */
const readEntrySchema = z.object({
  type: z.literal('read'),
  after: z.string().nullable(),
  companies: z.array(companyRecordSchema),
  done: z.boolean(),
});

/**
 * A chunk's reads as the journal stores them: the companies' JSON, gzipped and in base64 (a
 * 1,000-company chunk is ~8 MB of JSON and ~1 MB this way). Read back as a `read` entry.
 */
const packedReadSchema = z.object({
  type: z.literal('read-gz'),
  after: z.string().nullable(),
  done: z.boolean(),
  gzip: z.string(),
});

const plannedEntrySchema = z.object({
  type: z.literal('planned'),
  /**
   * How many companies the plan writes. The plan itself is not journaled: the reads and `now`
   * are, so a resume scores them again and must get the same plan (a 10k plan is ~46 MB of
   * JSON, and writing it held the first write back by seconds). Journals from before carry
   * the `writes` instead.
   */
  writeCount: z.number().int().nonnegative().optional(),
  writes: z.array(plannedWriteSchema).optional(),
  summary: plannedSummarySchema,
});

const writtenEntrySchema = z.object({ type: z.literal('written'), ids: z.array(z.string()) });
const doneEntrySchema = z.object({ type: z.literal('done') });

/** One journal line, as written to disk. */
const journalLineSchema = z.discriminatedUnion('type', [
  startEntrySchema,
  readEntrySchema,
  packedReadSchema,
  plannedEntrySchema,
  writtenEntrySchema,
  doneEntrySchema,
]);
type JournalLine = z.infer<typeof journalLineSchema>;

/** What a run hands the journal (`read` entries are packed as `read-gz` lines when written). */
export type CheckpointEntry = Exclude<JournalLine, { type: 'read-gz' }>;
type StartEntry = z.infer<typeof startEntrySchema>;
type ReadEntry = z.infer<typeof readEntrySchema>;
type PlannedEntry = z.infer<typeof plannedEntrySchema>;

const companiesSchema = z.array(companyRecordSchema);

/**
 * A chunk's reads as `load` gives them: the companies are parsed when asked for, so a resumed run
 * holds one chunk's records at a time, as the run that journaled them did.
 */
export type JournaledRead = {
  type: 'read';
  after: string | null;
  done: boolean;
  /** The chunk's companies, parsed anew on each call; throws `sync.checkpoint_corrupt` if they do not parse. */
  companies: () => CompanyRecord[];
};

/**
 * One journal line as an entry. A packed read is unpacked here to check it (gzip's checksum
 * catches a line cut short) but its companies are parsed only when asked for.
 * Throws on anything unreadable.
 */
function parseLine(line: string, describe: () => string): LoadedEntry {
  const entry = journalLineSchema.parse(JSON.parse(line));
  if (entry.type === 'read') {
    const { companies, after, done } = entry;
    return { type: 'read', after, done, companies: () => companies };
  }
  if (entry.type !== 'read-gz') return entry;
  const { after, done, gzip: base64 } = entry;
  gunzipSync(Buffer.from(base64, 'base64'));
  return {
    type: 'read',
    after,
    done,
    companies: () => {
      try {
        const json = gunzipSync(Buffer.from(base64, 'base64')).toString('utf8');
        return companiesSchema.parse(JSON.parse(json));
      } catch (error) {
        throw new KeystoneError('sync.checkpoint_corrupt', `${describe()} has reads that do not parse`, {
          cause: String(error),
        });
      }
    },
  };
}

/** A journal line as `load` reads it. */
type LoadedEntry = Exclude<CheckpointEntry, { type: 'read' }> | JournaledRead;

export type CheckpointState = {
  start: StartEntry;
  reads: JournaledRead[];
  planned: PlannedEntry | null;
  writtenIds: Set<string>;
  done: boolean;
};

const gzipAsync = promisify(gzip);

// Companies serialised between two turns of the event loop while a read entry is written.
const COMPANIES_PER_SLICE = 50;

export class FileCheckpoint {
  // read entries being written in the background, in order; a failure is kept for `flush`
  private pending: Promise<void> = Promise.resolve();
  private failure: KeystoneError | null = null;
  // what a finished journal keeps (see `finish`)
  private start: StartEntry | null = null;
  private planned: PlannedEntry | null = null;
  private written = 0;

  constructor(readonly path: string) {}

  /** Bytes this object appended to the journal (before `finish` compacts it). */
  get bytesWritten(): number {
    return this.written;
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  /** Starts a new journal, replacing any previous one. */
  begin(entry: StartEntry): void {
    mkdirSync(dirname(this.path), { recursive: true });
    rmSync(this.path, { force: true });
    this.append(entry);
  }

  append(entry: CheckpointEntry): void {
    this.remember(entry);
    const line = `${JSON.stringify(entry)}\n`;
    appendFileSync(this.path, line);
    this.written += Buffer.byteLength(line);
  }

  /**
   * Marks the run finished and keeps only its start and plan. A finished run cannot be resumed,
   * and its reads (~8 MB per 1,000 companies) would otherwise stay on disk until the next run.
   * Written to a new file and renamed over the journal, so a kill leaves one or the other whole.
   */
  finish(): void {
    const kept = [this.start, this.planned, { type: 'done' } as const].filter((entry) => entry !== null);
    const compacted = `${this.path}.done`;
    writeFileSync(compacted, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    renameSync(compacted, this.path);
  }

  private remember(entry: CheckpointEntry): void {
    if (entry.type === 'start') this.start = entry;
    else if (entry.type === 'planned') this.planned = entry;
  }

  /**
   * Appends a chunk's reads without holding the event loop: a 1,000-company chunk is ~8 MB of
   * JSON, and serialising and writing it in one go stalled the run for 200–300 ms, so requests
   * the limiter had already counted went out late and drew 429s. Call `flush` before the next
   * `append`; a chunk whose entry never landed (a kill) is simply read again on resume.
   */
  appendReadInBackground(entry: ReadEntry): void {
    this.pending = this.pending.then(async () => {
      if (this.failure) return;
      try {
        const line = await readEntryLine(entry);
        await appendFile(this.path, line);
        this.written += Buffer.byteLength(line);
      } catch (error) {
        this.failure = new KeystoneError(
          'sync.checkpoint_unwritable',
          `cannot write the sync journal ${this.path}: ${error instanceof Error ? error.message : String(error)}`,
          { path: this.path },
        );
      }
    });
  }

  /** Waits for the entries written in the background; throws if one could not be written. */
  async flush(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure;
  }

  /** Waits for the entries written in the background, whatever became of them. */
  settle(): Promise<void> {
    return this.pending;
  }

  /** Replays the journal; throws `sync.checkpoint_*` errors a user can act on. */
  load(): CheckpointState {
    if (!this.exists()) {
      throw new KeystoneError(
        'sync.checkpoint_missing',
        `no sync checkpoint at ${this.path}: nothing to resume`,
        { path: this.path },
      );
    }
    const lines = readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const state: Partial<CheckpointState> & { reads: CheckpointState['reads']; writtenIds: Set<string> } = {
      reads: [],
      planned: null,
      writtenIds: new Set(),
      done: false,
    };
    lines.forEach((line, index) => {
      let parsed: LoadedEntry;
      try {
        parsed = parseLine(line, () => `sync checkpoint ${this.path} line ${index + 1}`);
      } catch (error) {
        if (index === lines.length - 1) return; // cut short by a kill mid-write
        throw new KeystoneError(
          'sync.checkpoint_corrupt',
          `sync checkpoint ${this.path} line ${index + 1} is unreadable`,
          {
            path: this.path,
            cause: String(error),
          },
        );
      }
      if (parsed.type !== 'read') this.remember(parsed);
      switch (parsed.type) {
        case 'start':
          state.start = parsed;
          break;
        case 'read':
          state.reads.push(parsed);
          break;
        case 'planned':
          state.planned = parsed;
          break;
        case 'written':
          for (const id of parsed.ids) state.writtenIds.add(id);
          break;
        case 'done':
          state.done = true;
          break;
      }
    });
    if (!state.start) {
      throw new KeystoneError('sync.checkpoint_corrupt', `sync checkpoint ${this.path} has no start entry`, {
        path: this.path,
      });
    }
    return state as CheckpointState;
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}

/**
 * One read entry as a journal line: the companies serialised a slice per turn of the event loop,
 * then gzipped on libuv's thread pool (level 1: most of the saving for a fraction of the CPU).
 */
async function readEntryLine(entry: ReadEntry): Promise<string> {
  const parts = ['['];
  for (let index = 0; index < entry.companies.length; index += 1) {
    if (index > 0 && index % COMPANIES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    parts.push(`${index === 0 ? '' : ','}${JSON.stringify(entry.companies[index])}`);
  }
  parts.push(']');
  const packed = await gzipAsync(Buffer.from(parts.join(''), 'utf8'), { level: 1 });
  const line: z.infer<typeof packedReadSchema> = {
    type: 'read-gz',
    after: entry.after,
    done: entry.done,
    gzip: packed.toString('base64'),
  };
  return `${JSON.stringify(line)}\n`;
}
