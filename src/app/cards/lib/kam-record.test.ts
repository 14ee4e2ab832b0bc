import {
  EXPLANATION,
  NEVER_SCORED_PROPERTIES,
  createKamProperties,
  createPinnedProperties,
} from '../test-utils/fixtures';
import { CARD_PROPERTIES, readActivePin, readExplanation, readKamRecord } from './kam-record';

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

describe('readActivePin', () => {
  const NOW = new Date('2026-11-01T00:00:00.000Z');

  test.each([
    ['no pinned tier', { kam_tier_pinned: null }, false],
    ['a pinned tier the card does not know', { kam_tier_pinned: 'platinum' }, false],
    ['an expiry ahead', { kam_pin_expires_at: '2026-12-01T00:00:00.000Z' }, true],
    ['an expiry in epoch milliseconds ahead', { kam_pin_expires_at: String(Date.parse('2026-12-01')) }, true],
    ['no expiry', { kam_pin_expires_at: null }, true],
    ['an expiry passed', { kam_pin_expires_at: '2026-10-31T23:59:59.000Z' }, false],
    ['an expiry exactly now', { kam_pin_expires_at: NOW.toISOString() }, false],
  ])('%s: in force is %s', (_label, overrides, inForce) => {
    expect(readActivePin(createPinnedProperties(overrides), NOW) !== null).toBe(inForce);
  });

  test('reads the computed tier and the pin into the record', () => {
    expect(readKamRecord(createPinnedProperties(), NOW)).toMatchObject({
      tier: 'key',
      computedTier: 'important',
      pin: {
        tier: 'key',
        strategy: null,
        reason: 'Board-level partnership signed',
        expiresAt: '2099-03-31T00:00:00.000Z',
        pinnedBy: 'kam.lead@example.com (user 7001)',
      },
    });
  });
});

test('the card asks for every property once, the plan outputs among them', () => {
  expect(new Set(CARD_PROPERTIES).size).toBe(CARD_PROPERTIES.length);
  expect(CARD_PROPERTIES).toEqual(
    expect.arrayContaining(['hs_object_id', 'kam_plan_status', 'kam_plan_next_review', 'kam_plan_progress']),
  );
});
