/**
 * The CLI's input files — portfolio snapshots and scoring-model files — read and validated in one
 * place, so every command reports a missing file, bad JSON or an invalid field the same way.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import {
  companyRecordSchema,
  parseSnapshot,
  validateModel,
  type CompanyRecord,
  type PortfolioSnapshot,
  type ScoringModel,
  type ValidationIssue,
  toValidationIssues,
} from '../src/engine/core';
import { KeystoneError } from '../src/engine/errors';
import {
  companyReaderOf,
  SnapshotSyntaxError,
  SnapshotTruncatedError,
  splitSnapshotFrom,
  type ByteSource,
  type SnapshotLayout,
} from './snapshot-split';

// at most this many validation issues in a message; the rest are counted
const ISSUES_SHOWN = 10;

/** The error for a file that could not be read; `namespace` is the error code's (`snapshot`, `settings`). */
function unreadable(
  path: string,
  namespace: 'snapshot' | 'settings',
  what: string,
  error: unknown,
): KeystoneError {
  const reason =
    (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
  return new KeystoneError(`${namespace}.not_found`, `cannot read ${what} ${path}: ${reason}`, { path });
}

/** Reads and parses a JSON file; `namespace` is the error code's (`snapshot`, `settings`). */
function readJsonFile(path: string, namespace: 'snapshot' | 'settings', what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, namespace, what, error);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new KeystoneError(
      `${namespace}.invalid_json`,
      `${what} ${path} is not JSON: ${(error as Error).message}`,
      {
        path,
      },
    );
  }
}

function describeIssues(issues: readonly ValidationIssue[]): string {
  const shown = issues.slice(0, ISSUES_SHOWN).map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`);
  if (issues.length > ISSUES_SHOWN) shown.push(`  … and ${issues.length - ISSUES_SHOWN} more`);
  return shown.join('\n');
}

/**
 * A snapshot file, read on demand through `snapshot-split`'s window: never as one string (a
 * 100k-company snapshot, ~760 MB, is longer than the longest string V8 can make) and never whole
 * into memory (the first touch of that much memory alone cost this VM 2–3 s).
 */
type SnapshotFile = ByteSource & { close(): void };

function openSnapshotFile(path: string): SnapshotFile {
  let descriptor: number;
  let size: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, 'snapshot', 'snapshot', error);
  }
  try {
    size = fstatSync(descriptor).size;
  } catch (error) {
    closeSync(descriptor);
    throw unreadable(path, 'snapshot', 'snapshot', error);
  }
  return {
    size,
    readAt(target, position) {
      try {
        return readSync(descriptor, target, 0, target.length, position);
      } catch (error) {
        throw unreadable(path, 'snapshot', 'snapshot', error);
      }
    },
    close: () => closeSync(descriptor),
  };
}

type CompanyParse = ReturnType<typeof companyRecordSchema.safeParse>;

function changedWhileRead(path: string, detail: string): KeystoneError {
  return new KeystoneError('snapshot.changed', `snapshot ${path} changed while it was read: ${detail}`, {
    path,
  });
}

function notJson(path: string, error: unknown): unknown {
  if (error instanceof SnapshotTruncatedError) return changedWhileRead(path, error.message);
  if (!(error instanceof SnapshotSyntaxError)) return error;
  return new KeystoneError('snapshot.invalid_json', `snapshot ${path} is not JSON: ${error.message}`, {
    path,
    offset: error.offset,
  });
}

function invalidSnapshot(path: string, issues: ValidationIssue[]): KeystoneError {
  return new KeystoneError('snapshot.invalid', `snapshot ${path} is invalid:\n${describeIssues(issues)}`, {
    path,
    issues,
  });
}

/** A snapshot file read, its head validated, its companies parsed only as they are asked for. */
export type SnapshotStream = {
  head: Omit<PortfolioSnapshot, 'companies'>;
  /** The file's size in bytes. */
  bytes: number;
  /** How many companies the file holds. */
  count: number;
  /**
   * Each company parsed and validated when it is asked for, in file order: one pass at a time,
   * and no more than one record alive on this side. The first invalid company throws
   * `snapshot.invalid` with the issues of every company from there on.
   */
  companies: Iterable<CompanyRecord>;
};

/**
 * Reads a portfolio snapshot file (the format `kam generate` writes). Its bytes are split into
 * companies first (cli/snapshot-split.ts) and each is parsed on its own, so a file longer than
 * V8's longest string still reads, and a scorer that takes them one by one never holds them all:
 * at 100k companies (763 MB) the records parsed at once made a heap of over 2 GB.
 */
export function streamSnapshotFile(path: string): SnapshotStream {
  let layout: SnapshotLayout;
  let size: number;
  const file = openSnapshotFile(path);
  try {
    size = file.size;
    layout = splitSnapshotFrom(file);
  } catch (error) {
    throw notJson(path, error);
  } finally {
    file.close();
  }
  // the head through the snapshot schema (a missing or non-list `companies` stays in the head,
  // for the schema to name); the companies one by one below
  const parsed = parseSnapshot(layout.companies === null ? layout.head : { ...layout.head, companies: [] });
  if (!parsed.ok) throw invalidSnapshot(path, parsed.issues);
  const { companies: _none, ...head } = parsed.value;
  const count = (layout.companies?.length ?? 0) / 2;
  const issuesFrom = (companyAt: (index: number) => CompanyParse, first: number): ValidationIssue[] => {
    const issues: ValidationIssue[] = [];
    for (let index = first; index < count; index += 1) {
      const result = companyAt(index);
      if (result.success) continue;
      // named at their place in the whole snapshot, as parseSnapshot would name them
      const inSnapshot = result.error.issues.map((issue) => ({
        ...issue,
        path: ['companies', index, ...issue.path],
      }));
      issues.push(...toValidationIssues(inSnapshot));
    }
    return issues;
  };
  return {
    head,
    bytes: size,
    count,
    companies: {
      *[Symbol.iterator]() {
        // one file handle for the whole pass; a generator's finally closes it however the pass ends
        const file = openSnapshotFile(path);
        try {
          if (file.size !== size) throw changedWhileRead(path, `${size} bytes when split, ${file.size} now`);
          const reader = companyReaderOf(file, layout);
          const companyAt = (index: number): CompanyParse => {
            try {
              return companyRecordSchema.safeParse(reader(index));
            } catch (error) {
              throw notJson(path, error);
            }
          };
          for (let index = 0; index < count; index += 1) {
            const result = companyAt(index);
            if (!result.success) throw invalidSnapshot(path, issuesFrom(companyAt, index));
            yield result.data;
          }
        } finally {
          file.close();
        }
      },
    },
  };
}

/** A whole snapshot file in memory, validated by the core's schema (see `streamSnapshotFile`). */
export function readSnapshotFile(path: string): PortfolioSnapshot {
  const { head, companies } = streamSnapshotFile(path);
  return { ...head, companies: [...companies] };
}

/** A scoring-model file, validated by the same schema as the settings page and the stored model. */
export function readModelFile(path: string): ScoringModel {
  const result = validateModel(readJsonFile(path, 'settings', 'model file'));
  if (!result.ok) {
    throw new KeystoneError(
      'settings.invalid',
      `model file ${path} is invalid:\n${describeIssues(result.issues)}`,
      {
        path,
        issues: result.issues,
      },
    );
  }
  return result.value;
}
