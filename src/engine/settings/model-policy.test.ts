/** The one model policy (model-policy.ts), case by case as `MODEL_POLICY` states it. */
import { KeystoneError } from '../errors';
import { DEFAULT_SCORING_MODEL } from './default-model';
import { resolveScoringModel, scoringModelOf } from './model-policy';
import type { ModelStore, StoredModel } from './model-store';

const saved: StoredModel = {
  versionId: '11',
  version: 'v3',
  savedAt: '2026-03-02T09:00:00.000Z',
  savedBy: { userId: '7001', email: 'admin@example.com' },
  note: '',
  isActive: true,
  model: { ...DEFAULT_SCORING_MODEL, version: 'v3', tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 81 } },
};

/** A store whose `getActive` answers `active`; every other operation fails the test. */
function storeAnswering(active: () => Promise<StoredModel | null>): ModelStore & { reads: number } {
  const store = {
    reads: 0,
    getActive: () => {
      store.reads += 1;
      return active();
    },
    save: () => Promise.reject(new Error('not expected')),
    history: () => Promise.reject(new Error('not expected')),
    rollback: () => Promise.reject(new Error('not expected')),
  };
  return store;
}

const invalid = new KeystoneError(
  'settings.stored_model_invalid',
  'the active scoring model v4 fails validation',
  {
    versionId: '12',
    issues: [{ path: 'tiers.key', message: 'must be greater than tiers.important (60)' }],
  },
);
const unreachable = new KeystoneError('hubspot.network', 'GET /crm/v3/schemas: fetch failed');

describe('the model policy', () => {
  test('an explicit model is used as given and the store is not read', async () => {
    const store = storeAnswering(() => Promise.resolve(saved));
    const explicit = { ...DEFAULT_SCORING_MODEL, version: 'from-file' };
    await expect(scoringModelOf({ explicit, store: () => store })).resolves.toBe(explicit);
    expect(store.reads).toBe(0);
  });

  test('the active stored version is used when there is one', async () => {
    const store = storeAnswering(() => Promise.resolve(saved));
    await expect(resolveScoringModel(store)).resolves.toEqual({
      source: 'stored',
      model: saved.model,
      stored: saved,
    });
    await expect(scoringModelOf({ store: () => store })).resolves.toBe(saved.model);
  });

  test('with nothing stored, the shipped defaults score', async () => {
    const store = storeAnswering(() => Promise.resolve(null));
    await expect(resolveScoringModel(store)).resolves.toEqual({
      source: 'default',
      model: DEFAULT_SCORING_MODEL,
      stored: null,
    });
  });

  test('an invalid active version stops scoring, and only editing starts from the defaults', async () => {
    const store = storeAnswering(() => Promise.reject(invalid));
    await expect(resolveScoringModel(store)).rejects.toBe(invalid);
    await expect(scoringModelOf({ store: () => store })).rejects.toBe(invalid);
    await expect(resolveScoringModel(store, 'edit')).resolves.toEqual({
      source: 'default',
      model: DEFAULT_SCORING_MODEL,
      stored: null,
      invalidActive: { versionId: '12', issues: invalid.details.issues },
    });
  });

  test('an unreachable store stops scoring and editing with its own error', async () => {
    const store = storeAnswering(() => Promise.reject(unreachable));
    await expect(resolveScoringModel(store)).rejects.toBe(unreachable);
    await expect(resolveScoringModel(store, 'edit')).rejects.toBe(unreachable);
  });
});
