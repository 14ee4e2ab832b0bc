/**
 * Fixtures for the settings-page tests. Use the ready-made `LOADED_DEFAULTS` when nothing was ever
 * saved; use the `createX(overrides)` factories when a test is about a stored version, a preview
 * or a failure, so the test shows only what it is about.
 */
import {
  type FunctionFailure,
  type GetModelResult,
  type ModelVersion,
  type PreviewModelResult,
  type SavedModelResult,
  DEFAULT_SCORING_MODEL,
  type ScoringModel,
} from '@keystone/shared';

type Loaded = Extract<GetModelResult, { ok: true }>;

export function createModelVersion(overrides: Partial<ModelVersion> = {}): ModelVersion {
  return {
    versionId: '501',
    version: 'v1',
    savedAt: '2026-03-01T10:00:00.000Z',
    savedBy: { userId: '7001', email: 'admin@example.com' },
    note: 'first tuning',
    isActive: true,
    isValid: true,
    ...overrides,
  };
}

export function createModel(overrides: Partial<ScoringModel> = {}): ScoringModel {
  return { ...DEFAULT_SCORING_MODEL, ...overrides };
}

/** What get-model answers: by default the shipped model with nothing stored. */
export function createLoadedModel(overrides: Partial<Loaded> = {}): Loaded {
  return {
    ok: true,
    active: { model: DEFAULT_SCORING_MODEL, source: 'default', version: null },
    history: [],
    problems: [],
    ...overrides,
  };
}

export const LOADED_DEFAULTS = createLoadedModel();

/** Two stored versions, v2 active, v1 restorable. */
export function createLoadedWithHistory(): Loaded {
  const v2 = createModelVersion({ versionId: '502', version: 'v2', note: 'stricter key tier' });
  const v1 = createModelVersion({ isActive: false });
  return createLoadedModel({
    active: {
      model: createModel({
        version: 'v2',
        tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 75, important: 45, hysteresis: 5 },
      }),
      source: 'stored',
      version: v2,
    },
    history: [v2, v1],
  });
}

export function createPreviewSuccess(
  overrides: Partial<Extract<PreviewModelResult, { ok: true }>> = {},
): PreviewModelResult {
  return {
    ok: true,
    sampled: 200,
    compared: 180,
    tierChanges: 12,
    quadrantChanges: 3,
    tierTransitions: [
      { from: 'key', to: 'important', count: 9 },
      { from: 'important', to: 'key', count: 3 },
    ],
    quadrantTransitions: [{ from: 'maintenance', to: 'key_account', count: 3 }],
    truncated: true,
    backtest: {
      asOf: '2025-03-01T10:00:00.000Z',
      horizonEnd: '2026-03-01T10:00:00.000Z',
      horizonMonths: 12,
      sampleSize: 190,
      buyingAtAsOf: 120,
      declined: 24,
      enoughDecliners: true,
      revenueBaselineDeclineAuc: 0.412,
      active: { modelVersion: 'v1', declineAuc: 0.571, keyAccountsAtAsOf: 30, keyRevenueShare: 0.393 },
      draft: { modelVersion: 'draft', declineAuc: 0.634, keyAccountsAtAsOf: 26, keyRevenueShare: 0.418 },
    },
    ...overrides,
  };
}

export function createSavedResult(overrides: Partial<ModelVersion> = {}): SavedModelResult {
  return {
    ok: true,
    version: createModelVersion({ versionId: '503', version: 'v3', note: '', ...overrides }),
  };
}

export function createFunctionFailure(
  code: string,
  message: string,
  issues?: { path: string; message: string }[],
): FunctionFailure {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}
