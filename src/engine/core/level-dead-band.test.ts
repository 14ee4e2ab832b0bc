import fc from 'fast-check';
import { axisLevelWithDeadBand, isWeakWithDeadBand, kaismQuadrantWithDeadBand } from './level-dead-band';

const levels = { medium: 40, strong: 70 };
const cut = { attractiveness: 65, strength: 50 };

// methodology §3–§4 levels hold within a 2-point dead band of a cut (issue #16: no daily flips)
describe('axis levels with a dead band', () => {
  test.each([
    [71, null, 'strong'],
    [69, null, 'medium'],
    [69, 'strong', 'strong'],
    [67.9, 'strong', 'medium'],
    [71, 'medium', 'medium'],
    [72, 'medium', 'strong'],
    [39, 'medium', 'medium'],
    [37.9, 'medium', 'weak'],
    [41, 'weak', 'weak'],
    [42, 'weak', 'medium'],
    [90, 'weak', 'strong'],
  ] as const)('%p after %p is %p', (value, previous, expected) => {
    expect(axisLevelWithDeadBand(value, levels, previous, 2)).toBe(expected);
  });

  test('without a margin the plain level applies', () => {
    expect(axisLevelWithDeadBand(69, levels, 'strong', 0)).toBe('medium');
  });
});

describe('KAISM quadrant with a dead band', () => {
  test.each([
    [66, 51, null, 'key_account'],
    [64, 51, 'key_account', 'key_account'],
    [62.9, 51, 'key_account', 'maintenance'],
    [66, 51, 'maintenance', 'maintenance'],
    [67, 51, 'maintenance', 'key_account'],
    [66, 49, 'key_account', 'key_account'],
    [66, 47.9, 'key_account', 'key_development'],
    [20, 20, 'key_account', 'opportunistic'],
  ] as const)('%p / %p after %p is %p', (attractiveness, strength, previous, expected) => {
    expect(kaismQuadrantWithDeadBand(attractiveness, strength, cut, previous, 2)).toBe(expected);
  });
});

describe('a weak factor with a dead band', () => {
  test('it differs from the plain answer only within the margin, and only toward what was given', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.option(fc.boolean(), { nil: null }),
        fc.double({ min: 0, max: 15, noNaN: true }),
        (value, threshold, wasGiven, margin) => {
          const plain = value < threshold;
          const held = isWeakWithDeadBand(value, threshold, wasGiven, margin);
          if (held === plain) return;
          expect(wasGiven).toBe(held);
          expect(Math.abs(value - threshold)).toBeLessThanOrEqual(margin);
        },
      ),
    );
  });
});
