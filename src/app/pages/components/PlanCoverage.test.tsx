import { Link, StatusTag, Table, TableCell, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { textContent } from '@keystone/shared/test-utils';
import { createPortfolio } from '../test-utils/fixtures';
import { PlanCoverage } from './PlanCoverage';

const PORTAL = 4_410_000;

function render(data: ReturnType<typeof createPortfolio>) {
  const renderer = createRenderer('pages');
  renderer.render(<PlanCoverage data={data} portalId={PORTAL} />);
  return renderer;
}

const plans = (overrides: Partial<NonNullable<ReturnType<typeof createPortfolio>['plans']>> = {}) =>
  createPortfolio({
    plans: {
      keyAccounts: 12,
      counts: { none: 3, current: 4, review_due: 1, overdue: 2, not_computed: 2 },
      total: 6,
      accounts: [
        { id: '7', name: 'Nord Steel', planStatus: 'none', score: 81.5, wonRevenueLast12Months: 1 },
        { id: '8', name: null, planStatus: 'overdue', score: 77, wonRevenueLast12Months: 1 },
      ],
      ...overrides,
    },
  });

// issue #21 on the portfolio page: plan coverage of the key accounts
describe('PlanCoverage', () => {
  test('shows the four counts, the key accounts not yet computed, and the accounts without a current plan', () => {
    const { findByTestId, findAll } = render(plans());
    expect(textContent(findByTestId(TableCell, 'kam-plan-none'))).toBe('No plan: 3');
    expect(textContent(findByTestId(TableCell, 'kam-plan-overdue'))).toBe('Review overdue: 2');
    expect(textContent(findByTestId(TableCell, 'kam-plan-review_due'))).toBe('Review due: 1');
    expect(textContent(findByTestId(TableCell, 'kam-plan-current'))).toBe('Plan current: 4');
    expect(textContent(findByTestId(Text, 'kam-plan-not-computed'))).toMatch(
      /^2 of 12 key accounts have no plan status yet/,
    );
    const table = findByTestId(Table, 'kam-plan-table');
    expect(findAll(StatusTag).map((tag) => [textContent(tag), tag.props.variant])).toEqual([
      ['No plan', 'danger'],
      ['Review overdue', 'warning'],
    ]);
    expect(textContent(table)).toContain('Company 8');
    expect(findAll(Link)[0]?.props.href).toEqual({
      url: `/contacts/${PORTAL}/record/0-2/7`,
      external: false,
    });
    expect(textContent(findByTestId(Text, 'kam-plan-more'))).toBe(
      'Showing the 2 most urgent of 6 key accounts without a current plan.',
    );
  });

  test('every key account current and computed: no list, no note', () => {
    const { findByTestId, maybeFindByTestId } = render(
      plans({
        keyAccounts: 4,
        counts: { none: 0, current: 4, review_due: 0, overdue: 0, not_computed: 0 },
        total: 0,
        accounts: [],
      }),
    );
    expect(maybeFindByTestId(Table, 'kam-plan-table')).toBeNull();
    expect(maybeFindByTestId(Text, 'kam-plan-not-computed')).toBeNull();
    expect(findByTestId(Text, 'kam-plans-all-current')).toBeDefined();
  });

  test('no key accounts: says so instead of a row of zeros', () => {
    const { findByTestId, maybeFindByTestId } = render(
      plans({
        keyAccounts: 0,
        counts: { none: 0, current: 0, review_due: 0, overdue: 0, not_computed: 0 },
        total: 0,
        accounts: [],
      }),
    );
    expect(findByTestId(Text, 'kam-plans-no-keys')).toBeDefined();
    expect(maybeFindByTestId(Table, 'kam-plan-counts')).toBeNull();
  });

  test('a function deployed before plan coverage sends nothing: the panel is left out', () => {
    const { maybeFindByTestId } = render(createPortfolio({ plans: undefined }));
    expect(maybeFindByTestId(Table, 'kam-plan-counts')).toBeNull();
    expect(maybeFindByTestId(Text, 'kam-plans-no-keys')).toBeNull();
  });
});
