import { Table, TableCell, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { textContent } from '@keystone/shared/test-utils';
import { createPortfolio } from '../test-utils/fixtures';
import { BuyingCentreGaps } from './BuyingCentreGaps';

function render(data: ReturnType<typeof createPortfolio>) {
  const renderer = createRenderer('pages');
  renderer.render(<BuyingCentreGaps data={data} portalId={4_410_000} />);
  return renderer;
}

const NO_GAPS = {
  no_contacts: 0,
  no_decision_maker: 0,
  decision_maker_not_contacted: 0,
  no_sponsor: 0,
  sponsor_setting_star: 0,
  anti_sponsor_high_influence: 0,
  anti_sponsor_without_sponsor: 0,
  single_threaded: 0,
};

// issue #21 on the portfolio page: buying-centre gaps among the key accounts
describe('BuyingCentreGaps', () => {
  test('counts key accounts per gap with the workflow labels and lists those with the most gaps', () => {
    const { findByTestId, maybeFindByTestId } = render(
      createPortfolio({
        buyingCentre: {
          keyAccounts: 10,
          counts: { ...NO_GAPS, no_contacts: 2, no_sponsor: 5, single_threaded: 1 },
          withGaps: 6,
          total: 6,
          accounts: [
            { id: '3', name: 'Acme', gaps: ['no_sponsor', 'single_threaded'], score: 80 },
            { id: '4', name: 'Bolt', gaps: ['no_contacts'], score: 75 },
          ],
        },
      }),
    );
    expect(textContent(findByTestId(Text, 'kam-gaps-summary'))).toBe(
      '6 of 10 key accounts show a gap in their organisation map.',
    );
    expect(textContent(findByTestId(TableCell, 'kam-gap-no_sponsor'))).toBe('5');
    expect(textContent(findByTestId(TableCell, 'kam-gap-no_contacts'))).toBe('2');
    // gaps no key account shows are left out of the counts
    expect(maybeFindByTestId(TableCell, 'kam-gap-no_decision_maker')).toBeNull();
    expect(textContent(findByTestId(Table, 'kam-gap-counts'))).toContain('No sponsor (champion)');
    const list = textContent(findByTestId(Table, 'kam-gap-table'));
    expect(list).toContain('Acme');
    expect(list).toContain('Single-threaded: one person mapped');
    expect(list).toContain('No contacts at the company');
    expect(textContent(findByTestId(Text, 'kam-gap-more'))).toBe('Showing the 2 with the most gaps of 6.');
  });

  test('no key account with a gap: the summary says so, no tables', () => {
    const { findByTestId, maybeFindByTestId } = render(
      createPortfolio({
        buyingCentre: { keyAccounts: 3, counts: NO_GAPS, withGaps: 0, total: 0, accounts: [] },
      }),
    );
    expect(textContent(findByTestId(Text, 'kam-gaps-summary'))).toMatch(/^0 of 3 key accounts/);
    expect(maybeFindByTestId(Table, 'kam-gap-counts')).toBeNull();
    expect(maybeFindByTestId(Table, 'kam-gap-table')).toBeNull();
  });

  test('a function deployed before the gaps sends nothing: the panel is left out', () => {
    const { maybeFindByTestId } = render(createPortfolio({ buyingCentre: undefined }));
    expect(maybeFindByTestId(Text, 'kam-gaps-summary')).toBeNull();
  });
});
