/**
 * Arbitraries for valid scoring models: the shipped defaults with weights, thresholds and margins
 * redrawn, every one accepted by `validateModel`.
 */
import fc from 'fast-check';
import { ATTRACTIVENESS_FACTORS, STRENGTH_FACTORS } from '../../src/engine/core/enums';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings/default-model';
import type { ScoringModel } from '../../src/engine/settings/model-schema';

function weightsArb<K extends string>(keys: readonly K[]): fc.Arbitrary<Record<K, number>> {
  return fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })), {
      minLength: keys.length,
      maxLength: keys.length,
    })
    .filter((weights) => weights.some((weight) => weight > 0))
    .map(
      (weights) => Object.fromEntries(keys.map((key, index) => [key, weights[index]])) as Record<K, number>,
    );
}

/** One tier's places: any count and share the schema allows, small ones often. */
export const tierCapacityArb = fc.record({
  maxCount: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 500 })),
  maxShare: fc.oneof(
    fc.double({ min: 0.01, max: 0.3, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  ),
});

/** Ordered tier thresholds with a hysteresis margin (methodology §2), and any capacity. */
export const tierThresholdsArb: fc.Arbitrary<ScoringModel['tiers']> = fc
  .record({
    important: fc.double({ min: 5, max: 60, noNaN: true }),
    gap: fc.double({ min: 0.5, max: 35, noNaN: true }),
    hysteresis: fc.double({ min: 0.5, max: 20, noNaN: true }),
    capacity: fc.record({ key: tierCapacityArb, important: tierCapacityArb }),
  })
  .map(({ important, gap, hysteresis, capacity }) => ({
    key: important + gap,
    important,
    hysteresis,
    capacity,
  }));

const levelsArb = fc
  .tuple(fc.integer({ min: 10, max: 60 }), fc.integer({ min: 5, max: 35 }))
  .map(([medium, gap]) => ({ medium, strong: medium + gap }));

/** A valid model: random weights (at least one positive per axis), thresholds, levels and cut. */
export const scoringModelArb: fc.Arbitrary<ScoringModel> = fc
  .record({
    attractiveness: weightsArb(ATTRACTIVENESS_FACTORS),
    strength: weightsArb(STRENGTH_FACTORS),
    axisWeights: fc.record({
      attractiveness: fc.integer({ min: 1, max: 10 }),
      strength: fc.integer({ min: 0, max: 10 }),
    }),
    tiers: tierThresholdsArb,
    attractivenessLevels: levelsArb,
    strengthLevels: levelsArb,
    cut: fc.record({
      attractiveness: fc.integer({ min: 20, max: 80 }),
      strength: fc.integer({ min: 20, max: 80 }),
    }),
    activityDays: fc.integer({ min: 30, max: 180 }),
    historyYears: fc.integer({ min: 2, max: 6 }),
  })
  .map((drawn): ScoringModel => ({
    ...DEFAULT_SCORING_MODEL,
    version: 'arbitrary',
    windows: { activityDays: drawn.activityDays, historyYears: drawn.historyYears },
    axisWeights: drawn.axisWeights,
    weights: { attractiveness: drawn.attractiveness, strength: drawn.strength },
    tiers: drawn.tiers,
    axisLevels: { attractiveness: drawn.attractivenessLevels, strength: drawn.strengthLevels },
    kaismCut: drawn.cut,
  }));
