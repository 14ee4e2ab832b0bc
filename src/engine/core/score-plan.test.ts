import { company, contact, daysAgo, deal, meeting, NOW } from '../../../tests/arbitraries/company-builders';
import { accountPlanSchema, type AccountPlanInput, type CurrentPlan } from './account-plan';
import { DEFAULT_SCORING_MODEL, scoreCompany, scorePortfolio, type CompanyRecord } from './index';
import type { ScoringModel } from '../settings/model-schema';

// NOW is 2026-06-01
const strongCompany = (
  id: string,
  extra: Record<string, string | null> = {},
  amount = 60_000,
): CompanyRecord =>
  company({
    id,
    properties: {
      name: id,
      kam_market_reputation: 'industry_leader',
      kam_growth_potential: 'high',
      kam_strategic_fit: 'high',
      kam_perception_level: 'business_partner',
      kam_payment_discipline: 'on_time',
      kam_recommends_us: 'true',
      notes_last_contacted: daysAgo(3),
      kam_tier: 'key',
      ...extra,
    },
    deals: [
      ...[20, 110, 200, 290].map((days) => deal({ amount, closedDaysAgo: days })),
      ...[380, 470, 560, 650].map((days) => deal({ amount: 45_000, closedDaysAgo: days })),
    ],
    meetings: [meeting({ startedDaysAgo: 3 }), meeting({ startedDaysAgo: 30 })],
    contacts: [contact(['DECISION_MAKER', 'BUDGET_HOLDER']), contact(['CHAMPION']), contact(['INFLUENCER'])],
  });

const weakCompany = (id: string, extra: Record<string, string | null> = {}): CompanyRecord =>
  company({ id, properties: { name: id, ...extra }, deals: [deal({ amount: 500, closedDaysAgo: 200 })] });

const planOf = (over: Partial<AccountPlanInput> = {}): CurrentPlan => ({
  ok: true,
  stored: {
    versionId: '501',
    companyId: 'x',
    version: 'v1',
    savedAt: '2026-05-01T00:00:00.000Z',
    savedBy: { userId: '1', email: 'kam@example.com' },
    note: '',
    isCurrent: true,
    plan: accountPlanSchema.parse({
      ownerUserId: '1',
      goals: [
        {
          id: 'revenue',
          title: 'Half a million',
          setOn: '2026-01-01',
          deadline: '2026-12-31',
          target: { metric: 'won_revenue_12m', atLeast: 500_000 },
        },
        {
          id: 'tier',
          title: 'Stay key',
          setOn: '2026-01-01',
          deadline: '2026-12-31',
          target: { metric: 'tier', atLeast: 'key' },
        },
      ],
      strategy: {},
      opportunities: [],
      lastReviewedOn: '2026-05-01',
      nextReviewOn: '2026-09-01',
      ...over,
    }),
  },
});

const ids = (result: { recommendations: readonly { id: string; priority: number }[] }) =>
  result.recommendations.map((r) => `${r.id}:${r.priority}`);

const score = (companies: CompanyRecord[], model: ScoringModel = DEFAULT_SCORING_MODEL) =>
  scorePortfolio({ companies, model, now: NOW });

describe('plans in scoring', () => {
  test('a key account without a plan: status none, and a plan at priority 1 first among the plan work', () => {
    const [result] = score([strongCompany('a')]).results;
    expect(result!.tier).toBe('key');
    expect(result!.plan.status).toBe('none');
    expect(ids(result!)).toContain('account_development_plan:1');
    expect(result!.recommendations.find((r) => r.id === 'account_development_plan')!.reason.en).toMatch(
      /no account development plan/,
    );
  });

  test('a key account with a current plan: measured goals, no plan asked for', () => {
    const [result] = score([{ ...strongCompany('a'), plan: planOf() }]).results;
    expect(result!.plan).toMatchObject({
      status: 'current',
      versionId: '501',
      nextReviewOn: '2026-09-01',
      measurableGoals: 2,
      progress: 1,
    });
    // 240k of 500k (0.48) with 151 of 364 days gone (0.415): on track; the tier goal is met
    expect(result!.plan.goals.map((g) => [g.goalId, g.status, g.actual])).toEqual([
      ['revenue', 'on_track', 240_000],
      ['tier', 'achieved', 'key'],
    ]);
    expect(result!.plan.progress).toBe(1);
    expect(ids(result!).some((id) => id.startsWith('account_development_plan'))).toBe(false);
    expect(ids(result!).some((id) => id.startsWith('review_account_plan'))).toBe(false);
  });

  test.each([
    ['2026-05-20', 'overdue', 'review_account_plan:1'],
    ['2026-06-10', 'review_due', 'review_account_plan:2'],
  ])('review on %s: %s, %s', (nextReviewOn, status, expected) => {
    const [result] = score([
      { ...strongCompany('a'), plan: planOf({ lastReviewedOn: '2026-01-01', nextReviewOn }) },
    ]).results;
    expect(result!.plan.status).toBe(status);
    expect(ids(result!)).toContain(expected);
    expect(result!.recommendations.find((r) => r.id === 'review_account_plan')!.reason.en).toContain(
      nextReviewOn,
    );
  });

  test('an unreadable stored plan: review due, one data issue, nothing read from it', () => {
    const invalid: CurrentPlan = {
      ok: false,
      content: { goals: [{ deadline: 'soon' }] },
      version: {
        versionId: '777',
        companyId: 'a',
        version: 'v2',
        savedAt: '2026-05-01T00:00:00.000Z',
        savedBy: { userId: '1', email: '' },
        note: '',
        isCurrent: true,
        isValid: false,
        issues: [{ path: 'goals.0.target.atLeast', message: 'too big' }],
      },
    };
    const [result] = score([{ ...strongCompany('a'), plan: invalid }]).results;
    expect(result!.plan).toMatchObject({
      status: 'review_due',
      invalid: ['goals.0.target.atLeast'],
      goals: [],
    });
    expect(result!.dataIssues).toContainEqual(
      expect.objectContaining({ field: 'kam_account_plan', recordId: 'a', kind: 'unknown_value' }),
    );
    expect(ids(result!)).toContain('review_account_plan:2');
  });

  test('a company stepped down by the places is no key account: its plan work and tier goal follow the final tier', () => {
    const model: ScoringModel = {
      ...DEFAULT_SCORING_MODEL,
      tiers: {
        ...DEFAULT_SCORING_MODEL.tiers,
        capacity: { key: { maxCount: 1, maxShare: 1 }, important: { maxCount: 10, maxShare: 1 } },
      },
    };
    const best = strongCompany('best', {}, 90_000);
    const second = { ...strongCompany('second'), plan: planOf() };
    const third = strongCompany('third', {}, 55_000);
    const portfolio = score([best, second, third], model);
    const [bestScore, secondScore, thirdScore] = portfolio.results;
    expect([bestScore!.tier, secondScore!.tier, thirdScore!.tier]).toEqual(['key', 'important', 'important']);
    expect(secondScore!.thresholdTier).toBe('key');
    expect(ids(bestScore!)).toContain('account_development_plan:1');
    expect(ids(thirdScore!).some((id) => id === 'account_development_plan:1')).toBe(false);
    expect(secondScore!.plan.goals.find((g) => g.goalId === 'tier')).toMatchObject({
      status: 'behind',
      actual: 'important',
    });
    // one company scored alone on the run's inputs gives its portfolio result, plan included
    const lines = { key: portfolio.tierCapacity.key.line, important: portfolio.tierCapacity.important.line };
    for (const [record, result] of [
      [second, secondScore],
      [third, thirdScore],
    ] as const) {
      const alone = scoreCompany(record, {
        model,
        now: NOW,
        paretoClass: result!.paretoClass,
        revenueReference: portfolio.revenueReference,
        revenueQuantiles: portfolio.revenueQuantiles,
        tierLines: lines,
      });
      expect(alone).toEqual(result);
    }
  });

  test('a pinned key account is a key account for the plan rule', () => {
    const [result] = score([
      weakCompany('w', { kam_tier_pinned: 'key', kam_pin_reason: 'strategic' }),
    ]).results;
    expect(result!.pinnedTier).toBe('key');
    expect(result!.tier).not.toBe('key');
    expect(ids(result!)).toContain('account_development_plan:1');
  });

  test('no plan and not key: recommendations as before plans existed', () => {
    const [result] = score([weakCompany('w')]).results;
    expect(result!.plan.status).toBe('none');
    expect(ids(result!).some((id) => id === 'account_development_plan:1' || id.startsWith('review_'))).toBe(
      false,
    );
  });
});
