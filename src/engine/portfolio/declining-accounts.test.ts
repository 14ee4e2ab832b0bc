import { DEFAULT_DECLINING_OPTIONS, decliningKeyAccounts } from './declining-accounts';
import { parsePortfolioRows } from './portfolio-row';
import { createRow, keyAccountRow } from './test-utils/rows';

const now = new Date('2026-03-15T00:00:00Z');
const analyse = (rows: Parameters<typeof parsePortfolioRows>[0], options = DEFAULT_DECLINING_OPTIONS) =>
  decliningKeyAccounts(parsePortfolioRows(rows).companies, now, options);

describe('§9 step 1: yearly volume dynamics of the key group', () => {
  test('sums the last four complete years of current, former and volume-key accounts', () => {
    const result = analyse([
      keyAccountRow('1', { 2022: 100, 2023: 100, 2024: 100, 2025: 100, 2026: 10 }),
      keyAccountRow(
        '2',
        { 2022: 300, 2023: 200, 2024: 100 },
        { kam_tier: 'important', kam_tier_previous: 'key' },
      ),
      keyAccountRow('3', { 2021: 50, 2025: 40 }),
      // never key by tier, but the largest buyer of 2022 and 2023
      keyAccountRow(
        '4',
        { 2022: 2_000, 2023: 1_500 },
        { kam_tier: 'regular', kam_won_revenue_12m: '0', kam_growth: null },
      ),
      // one large order makes a one-off buyer, not a key account
      keyAccountRow(
        '6',
        { 2024: 5_000 },
        { kam_tier: 'regular', kam_won_revenue_12m: '0', kam_growth: null },
      ),
      // a small regular buyer stays out
      keyAccountRow('5', { 2022: 1, 2023: 1, 2024: 1, 2025: 1 }, { kam_tier: 'regular' }),
    ]);
    expect(result.keyGroupSize).toBe(4);
    expect(result.keyGroupByReason).toEqual({ tier: 2, previous_tier: 1, volume: 1 });
    expect(result.years).toEqual([
      { year: 2022, revenue: 2_400, buyingAccounts: 3, changeFromPreviousYear: null },
      { year: 2023, revenue: 1_800, buyingAccounts: 3, changeFromPreviousYear: -0.25 },
      { year: 2024, revenue: 200, buyingAccounts: 2, changeFromPreviousYear: 200 / 1_800 - 1 },
      { year: 2025, revenue: 140, buyingAccounts: 2, changeFromPreviousYear: -0.3 },
    ]);
    expect(result.yearToDate).toEqual({ year: 2026, revenue: 10, buyingAccounts: 1 });
    expect(result.changeOverWindow).toBeCloseTo(140 / 2_400 - 1);
    expect(result.accounts.find((account) => account.id === '4')).toMatchObject({
      keyGroupReason: 'volume',
      status: 'stopped',
      baselineRevenue: 1_500,
    });
    expect(result.accounts.map((account) => account.id)).not.toContain('6');
  });

  test('honours a three-year window', () => {
    const result = analyse([keyAccountRow('1', { 2022: 1, 2023: 2, 2024: 3, 2025: 4 })], {
      ...DEFAULT_DECLINING_OPTIONS,
      yearCount: 3,
    });
    expect(result.years.map((year) => year.year)).toEqual([2023, 2024, 2025]);
  });

  test('leaves out years before any stored history instead of showing them as zero', () => {
    const result = analyse([keyAccountRow('1', { 2024: 3, 2025: 4, 2026: 1 })]);
    expect(result.years.map((year) => year.year)).toEqual([2024, 2025]);
    expect(analyse([]).years).toEqual([]);
  });
});

describe('§9 steps 2–3: key accounts that stopped or cut volume sharply', () => {
  const rows = [
    // trailing 12 months fell 50%: declined, measured on the trailing window
    keyAccountRow(
      'cut',
      { 2024: 1000, 2025: 800 },
      {
        kam_won_revenue_12m: '500',
        kam_growth: '-0.5',
        kam_risk_reasons: 'Volume down 50%\nMeetings cancelled',
        kam_loss_reason: 'switched_supplier',
      },
    ),
    // nothing in the last 12 months after buying: stopped
    keyAccountRow(
      'gone',
      { 2023: 400, 2024: 300 },
      { kam_tier: 'important', kam_tier_previous: 'key', kam_won_revenue_12m: '0', kam_growth: '-1' },
    ),
    // −20% is not sharp at the default 30%
    keyAccountRow('dip', { 2024: 100, 2025: 80 }, { kam_won_revenue_12m: '80', kam_growth: '-0.2' }),
    // no trailing figures: the last two complete years decide
    keyAccountRow('yearly', { 2024: 1000, 2025: 600 }, { kam_won_revenue_12m: null, kam_growth: null }),
    // growing
    keyAccountRow('up', { 2024: 100, 2025: 200 }, { kam_won_revenue_12m: '200', kam_growth: '1' }),
  ];

  test('lists stopped and sharply declined accounts, largest volume lost first', () => {
    const result = analyse(rows);
    expect(result.accounts.map((account) => [account.id, account.status, account.measuredBy])).toEqual([
      ['cut', 'declined', 'trailing_12_months'],
      ['yearly', 'declined', 'calendar_years'],
      ['gone', 'stopped', 'trailing_12_months'],
    ]);
    expect(result).toMatchObject({ stoppedCount: 1, declinedCount: 2 });
    expect(result.accounts[0]).toMatchObject({
      change: -0.5,
      baselineRevenue: 1000,
      recentRevenue: 500,
      volumeLost: 500,
      dataReasons: ['Volume down 50%', 'Meetings cancelled'],
      lossReason: 'switched_supplier',
    });
    expect(result.accounts[2]).toMatchObject({
      tier: 'important',
      tierPrevious: 'key',
      change: -1,
      baselineRevenue: 300,
      volumeLost: 300,
      lossReason: null,
    });
  });

  test('makes the threshold configurable', () => {
    const loose = analyse(rows, { ...DEFAULT_DECLINING_OPTIONS, declineThreshold: 0.15 });
    expect(loose.accounts.map((account) => account.id)).toContain('dip');
    const strict = analyse(rows, { ...DEFAULT_DECLINING_OPTIONS, declineThreshold: 0.45 });
    expect(strict.accounts.map((account) => account.id)).toEqual(['cut', 'gone']);
  });

  test('still lists an account that stopped when no yearly history shows its size', () => {
    const result = analyse([
      createRow({ id: 'bare', kam_tier: 'key', kam_won_revenue_12m: '0', kam_growth: '-1' }),
    ]);
    expect(result.accounts[0]).toMatchObject({
      id: 'bare',
      status: 'stopped',
      baselineRevenue: null,
      volumeLost: null,
    });
    expect(result.accounts[0]?.economics).toEqual({
      retainCost: null,
      winNewCost: null,
      netValueIfRetained: null,
      cheaper: null,
    });
  });
});

describe('§9 step 6: cost to retain against the cost to win the volume anew', () => {
  test('compares a year of cost to serve with winning the baseline volume at the assumed acquisition cost', () => {
    const rows = [
      keyAccountRow(
        'cheap-to-keep',
        {},
        { kam_won_revenue_12m: '500', kam_growth: '-0.5', kam_annual_cost_to_serve: '100' },
      ),
      keyAccountRow(
        'costly',
        {},
        { kam_won_revenue_12m: '100', kam_growth: '-0.5', kam_annual_cost_to_serve: '150' },
      ),
      keyAccountRow('no-input', {}, { kam_won_revenue_12m: '100', kam_growth: '-0.6' }),
    ];
    const result = analyse(rows, { ...DEFAULT_DECLINING_OPTIONS, acquisitionCostPerRevenue: 0.3 });
    const byId = Object.fromEntries(result.accounts.map((account) => [account.id, account.economics]));
    expect(byId['cheap-to-keep']).toEqual({
      retainCost: 100,
      winNewCost: 300,
      netValueIfRetained: 900,
      cheaper: 'retain',
    });
    expect(byId['costly']).toEqual({
      retainCost: 150,
      winNewCost: 60,
      netValueIfRetained: 50,
      cheaper: 'win_new',
    });
    expect(byId['no-input']).toMatchObject({ retainCost: null, cheaper: null, winNewCost: 75 });
    expect(result.economicsTotals).toEqual({
      accountsWithCostInput: 2,
      accountsWithoutCostInput: 1,
      retainCost: 250,
      winNewCost: 360,
    });
  });
});

test('a 100k-company portfolio (~400k yearly volumes) does not overflow the call stack', () => {
  // Math.min(...years) threw "Maximum call stack size exceeded" here in `kam report` at 100k
  const companies = parsePortfolioRows([
    keyAccountRow('1', { 2022: 100, 2023: 90, 2024: 80, 2025: 70 }),
  ]).companies;
  const many = Array.from({ length: 100_000 }, (_, index) => ({ ...companies[0]!, id: String(index + 1) }));
  const result = decliningKeyAccounts(many, now);
  expect(result.years.map((entry) => entry.year)).toEqual([2022, 2023, 2024, 2025]);
});
