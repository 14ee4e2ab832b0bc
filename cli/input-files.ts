/**
 * The CLI's input files — portfolio snapshots and scoring-model files — read and validated in one
 * place, so every command reports a missing file, bad JSON or an invalid field the same way.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import {
  parseSnapshot,
  validateModel,
  type PortfolioSnapshot,
  type ScoringModel,
  type ValidationIssue,
} from '../src/engine/core';
import { KeystoneError } from '../src/engine/errors';
import { parseCompanyAt, SnapshotSyntaxError, splitSnapshot, type SnapshotLayout } from './snapshot-split';

// at most this many validation issues in a message; the rest are counted
const ISSUES_SHOWN = 10;

/** Reads and parses a JSON file; `namespace` is the error code's (`snapshot`, `settings`). */
function readJsonFile(path: string, namespace: 'snapshot' | 'settings', what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new KeystoneError(`${namespace}.not_found`, `cannot read ${what} ${path}: ${reason}`, { path });
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
 * A file's bytes. Not a string: a 100k-company snapshot (~760 MB) is longer than the longest
 * string V8 can make.
 */
function readFileBytes(path: string, what: string): Uint8Array {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const size = fstatSync(descriptor).size;
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const count = readSync(descriptor, bytes, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return read === size ? bytes : bytes.subarray(0, read);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new KeystoneError('snapshot.not_found', `cannot read ${what} ${path}: ${reason}`, { path });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function notJson(path: string, error: unknown): unknown {
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

/** How far reading a snapshot file is: its bytes read, its companies parsed one by one, then validated. */
export type SnapshotReadProgress =
  | { step: 'read'; bytes: number }
  | { step: 'parse'; done: number; total: number }
  | { step: 'validated'; total: number };

// parse progress is reported every this many companies (and at the end)
const PARSE_PROGRESS_EVERY = 1024;

/**
 * A portfolio snapshot file (the format `kam generate` writes), validated by the core's schema.
 * Its bytes are split into companies first (cli/snapshot-split.ts) and each is parsed on its own,
 * so a file longer than V8's longest string still reads.
 */
export function readSnapshotFile(
  path: string,
  onProgress?: (progress: SnapshotReadProgress) => void,
): PortfolioSnapshot {
  const bytes = readFileBytes(path, 'snapshot');
  onProgress?.({ step: 'read', bytes: bytes.length });
  let layout: SnapshotLayout;
  const companies: unknown[] = [];
  try {
    layout = splitSnapshot(bytes);
    const total = (layout.companies?.length ?? 0) / 2;
    for (let index = 0; index < total; index += 1) {
      companies.push(parseCompanyAt(bytes, layout, index));
      if (onProgress !== undefined && (index + 1) % PARSE_PROGRESS_EVERY === 0) {
        onProgress({ step: 'parse', done: index + 1, total });
      }
    }
    onProgress?.({ step: 'parse', done: total, total });
  } catch (error) {
    throw notJson(path, error);
  }
  // a missing or non-list `companies` stays in the head, for the schema to name
  const parsed = parseSnapshot(layout.companies === null ? layout.head : { ...layout.head, companies });
  if (!parsed.ok) throw invalidSnapshot(path, parsed.issues);
  onProgress?.({ step: 'validated', total: companies.length });
  return parsed.value;
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
