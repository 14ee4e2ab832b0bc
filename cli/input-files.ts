/**
 * The CLI's input files — portfolio snapshots and scoring-model files — read and validated in one
 * place, so every command reports a missing file, bad JSON or an invalid field the same way.
 */
import { readFileSync } from 'node:fs';
import {
  parseSnapshot,
  validateModel,
  type PortfolioSnapshot,
  type ScoringModel,
  type ValidationIssue,
} from '../src/engine/core';
import { KeystoneError } from '../src/engine/errors';

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

/** A portfolio snapshot file (the format `kam generate` writes), validated by the core's schema. */
export function readSnapshotFile(path: string): PortfolioSnapshot {
  const parsed = parseSnapshot(readJsonFile(path, 'snapshot', 'snapshot'));
  if (!parsed.ok) {
    throw new KeystoneError(
      'snapshot.invalid',
      `snapshot ${path} is invalid:\n${describeIssues(parsed.issues)}`,
      {
        path,
        issues: parsed.issues,
      },
    );
  }
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
