export { scoringModelSchema, validateModel, type ScoringModel } from './model-schema';
export { DEFAULT_SCORING_MODEL, DEFAULT_MODEL_VERSION } from './default-model';
export { modelFingerprint } from './model-fingerprint';
export { resolveScoringModel } from './model-policy';
export { type ModelStore, type ModelVersion, type StoredModel } from './model-store';
