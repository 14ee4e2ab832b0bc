import fc from 'fast-check';
import { TIERS, type Tier } from './enums';
import { tierThresholdsArb } from '../../../tests/arbitraries/scoring-model';
import { classifyTier, tierByThresholds, tierDirectionOf } from './tier';

const thresholds = { key: 70, important: 45, hysteresis: 5 };

describe('tier (methodology §2) with hysteresis', () => {
  test.each<[number, Tier]>([
    [70, 'key'],
    [69.9, 'important'],
    [45, 'important'],
    [44.9, 'regular'],
  ])('without a previous tier, %p is %s on the thresholds alone', (score, tier) => {
    expect(classifyTier(score, null, thresholds)).toBe(tier);
  });

  test.each<[Tier, number, Tier, string]>([
    ['key', 66, 'key', 'stays key within the margin below the key threshold'],
    ['key', 65, 'key', 'stays key exactly at the margin'],
    ['key', 64.9, 'important', 'drops to important beyond the margin'],
    ['key', 30, 'regular', 'drops straight to regular when the score says so'],
    ['important', 41, 'important', 'stays important within the margin'],
    ['important', 39.9, 'regular', 'drops to regular beyond the margin'],
    ['important', 72, 'important', 'does not rise to key until the threshold plus the margin'],
    ['important', 75, 'key', 'rises to key at the threshold plus the margin'],
    ['regular', 48, 'regular', 'does not rise to important until the threshold plus the margin'],
    ['regular', 50, 'important', 'rises to important at the threshold plus the margin'],
    ['regular', 72, 'important', 'rises one tier when only that one is cleared by the margin'],
    ['regular', 80, 'key', 'rises two tiers when the key threshold is cleared by the margin'],
  ])('previous %s, score %p → %s (%s)', (previous, score, expected) => {
    expect(classifyTier(score, previous, thresholds)).toBe(expected);
  });

  test('direction of a change', () => {
    expect(tierDirectionOf(null, 'key')).toBeNull();
    expect(tierDirectionOf('key', 'key')).toBeNull();
    expect(tierDirectionOf('regular', 'important')).toBe('up');
    expect(tierDirectionOf('key', 'important')).toBe('down');
  });

  test('noise of ±margin/2 around a threshold never makes the tier flip back and forth', () => {
    fc.assert(
      fc.property(
        tierThresholdsArb,
        fc.boolean(),
        fc.option(fc.constantFrom(...TIERS), { nil: null }),
        fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (model, aroundKey, start, unitNoise) => {
          const threshold = aroundKey ? model.key : model.important;
          let previous: Tier | null = start;
          const tiers: Tier[] = [];
          for (const unit of unitNoise) {
            previous = classifyTier(threshold + unit * model.hysteresis, previous, model);
            tiers.push(previous);
          }
          // after the first step the tier may change at most once, and never back
          const changes = tiers.filter((tier, index) => index > 0 && tier !== tiers[index - 1]).length;
          expect(changes).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('thresholds alone are the hysteresis with a zero margin', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (score) => {
        expect(classifyTier(score, null, thresholds)).toBe(tierByThresholds(score, thresholds));
      }),
      { numRuns: 100 },
    );
  });
});
