import { parsePortfolioRows } from './portfolio-row';
import { supplierPositionMatrix } from './supplier-positions';
import { createRow } from './test-utils/rows';

test('counts the stored supplier positions of all companies and of the key accounts', () => {
  const parsed = parsePortfolioRows([
    createRow({ id: '1', kam_tier: 'key', kam_supplier_position: 'partner' }),
    createRow({ id: '2', kam_tier: 'key', kam_supplier_position: 'managed' }),
    createRow({ id: '3', kam_tier: 'key', kam_supplier_position: null }),
    createRow({ id: '4', kam_tier: 'regular', kam_supplier_position: 'partner' }),
    createRow({ id: '5', kam_tier: 'important', kam_supplier_position: 'independent' }),
  ]);
  expect(supplierPositionMatrix(parsed.companies)).toEqual({
    all: { managed: 1, partner: 2, independent: 1, desired: 0, unset: 1 },
    key: { managed: 1, partner: 1, independent: 0, desired: 0, unset: 1 },
  });
});

test('an unknown stored position counts as unset and is reported as an unreadable value', () => {
  const parsed = parsePortfolioRows([createRow({ id: '9', kam_supplier_position: 'friend' })]);
  expect(parsed.companies[0]?.supplierPosition).toBeNull();
  expect(parsed.fieldIssues).toEqual([{ id: '9', property: 'kam_supplier_position', value: 'friend' }]);
  expect(supplierPositionMatrix(parsed.companies).all.unset).toBe(1);
});
