import { EXPLANATION, NEVER_SCORED_PROPERTIES, createKamProperties } from '../test-utils/fixtures';
import { readExplanation, readKamRecord } from './kam-record';

describe('readKamRecord', () => {
  test('a company with neither a score nor a scoring time was never scored', () => {
    expect(readKamRecord(NEVER_SCORED_PROPERTIES)).toEqual({ isScored: false });
  });

  test('reads numbers, enumerations, lines and the explanation of a scored company', () => {
    const record = readKamRecord(createKamProperties());
    expect(record).toMatchObject({
      isScored: true,
      score: 72.4,
      confidence: 0.85,
      tier: 'key',
      quadrant: 'key_account',
      strategy: 'protect_ties',
      riskLevel: 'watch',
      lossStage: 1,
      growth: 0.2333,
      explanation: { status: 'ok', explanation: EXPLANATION },
    });
    expect(record.isScored && record.topRecommendations).toHaveLength(2);
  });

  test.each([
    ['a number HubSpot stored as text', { kam_score: 'n/a' }, { score: null }],
    ['an enumeration value the card does not know', { kam_strategy: 'conquer' }, { strategy: null }],
    ['blank text', { kam_model_version: '   ' }, { modelVersion: null }],
  ])('turns %s into unknown instead of failing', (_label, overrides, expected) => {
    expect(readKamRecord(createKamProperties(overrides))).toMatchObject(expected);
  });
});

describe('readExplanation', () => {
  test.each([
    ['nothing stored', null, { status: 'missing' }],
    ['text that is not JSON', 'oops', { status: 'corrupt', reason: 'not valid JSON' }],
    [
      'JSON of another shape',
      '{"v":1}',
      { status: 'corrupt', reason: expect.stringMatching(/^modelVersion: /) },
    ],
  ])('reports %s', (_label, raw, expected) => {
    expect(readExplanation(raw)).toEqual(expected);
  });
});
