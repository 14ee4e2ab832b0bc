/**
 * The scoring-model store as every caller sees it: versioned, append-only history with one active
 * version, every read validated by the model schema. Where versions live is an adapter's business:
 * the HubSpot custom object (hubspot/model-store.ts, Enterprise) or a versioned JSON file
 * (service/file-model-store.ts, for `kam serve` below Enterprise); decision 0002 says which when.
 * Which model scores when the store has none, or a bad one, is the policy in model-policy.ts.
 */
import type { ValidationIssue } from '../core/validation';
import { KeystoneError } from '../errors';
import { scoringModelSchema, type ScoringModel } from './model-schema';

/** The code of the error a store that cannot exist in this portal gives every operation that writes. */
export const STORE_UNAVAILABLE = 'settings.store_unavailable';

export type ModelAuthor = { userId: string; email: string };

/** One stored version as history lists it; `issues` is empty when it passes the schema. */
export type ModelVersion = {
  versionId: string;
  version: string;
  savedAt: string;
  savedBy: ModelAuthor;
  note: string;
  isActive: boolean;
  isValid: boolean;
  issues: ValidationIssue[];
};

/** A stored version that passed validation, with its model. */
export type StoredModel = Omit<ModelVersion, 'isValid' | 'issues'> & { model: ScoringModel };

export type SaveMeta = { userId: string; userEmail: string; note: string };

export interface ModelStore {
  /**
   * The active version, or null when none was ever saved (or the store cannot exist in this
   * portal); throws `settings.stored_model_invalid` for a corrupt one.
   */
  getActive(): Promise<StoredModel | null>;
  /** Stores the model as a new active version; its `version` becomes the next `v<n>`. */
  save(model: ScoringModel, meta: SaveMeta): Promise<StoredModel>;
  /** Newest first, valid or not. */
  history(limit: number): Promise<ModelVersion[]>;
  /** Re-activates an old version by saving a copy of it (history stays append-only). */
  rollback(versionId: string, by: Omit<SaveMeta, 'note'>): Promise<StoredModel>;
}

// ---------------------------------------------------------------------------------------------
// The versioning rules every store follows, whatever holds the versions (pure, no I/O).

/** Saves are rare; the newest 100 versions are the whole useful history (one HubSpot batch read). */
export const MAX_HISTORY = 100;

/** How many versions `history(limit)` lists: at least one, at most `MAX_HISTORY`. */
export function historyLength(limit: number): number {
  return Math.min(Math.max(1, Math.floor(limit)), MAX_HISTORY);
}

const VERSION_LABEL = /^v(\d+)$/;

/** The next `v<n>` after the labels stored so far; a hand-made label never makes one repeat. */
export function nextVersionLabel(labels: readonly string[]): string {
  const highest = labels.reduce((max, label) => {
    const match = VERSION_LABEL.exec(label);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `v${Math.max(labels.length, highest) + 1}`;
}

/** The model as it is saved under `label`; `settings.invalid` naming every field otherwise (nothing is saved). */
export function modelToSave(model: ScoringModel, label: string): ScoringModel {
  const parsed = scoringModelSchema.safeParse({ ...model, version: label });
  if (parsed.success) return parsed.data;
  throw new KeystoneError('settings.invalid', `scoring model ${label} fails validation; nothing was saved`, {
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

export function toStoredModel(version: ModelVersion, model: ScoringModel): StoredModel {
  const { isValid: _isValid, issues: _issues, ...rest } = version;
  return { ...rest, model };
}

/**
 * The active version with its model, or `settings.stored_model_invalid` when the stored model no
 * longer passes the schema. `where` names the version in the store ("record 123", "version 4").
 */
export function activeModelOf(version: ModelVersion, model: ScoringModel | null, where: string): StoredModel {
  if (model) return toStoredModel(version, model);
  throw new KeystoneError(
    'settings.stored_model_invalid',
    `the active scoring model ${version.version} (${where}) fails validation at ${version.issues
      .map((issue) => issue.path)
      .join(', ')}; save a valid model or roll back in Keystone settings`,
    { versionId: version.versionId, issues: version.issues },
  );
}

/** The model a rollback saves again, or `settings.stored_model_invalid` when it cannot be restored. */
export function restorableModelOf(
  version: ModelVersion,
  model: ScoringModel | null,
  where: string,
): ScoringModel {
  if (model) return model;
  throw new KeystoneError(
    'settings.stored_model_invalid',
    `scoring model ${version.version} (${where}) fails validation and cannot be restored`,
    { versionId: version.versionId, issues: version.issues },
  );
}

/** The note a rollback saves its copy with. */
export const rollbackNote = (version: ModelVersion): string => `Rollback to ${version.version}`;

export function versionNotFound(versionId: string): KeystoneError {
  return new KeystoneError('settings.version_not_found', `no scoring model version ${versionId} is stored`, {
    versionId,
  });
}
