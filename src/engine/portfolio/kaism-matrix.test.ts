import { kaismMatrix } from './kaism-matrix';
import { parsePortfolioRows } from './portfolio-row';
import { createRow } from './test-utils/rows';

test('counts and lists every company by its stored KAISM quadrant, best score first', () => {
  const rows = [
    createRow({ id: '1', kam_quadrant: 'key_account', kam_score: '70' }),
    createRow({ id: '2', kam_quadrant: 'key_account', kam_score: '90' }),
    createRow({ id: '3', kam_quadrant: 'maintenance' }),
    createRow({ id: '4', kam_quadrant: null }),
  ];
  const matrix = kaismMatrix(parsePortfolioRows(rows).companies);
  expect(matrix.counts).toEqual({ key_account: 2, key_development: 0, maintenance: 1, opportunistic: 0 });
  expect(matrix.lists.key_account.map((company) => company.id)).toEqual(['2', '1']);
  expect(matrix.unplaced).toBe(1);
});
