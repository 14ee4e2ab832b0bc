import { Table, TableCell, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { textContent } from '@keystone/shared/test-utils';
import { createPortfolio } from '../test-utils/fixtures';
import { SupplierPositions } from './SupplierPositions';

function render(data: ReturnType<typeof createPortfolio>) {
  const renderer = createRenderer('pages');
  renderer.render(<SupplierPositions data={data} />);
  return renderer;
}

// methodology §6 on the portfolio page: the 2×2 of counts, key accounts in brackets
describe('SupplierPositions', () => {
  test('shows each cell where §6 puts it, with the key accounts and the companies without a position', () => {
    const { findByTestId, findAll } = render(
      createPortfolio({
        positions: {
          all: { managed: 3, partner: 5, independent: 1, desired: 2, unset: 40 },
          key: { managed: 1, partner: 4, independent: 0, desired: 1, unset: 2 },
        },
      }),
    );
    const rows = findAll(Table)[0]!;
    expect(textContent(rows)).toContain('High significance');
    expect(textContent(findByTestId(TableCell, 'kam-position-managed'))).toBe('Managed supplier: 3 (1 key)');
    expect(textContent(findByTestId(TableCell, 'kam-position-partner'))).toBe('Partner supplier: 5 (4 key)');
    expect(textContent(findByTestId(TableCell, 'kam-position-independent'))).toBe(
      'Independent supplier: 1 (0 key)',
    );
    expect(textContent(findByTestId(TableCell, 'kam-position-desired'))).toBe('Desired supplier: 2 (1 key)');
    expect(textContent(findByTestId(Text, 'kam-position-unset'))).toMatch(
      /^40 companies \(2 key accounts\) have no position yet/,
    );
  });

  test('every company placed: no note', () => {
    const { maybeFindByTestId } = render(
      createPortfolio({
        positions: {
          all: { managed: 1, partner: 0, independent: 0, desired: 0, unset: 0 },
          key: { managed: 0, partner: 0, independent: 0, desired: 0, unset: 0 },
        },
      }),
    );
    expect(maybeFindByTestId(Text, 'kam-position-unset')).toBeNull();
  });

  test('a function deployed before positioning sends no counts: the panel is left out', () => {
    const { maybeFindByTestId } = render(createPortfolio({ positions: undefined }));
    expect(maybeFindByTestId(Table, 'kam-position-matrix')).toBeNull();
  });
});
