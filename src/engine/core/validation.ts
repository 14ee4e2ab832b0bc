/**
 * Expected outcomes of the core are values, not exceptions (style §4): a validation result
 * carries every problem with the dotted path of the field it is about, so the settings page and
 * the CLI can show the messages unchanged.
 */
import type { z } from 'zod';

export type ValidationIssue = { path: string; message: string };

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Joins a zod path into the dotted form used in messages (`weights.attractiveness.revenue`, `companies.3.id`). */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

/** Turns zod's issues into path + message pairs; an unknown key is reported at its own path. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const result: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        result.push({
          path: formatIssuePath([...issue.path, key]),
          message: 'Unknown field: remove it or check its spelling',
        });
      }
      continue;
    }
    result.push({ path: formatIssuePath(issue.path), message: issue.message });
  }
  return result;
}
