/**
 * The scoring-model store as every caller sees it: versioned, append-only history with one active
 * version, every read validated by the model schema. Where versions live is an adapter's business:
 * the HubSpot custom object (hubspot/model-store.ts, Enterprise) or a versioned JSON file
 * (service/file-model-store.ts, for `kam serve` below Enterprise); decision 0002 says which when.
 * Which model scores when the store has none, or a bad one, is the policy in model-policy.ts.
 */
import type { ValidationIssue } from '../core/validation';
import type { ScoringModel } from './model-schema';

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
