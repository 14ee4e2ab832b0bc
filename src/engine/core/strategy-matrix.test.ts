import type { AxisLevel } from './enums';
import { STRATEGY_LABELS, STRATEGY_MATRIX, strategyFor } from './strategy-matrix';

// methodology §4 (000, figure 1), normative: rows attractiveness strong/medium/weak, columns our position weak/medium/strong
describe('methodology §4: strategic options by attractiveness × our position', () => {
  test.each<[AxisLevel, AxisLevel, string]>([
    ['strong', 'weak', 'Retain selectively'],
    ['strong', 'medium', 'Develop cooperation'],
    ['strong', 'strong', 'Protect ties'],
    ['medium', 'weak', 'Retain with minimal effort'],
    ['medium', 'medium', 'Protect ties'],
    ['medium', 'strong', 'Develop cooperation'],
    ['weak', 'weak', 'Withdraw'],
    ['weak', 'medium', 'Retain with minimal effort'],
    ['weak', 'strong', 'Protect ties selectively'],
  ])('attractiveness %s, our position %s → %s', (attractiveness, position, label) => {
    expect(STRATEGY_LABELS[strategyFor(attractiveness, position)].en).toBe(label);
  });

  test('the matrix has exactly nine cells and uses all six options', () => {
    const cells = Object.values(STRATEGY_MATRIX).flatMap((row) => Object.values(row));
    expect(cells).toHaveLength(9);
    expect(new Set(cells).size).toBe(6);
  });

  test('the Russian labels are those of the source (000)', () => {
    expect(STRATEGY_LABELS[strategyFor('weak', 'weak')].ru).toBe('Отступить от сотрудничества с клиентом');
    expect(STRATEGY_LABELS[strategyFor('strong', 'weak')].ru).toBe('Удерживать выборочно');
  });
});
