import { axisLevelOf } from './axis-level';

describe('axisLevelOf (methodology §4 levels)', () => {
  test.each<[number, string]>([
    [0, 'weak'],
    [39.9, 'weak'],
    [40, 'medium'],
    [69.9, 'medium'],
    [70, 'strong'],
    [100, 'strong'],
  ])('%p is %s with thresholds 40/70', (value, level) => {
    expect(axisLevelOf(value, { medium: 40, strong: 70 })).toBe(level);
  });
});
