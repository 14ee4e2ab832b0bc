import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import {
  ARCHETYPES,
  emptyGroundTruth,
  generateCompanies,
  PORTFOLIO_SHAPES,
  recordInGroundTruth,
  snapshotHeader,
  snapshotJsonChunks,
  type CompanyRecord,
  type GenerateOptions,
  type GroundTruth,
} from '../../emulator/generator';
import { KeystoneError } from '../../src/engine/errors';
import type { CliIo } from '../output';
import { PROGRESS_FROM_COMPANIES } from '../progress';

const DAY_MS = 86_400_000;
// writing in ~1 MB pieces keeps a 100k-company file from ever being one string in memory
const WRITE_CHUNK_CHARS = 1 << 20;

const integerText = /^[+-]?\d+$/;

const flagsSchema = z.object({
  companies: z
    .string()
    .regex(/^\d+$/, 'must be a non-negative integer')
    .transform(Number)
    .refine(Number.isSafeInteger, 'is too large'),
  seed: z
    .string()
    .regex(integerText, 'must be an integer')
    .transform(Number)
    .refine(Number.isSafeInteger, 'must be a safe integer'),
  out: z.string().min(1, 'must name a file'),
  truth: z.string().min(1, 'must name a file').optional(),
  now: z
    .string()
    .optional()
    .transform((text) => (text === undefined ? startOfToday() : new Date(text)))
    .refine((date) => !Number.isNaN(date.getTime()), 'must be a valid ISO 8601 date or date-time'),
  dealsPerCompany: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a non-negative number')
    .transform(Number)
    .optional(),
  progress: z.boolean().optional(),
  shape: z.enum(PORTFOLIO_SHAPES, { error: `must be one of ${PORTFOLIO_SHAPES.join(', ')}` }).optional(),
  migrated: z.boolean().optional(),
});
type GenerateFlags = z.infer<typeof flagsSchema>;

/** The default `--now`: today at 00:00 UTC, so two runs on one day give the same portfolio. */
function startOfToday(): Date {
  return new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
}

const FLAG_NAMES: Record<string, string> = { dealsPerCompany: '--deals-per-company' };

function parseFlags(raw: Record<string, unknown>): GenerateFlags {
  const parsed = flagsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'flags');
  const flag = FLAG_NAMES[field] ?? `--${field}`;
  const value = raw[field];
  throw new KeystoneError(
    'input.invalid',
    `${flag} ${issue?.message ?? 'is invalid'}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`,
    { field: flag, value },
  );
}

/** `snapshot.json` → `snapshot.truth.json`. */
export function defaultTruthPath(out: string): string {
  return `${out.replace(/\.json$/i, '')}.truth.json`;
}

/** `kam generate`: a seeded, realistic portfolio as a snapshot file, with its ground truth. */
export function register(program: Command, io: CliIo): void {
  program
    .command('generate')
    .description('write a deterministic, realistic portfolio snapshot (and its ground truth) for a seed')
    .requiredOption('--companies <n>', 'number of companies (0 or more)')
    .requiredOption('--seed <s>', 'integer seed: the same seed and --now give a byte-identical file')
    .requiredOption('--out <file>', 'snapshot file to write (the format `kam score-file` reads)')
    .option('--truth <file>', 'ground-truth file to write (default: <out without .json>.truth.json)')
    .option('--now <iso>', 'the time the portfolio is generated for (default: today at 00:00 UTC)')
    .option('--deals-per-company <n>', 'mean number of deals per company over four years (default 10)')
    .addOption(
      new Option(
        '--progress',
        `print progress lines (default: on from ${PROGRESS_FROM_COMPANIES} companies)`,
      ),
    )
    .addOption(new Option('--no-progress', 'never print progress lines'))
    .option(
      '--shape <shape>',
      `portfolio shape: ${PORTFOLIO_SHAPES.join(' | ')} (default concentrated; flat: the top fifth holds about a third of revenue; steady: mid-size buyers 3–6 times a year)`,
    )
    .option(
      '--migrated',
      'every record created in the last month with its history in close dates, as after an import',
    )
    .addHelpText(
      'after',
      '\nExample:\n  kam generate --companies 2000 --seed 42 --now 2025-06-30 --out portfolio.json\n' +
        '  writes portfolio.json and portfolio.truth.json (archetype of every company, planted data defects)',
    )
    .action((raw: Record<string, unknown>) => {
      const flags = parseFlags(raw);
      const options: GenerateOptions = {
        companies: flags.companies,
        seed: flags.seed,
        now: flags.now,
        ...(flags.dealsPerCompany === undefined ? {} : { dealsPerCompany: flags.dealsPerCompany }),
        ...(flags.shape === undefined ? {} : { shape: flags.shape }),
        ...(flags.migrated === true ? { migrated: true } : {}),
      };
      const truthPath = flags.truth ?? defaultTruthPath(flags.out);
      const showProgress = flags.progress ?? flags.companies >= PROGRESS_FROM_COMPANIES;
      const startedAt = performance.now();
      const { truth, counts } = writeSnapshotFile(
        flags.out,
        options,
        showProgress ? progressPrinter(io, flags.companies) : undefined,
      );
      writeFile(truthPath, `${JSON.stringify(truth, null, 2)}\n`);
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      io.out(
        `wrote ${flags.out}: ${flags.companies} companies, ${counts.deals} deals, ${counts.tickets} tickets, ` +
          `${counts.meetings} meetings, ${counts.contacts} contacts (seed ${flags.seed}, now ${options.now.toISOString()}, ${seconds} s)`,
      );
      const planted = ARCHETYPES.map(
        (archetype) =>
          `${archetype} ${Object.values(truth.archetypes).filter((a) => a === archetype).length}`,
      );
      io.out(`wrote ${truthPath}: ${planted.join(', ')}; ${truth.dirtyData.length} data defects`);
    });
}

export type RecordCounts = Record<'deals' | 'tickets' | 'meetings' | 'contacts', number>;

/**
 * Streams a generated portfolio to `path` (through `<path>.partial`, renamed at the end, so a
 * failed run leaves no half file) and returns its ground truth. `onCompany` sees every company
 * as it is written: progress lines here, memory sampling in the bench.
 */
export function writeSnapshotFile(
  path: string,
  options: GenerateOptions,
  onCompany?: (done: number) => void,
): { truth: GroundTruth; counts: RecordCounts } {
  const truth = emptyGroundTruth(options);
  const counts: RecordCounts = { deals: 0, tickets: 0, meetings: 0, contacts: 0 };
  function* companies(): Generator<CompanyRecord> {
    for (const generated of generateCompanies(options)) {
      recordInGroundTruth(truth, generated);
      const { company } = generated;
      counts.deals += company.deals.length;
      counts.tickets += company.tickets.length;
      counts.meetings += company.meetings.length;
      counts.contacts += company.contacts.length;
      onCompany?.(generated.index + 1);
      yield company;
    }
  }
  const partial = `${path}.partial`;
  const fd = openForWriting(partial);
  try {
    let buffer = '';
    for (const chunk of snapshotJsonChunks(snapshotHeader(options), companies())) {
      buffer += chunk;
      if (buffer.length >= WRITE_CHUNK_CHARS) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(partial, path);
  } catch (error) {
    closeQuietly(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  return { truth, counts };
}

/** Ten progress lines over the run, on stderr so stdout stays the summary. */
function progressPrinter(io: CliIo, companies: number): (done: number) => void {
  const step = Math.max(1, Math.ceil(companies / 10));
  return (done) => {
    if (done % step === 0 || done === companies) {
      io.err(`generated ${done}/${companies} companies (${Math.round((100 * done) / companies)}%)`);
    }
  };
}

function openForWriting(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    throw new KeystoneError('input.invalid', `cannot write ${path}: ${(error as Error).message}`, { path });
  }
}

function writeFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new KeystoneError('input.invalid', `cannot write ${path}: ${(error as Error).message}`, { path });
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed: the write failed after closing
  }
}
