/**
 * Which scoring model Keystone uses: one policy, here, for the CLI, the app functions, the
 * endpoint functions and `kam serve`. Each case in one sentence (`MODEL_POLICY`); callers pass a
 * store (the configured one, see hubspot/model-store.ts `ModelStoreFactory`) and, when they have
 * one, an explicit model.
 */
import { isKeystoneError } from '../errors';
import type { ValidationIssue } from '../core/validation';
import { DEFAULT_SCORING_MODEL } from './default-model';
import type { ScoringModel } from './model-schema';
import type { ModelStore, StoredModel } from './model-store';

export const MODEL_POLICY = {
  explicitModel:
    'A model given explicitly (kam --model <file>, a fixed model passed to the engine or runner) is used as given and the store is not read.',
  nothingStored:
    'A store with no saved version, including a portal where the store cannot exist (no custom objects below Enterprise), scores with the shipped defaults.',
  invalidStored:
    'An active stored version that fails validation stops scoring with settings.stored_model_invalid until an admin saves a valid model or rolls back; only the settings page and its preview (use "edit") start from the shipped defaults then, so the admin can.',
  unreachableStore:
    'A store that cannot be read (network, HubSpot 5xx after retries, 401/403/404 on its records) stops scoring with that error, because scoring with the defaults would overwrite scores of a model an admin saved.',
} as const;

/** `score`: a path that writes scores. `edit`: the settings page and the preview, which only show and compare. */
export type ModelUse = 'score' | 'edit';

/** The model chosen, and where it came from. */
export type ResolvedModel =
  | { source: 'stored'; model: ScoringModel; stored: StoredModel }
  | {
      source: 'default';
      model: ScoringModel;
      stored: null;
      /** Use `edit` only: the active stored version that failed validation, which the defaults stand in for. */
      invalidActive?: { versionId: string; issues: ValidationIssue[] };
    };

/**
 * The model to use from a store, under `MODEL_POLICY`.
 * @example const { model } = await resolveScoringModel(store)
 */
export async function resolveScoringModel(
  store: ModelStore,
  use: ModelUse = 'score',
): Promise<ResolvedModel> {
  let stored: StoredModel | null;
  try {
    stored = await store.getActive();
  } catch (error) {
    if (use === 'edit' && isKeystoneError(error) && error.code === 'settings.stored_model_invalid') {
      const issues = Array.isArray(error.details.issues) ? (error.details.issues as ValidationIssue[]) : [];
      return {
        source: 'default',
        model: DEFAULT_SCORING_MODEL,
        stored: null,
        invalidActive: { versionId: String(error.details.versionId), issues },
      };
    }
    throw error;
  }
  return stored
    ? { source: 'stored', model: stored.model, stored }
    : { source: 'default', model: DEFAULT_SCORING_MODEL, stored: null };
}

/**
 * The model a scoring path uses: the explicit one when given, else the store's under `MODEL_POLICY`.
 * @example await scoringModelOf({ explicit: options.model, store: () => stores({ gateway, now }) })
 */
export async function scoringModelOf(source: {
  explicit?: ScoringModel | undefined;
  store: () => ModelStore;
}): Promise<ScoringModel> {
  if (source.explicit) return source.explicit;
  return (await resolveScoringModel(source.store())).model;
}
