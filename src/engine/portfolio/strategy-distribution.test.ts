import { parsePortfolioRows } from './portfolio-row';
import { strategyDistribution } from './strategy-distribution';
import { createRow, explanationJson } from './test-utils/rows';

// methodology §4, rows in the document's order (attractiveness strong → weak, position weak → strong)
test.each([
  ['strong', 'weak', 'retain_selectively'],
  ['strong', 'medium', 'develop_cooperation'],
  ['strong', 'strong', 'protect_ties'],
  ['medium', 'weak', 'retain_minimal_effort'],
  ['medium', 'medium', 'protect_ties'],
  ['medium', 'strong', 'develop_cooperation'],
  ['weak', 'weak', 'withdraw'],
  ['weak', 'medium', 'retain_minimal_effort'],
  ['weak', 'strong', 'protect_ties_selectively'],
] as const)(
  'the cell of attractiveness %s × position %s is labelled %s',
  (attractiveness, strength, strategy) => {
    const cell = strategyDistribution([]).cells.find(
      (candidate) => candidate.attractiveness === attractiveness && candidate.strength === strength,
    );
    expect(cell?.strategy).toBe(strategy);
  },
);

test('counts companies per cell in reading order and leaves those without levels unplaced', () => {
  const rows = [
    createRow({
      kam_won_revenue_12m: '10',
      kam_explanation: explanationJson({ attractivenessLevel: 'strong', strengthLevel: 'weak' }),
    }),
    createRow({
      kam_won_revenue_12m: '5',
      kam_explanation: explanationJson({ attractivenessLevel: 'strong', strengthLevel: 'weak' }),
    }),
    createRow({ kam_explanation: explanationJson({ attractivenessLevel: 'weak', strengthLevel: 'strong' }) }),
    createRow({ kam_explanation: null }),
  ];
  const { cells, unplaced } = strategyDistribution(parsePortfolioRows(rows).companies);
  expect(cells.map((cell) => `${cell.attractiveness}/${cell.strength}`)).toEqual([
    'strong/weak',
    'strong/medium',
    'strong/strong',
    'medium/weak',
    'medium/medium',
    'medium/strong',
    'weak/weak',
    'weak/medium',
    'weak/strong',
  ]);
  expect(cells[0]).toMatchObject({ strategy: 'retain_selectively', count: 2, wonRevenueLast12Months: 15 });
  expect(cells[8]).toMatchObject({ strategy: 'protect_ties_selectively', count: 1 });
  expect(unplaced).toBe(1);
});
