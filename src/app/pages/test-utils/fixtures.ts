/**
 * Fixtures for the portfolio page tests. `PORTFOLIO` is a small, complete answer for tests that do
 * not care about the details; `createPortfolio(overrides)` changes one section; `largePortfolio(n)`
 * is the shape the function sends for a big portal (counts whole, lists cut to the page limit).
 */
import type { CompanyRef, PortfolioPageView } from '@keystone/shared';

const ref = (id: number, tier: CompanyRef['tier'] = 'key'): CompanyRef => ({
  id: String(id),
  name: `Company ${id}`,
  score: 90 - (id % 50),
  tier,
  wonRevenueLast12Months: 100_000 - id,
});

export function createPortfolio(overrides: Partial<PortfolioPageView> = {}): PortfolioPageView {
  return {
    v: 1,
    analysedAt: '2026-03-15T08:00:00.000Z',
    listLimit: 25,
    readStatus: { complete: true, read: 6, total: 6 },
    totals: {
      companies: 6,
      byTier: { key: 2, important: 2, regular: 2, none: 0 },
      unscored: 0,
      rejectedRows: 0,
      unreadableValues: 0,
    },
    kaism: {
      counts: { key_account: 2, key_development: 1, maintenance: 1, opportunistic: 2 },
      lists: {
        key_account: [ref(1), ref(2)],
        key_development: [ref(3, 'important')],
        maintenance: [ref(4, 'important')],
        opportunistic: [ref(5, 'regular'), ref(6, 'regular')],
      },
      unplaced: 0,
    },
    strategy: {
      cells: [
        {
          attractiveness: 'strong',
          strength: 'weak',
          strategy: 'retain_selectively',
          count: 0,
          wonRevenueLast12Months: 0,
        },
        {
          attractiveness: 'strong',
          strength: 'medium',
          strategy: 'develop_cooperation',
          count: 1,
          wonRevenueLast12Months: 50000,
        },
        {
          attractiveness: 'strong',
          strength: 'strong',
          strategy: 'protect_ties',
          count: 2,
          wonRevenueLast12Months: 100000,
        },
        {
          attractiveness: 'medium',
          strength: 'weak',
          strategy: 'retain_minimal_effort',
          count: 0,
          wonRevenueLast12Months: 0,
        },
        {
          attractiveness: 'medium',
          strength: 'medium',
          strategy: 'protect_ties',
          count: 1,
          wonRevenueLast12Months: 50000,
        },
        {
          attractiveness: 'medium',
          strength: 'strong',
          strategy: 'develop_cooperation',
          count: 0,
          wonRevenueLast12Months: 0,
        },
        {
          attractiveness: 'weak',
          strength: 'weak',
          strategy: 'withdraw',
          count: 1,
          wonRevenueLast12Months: 50000,
        },
        {
          attractiveness: 'weak',
          strength: 'medium',
          strategy: 'retain_minimal_effort',
          count: 1,
          wonRevenueLast12Months: 50000,
        },
        {
          attractiveness: 'weak',
          strength: 'strong',
          strategy: 'protect_ties_selectively',
          count: 0,
          wonRevenueLast12Months: 0,
        },
      ],
      unplaced: 0,
    },
    movers: {
      since: '2025-12-15T00:00:00.000Z',
      up: 1,
      down: 1,
      transitions: { 'important→key': 1, 'key→important': 1 },
      total: 2,
      moves: [
        {
          id: '2',
          name: 'Company 2',
          from: 'important',
          to: 'key',
          direction: 'up',
          changedAt: '2026-02-01T00:00:00.000Z',
          score: 88,
          wonRevenueLast12Months: 99_998,
        },
        {
          id: '4',
          name: 'Company 4',
          from: 'key',
          to: 'important',
          direction: 'down',
          changedAt: '2026-01-10T00:00:00.000Z',
          score: 61,
          wonRevenueLast12Months: 40_000,
        },
      ],
    },
    atRisk: {
      minimumLevel: 'at_risk',
      countsByLevel: { none: 4, watch: 1, at_risk: 0, critical: 1 },
      total: 1,
      accounts: [
        {
          id: '1',
          name: 'Company 1',
          riskLevel: 'critical',
          lossStage: 3,
          signals: ['Won revenue fell 60% against the previous 12 months.', 'Meetings cancelled'],
          quadrant: 'key_account',
          score: 89,
          wonRevenueLast12Months: 99_999,
          growth: -0.6,
        },
      ],
    },
    pareto: {
      totalRevenue: 500_000,
      companies: 6,
      withoutRevenue: 0,
      classCounts: { A: 2, B: 2, C: 2, unclassified: 0 },
      classRevenue: { A: 400_000, B: 75_000, C: 25_000, unclassified: 0 },
      classARevenueShare: 0.8,
      classACompanyShare: 1 / 3,
      top20PercentRevenueShare: 0.7,
    },
    plans: {
      keyAccounts: 2,
      counts: { none: 1, current: 1, review_due: 0, overdue: 0, not_computed: 0 },
      total: 1,
      accounts: [
        { id: '2', name: 'Company 2', planStatus: 'none', score: 88, wonRevenueLast12Months: 99_998 },
      ],
    },
    buyingCentre: {
      keyAccounts: 2,
      counts: {
        no_contacts: 0,
        no_decision_maker: 0,
        decision_maker_not_contacted: 1,
        no_sponsor: 1,
        sponsor_setting_star: 0,
        anti_sponsor_high_influence: 0,
        anti_sponsor_without_sponsor: 0,
        single_threaded: 0,
      },
      withGaps: 1,
      total: 1,
      accounts: [
        { id: '1', name: 'Company 1', gaps: ['decision_maker_not_contacted', 'no_sponsor'], score: 89 },
      ],
    },
    ...overrides,
  };
}

export const PORTFOLIO = createPortfolio();

export const EMPTY_PORTFOLIO = createPortfolio({
  readStatus: { complete: true, read: 0, total: 0 },
  totals: {
    companies: 0,
    byTier: { key: 0, important: 0, regular: 0, none: 0 },
    unscored: 0,
    rejectedRows: 0,
    unreadableValues: 0,
  },
  kaism: {
    counts: { key_account: 0, key_development: 0, maintenance: 0, opportunistic: 0 },
    lists: { key_account: [], key_development: [], maintenance: [], opportunistic: [] },
    unplaced: 0,
  },
  movers: { since: '2025-12-15T00:00:00.000Z', up: 0, down: 0, transitions: {}, total: 0, moves: [] },
  atRisk: {
    minimumLevel: 'at_risk',
    countsByLevel: { none: 0, watch: 0, at_risk: 0, critical: 0 },
    total: 0,
    accounts: [],
  },
});

/** What the function sends for `companies` scored companies with lists cut to `listLimit`. */
export function largePortfolio(companies: number, listLimit = 25, read = companies): PortfolioPageView {
  const quarter = Math.floor(companies / 4);
  const list = (start: number, tier: CompanyRef['tier']) =>
    Array.from({ length: Math.min(listLimit, quarter) }, (_, index) => ref(start + index, tier));
  return createPortfolio({
    listLimit,
    readStatus: { complete: read === companies, read, total: companies },
    totals: {
      companies: read,
      byTier: { key: quarter, important: quarter, regular: read - 2 * quarter, none: 0 },
      unscored: 0,
      rejectedRows: 0,
      unreadableValues: 3,
    },
    kaism: {
      counts: {
        key_account: quarter,
        key_development: quarter,
        maintenance: quarter,
        opportunistic: read - 3 * quarter,
      },
      lists: {
        key_account: list(1, 'key'),
        key_development: list(100_000, 'important'),
        maintenance: list(200_000, 'important'),
        opportunistic: list(300_000, 'regular'),
      },
      unplaced: 0,
    },
    atRisk: {
      minimumLevel: 'at_risk',
      countsByLevel: { none: read - 480, watch: 0, at_risk: 480, critical: 0 },
      total: 480,
      accounts: Array.from({ length: listLimit }, (_, index) => ({
        id: String(index + 1),
        name: `Company ${index + 1}`,
        riskLevel: 'at_risk' as const,
        lossStage: 2,
        signals: ['Ticket burst'],
        quadrant: 'key_account' as const,
        score: 80,
        wonRevenueLast12Months: 50_000,
        growth: -0.4,
      })),
    },
  });
}

/** A function runner spy answering with `answer` (or rejecting with it when it is an Error). */
export function runnerAnswering(...answers: unknown[]) {
  const calls: { name: string; parameters: unknown }[] = [];
  const runner = async (name: string, options: { parameters?: unknown }) => {
    calls.push({ name, parameters: options.parameters });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(runner, { calls });
}
