export { scoringModelSchema, validateModel, type ScoringModel } from './model-schema';
export { DEFAULT_SCORING_MODEL, DEFAULT_MODEL_VERSION } from './default-model';
export { modelFingerprint } from './model-fingerprint';
