import { DEFAULT_SCORING_MODEL } from './default-model';
import { modelFingerprint } from './model-fingerprint';
import { scoringModelSchema } from './model-schema';

describe('modelFingerprint', () => {
  test('equal models, however they were built, print the same', () => {
    const reparsed = scoringModelSchema.parse(JSON.parse(JSON.stringify(DEFAULT_SCORING_MODEL)));
    expect(modelFingerprint(reparsed)).toBe(modelFingerprint(DEFAULT_SCORING_MODEL));
  });

  test('a changed weight under the same version prints differently', () => {
    const edited = structuredClone(DEFAULT_SCORING_MODEL);
    edited.weights.attractiveness.revenue += 1;
    expect(edited.version).toBe(DEFAULT_SCORING_MODEL.version);
    expect(modelFingerprint(edited)).not.toBe(modelFingerprint(DEFAULT_SCORING_MODEL));
  });
});
