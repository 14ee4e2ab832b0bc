/**
 * The model as the admin edits it: plain JSON, changed one field path at a time and validated as a
 * whole with the scoring-model schema after every change (the same schema the functions and the
 * core use), so each message arrives with the path of the field it is about.
 */
import { type FieldIssue, validateModel, type ScoringModel } from '@keystone/shared';

export type Draft = Record<string, unknown>;

export function getAt(draft: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[key];
  }, draft);
}

/** A copy of the draft with one value replaced; the objects along the path are copied, the rest shared. */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const [key, ...rest] = path.split('.');
  if (key === undefined) return draft;
  if (rest.length === 0) return { ...draft, [key]: value };
  const child = draft[key];
  const childObject = child !== null && typeof child === 'object' ? (child as Draft) : {};
  return { ...draft, [key]: setAt(childObject, rest.join('.'), value) };
}

/**
 * An admin's edit of one field. Changing a risk-score weight, ramp or cut drops the risk score's
 * `calibration` (issue #17): it described the fitted values, and the card would quote it for others.
 */
export function editField(draft: Draft, path: string, value: unknown): Draft {
  const changed = setAt(draft, path, value);
  if (!path.startsWith('riskScore.') || getAt(draft, path) === value) return changed;
  const riskScore = changed.riskScore;
  if (riskScore === null || typeof riskScore !== 'object' || !('calibration' in riskScore)) return changed;
  const { calibration: _dropped, ...rest } = riskScore as Record<string, unknown>;
  return { ...changed, riskScore: rest };
}

export type DraftValidation = { ok: true; model: ScoringModel } | { ok: false; issues: FieldIssue[] };

export function validateDraft(draft: Draft): DraftValidation {
  const result = validateModel(draft);
  return result.ok ? { ok: true, model: result.value } : { ok: false, issues: result.issues };
}

/** Messages for a field: the issues at its own path (zod reports array items one level deeper). */
export function messagesAt(issues: readonly FieldIssue[], path: string): string[] {
  return issues
    .filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`))
    .map((issue) =>
      issue.path === path ? issue.message : `${issue.path.slice(path.length + 1)}: ${issue.message}`,
    );
}

/** Issues not tied to one field of the catalogue (a rule about a group, such as "at least one weight above 0"). */
export function groupIssues(issues: readonly FieldIssue[], fieldPaths: readonly string[]): FieldIssue[] {
  return issues.filter(
    (issue) => !fieldPaths.some((path) => issue.path === path || issue.path.startsWith(`${path}.`)),
  );
}

export function isSameModel(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
