import { KAISM_QUADRANT_LABELS, kaismQuadrantFor, kaismQuadrantOf } from './kaism-quadrant';

// methodology §3: rows attractiveness high/low, columns loyalty/strength low/high, as in the table
describe('methodology §3: KAISM quadrants', () => {
  test.each<['high' | 'low', 'low' | 'high', string]>([
    ['high', 'low', 'Key development'],
    ['high', 'high', 'Key account'],
    ['low', 'low', 'Opportunistic'],
    ['low', 'high', 'Maintenance / support'],
  ])('attractiveness %s, loyalty/strength %s → %s', (attractiveness, strength, label) => {
    expect(KAISM_QUADRANT_LABELS[kaismQuadrantFor(attractiveness === 'high', strength === 'high')].en).toBe(
      label,
    );
  });

  test('an axis is high at or above the model cut', () => {
    const cut = { attractiveness: 50, strength: 60 };
    expect(kaismQuadrantOf(50, 60, cut)).toBe('key_account');
    expect(kaismQuadrantOf(49.9, 60, cut)).toBe('maintenance');
    expect(kaismQuadrantOf(50, 59.9, cut)).toBe('key_development');
    expect(kaismQuadrantOf(0, 0, cut)).toBe('opportunistic');
  });
});
