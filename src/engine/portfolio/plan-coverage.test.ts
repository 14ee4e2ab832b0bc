import { parsePortfolioRows } from './portfolio-row';
import { planCoverage } from './plan-coverage';
import { createRow } from './test-utils/rows';

test('counts key accounts by plan status and keeps an empty status apart as not computed', () => {
  const parsed = parsePortfolioRows([
    createRow({ id: '1', kam_tier: 'key', kam_plan_status: 'current' }),
    createRow({ id: '2', kam_tier: 'key', kam_plan_status: 'review_due' }),
    createRow({ id: '3', kam_tier: 'key', kam_plan_status: 'overdue' }),
    createRow({ id: '4', kam_tier: 'key', kam_plan_status: 'none' }),
    createRow({ id: '5', kam_tier: 'key', kam_plan_status: null }),
    createRow({ id: '6', kam_tier: 'key', kam_plan_status: '' }),
    createRow({ id: '7', kam_tier: 'important', kam_plan_status: 'none' }),
    createRow({ id: '8', kam_tier: 'regular', kam_plan_status: 'current' }),
  ]);
  const coverage = planCoverage(parsed.companies);
  expect(coverage.keyAccounts).toBe(6);
  expect(coverage.counts).toEqual({ none: 1, current: 1, review_due: 1, overdue: 1, not_computed: 2 });
  expect(coverage.accounts.map((account) => [account.id, account.planStatus])).toEqual([
    ['4', 'none'],
    ['3', 'overdue'],
    ['2', 'review_due'],
  ]);
});

test('lists the key accounts without a current plan by urgency, then by score, then by id', () => {
  const parsed = parsePortfolioRows([
    createRow({ id: '10', kam_tier: 'key', kam_plan_status: 'review_due', kam_score: '95' }),
    createRow({ id: '11', kam_tier: 'key', kam_plan_status: 'overdue', kam_score: '60' }),
    createRow({ id: '12', kam_tier: 'key', kam_plan_status: 'overdue', kam_score: '80' }),
    createRow({ id: '13', kam_tier: 'key', kam_plan_status: 'none', kam_score: '70' }),
    createRow({ id: '9', kam_tier: 'key', kam_plan_status: 'none', kam_score: '70' }),
  ]);
  expect(planCoverage(parsed.companies).accounts.map((account) => account.id)).toEqual([
    '9',
    '13',
    '12',
    '11',
    '10',
  ]);
});

test('an unknown stored status counts as not computed and is reported as an unreadable value', () => {
  const parsed = parsePortfolioRows([createRow({ id: '5', kam_tier: 'key', kam_plan_status: 'lapsed' })]);
  expect(parsed.fieldIssues).toEqual([{ id: '5', property: 'kam_plan_status', value: 'lapsed' }]);
  const coverage = planCoverage(parsed.companies);
  expect(coverage.counts.not_computed).toBe(1);
  expect(coverage.accounts).toEqual([]);
});

test('a portfolio without key accounts covers nothing', () => {
  const parsed = parsePortfolioRows([createRow({ kam_tier: 'regular', kam_plan_status: 'none' })]);
  expect(planCoverage(parsed.companies)).toEqual({
    keyAccounts: 0,
    counts: { none: 0, current: 0, review_due: 0, overdue: 0, not_computed: 0 },
    accounts: [],
  });
});
