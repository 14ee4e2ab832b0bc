import fc from 'fast-check';
import {
  accountPlanSchema,
  planAssessmentSchema,
  type AccountPlan,
  type AccountPlanInput,
  type CurrentPlan,
  type PlanGoalTarget,
} from './account-plan';
import { EFFORT_LEVELS, KAISM_QUADRANTS, PLAN_GOAL_STATUSES, PLAN_STATUSES, TIERS } from './enums';
import { assessGoal, assessPlan, planDayOf, rankOpportunities, type PlanFacts } from './plan-assessment';

const FACTS: PlanFacts = {
  wonRevenueLast12Months: 200_000,
  wonDealsLast12Months: 6,
  keyRolesCovered: 2,
  keyRoleCount: 4,
  tier: 'important',
  kaismQuadrant: 'key_development',
};

const planOf = (over: Partial<AccountPlanInput> = {}): AccountPlan =>
  accountPlanSchema.parse({
    ownerUserId: '12',
    goals: [],
    strategy: {},
    opportunities: [],
    lastReviewedOn: '2026-12-01',
    nextReviewOn: '2027-03-01',
    ...over,
  });

const stored = (plan: AccountPlan): CurrentPlan => ({
  ok: true,
  stored: {
    versionId: '901',
    companyId: '7',
    version: 'v3',
    savedAt: '2026-12-01T10:00:00.000Z',
    savedBy: { userId: '12', email: 'kam@example.com' },
    note: '',
    isCurrent: true,
    plan,
  },
});

const goal = (target: PlanGoalTarget | null, setOn = '2027-01-01', deadline = '2027-12-31') => ({
  id: 'g',
  title: 'Goal',
  clientGoal: '',
  setOn,
  deadline,
  target,
});

describe('assessPlan: review status', () => {
  test('no plan: none, nothing measured', () => {
    const assessment = assessPlan(null, FACTS, '2027-01-10');
    expect(assessment).toEqual({
      status: 'none',
      versionId: null,
      version: null,
      nextReviewOn: null,
      progress: null,
      measurableGoals: 0,
      goals: [],
      opportunityRanking: [],
    });
    expect(planAssessmentSchema.safeParse(assessment).success).toBe(true);
  });

  test.each([
    ['2027-01-10', 'current'],
    ['2027-02-14', 'current'], // 15 days before
    ['2027-02-15', 'review_due'], // 14 days before
    ['2027-03-01', 'review_due'], // the day itself
    ['2027-03-02', 'overdue'],
    ['2028-01-01', 'overdue'],
  ] as const)('review on 2027-03-01, today %s → %s', (today, status) => {
    const assessment = assessPlan(stored(planOf()), FACTS, today);
    expect(assessment.status).toBe(status);
    expect(assessment.nextReviewOn).toBe('2027-03-01');
    expect(assessment.versionId).toBe('901');
    expect(assessment.version).toBe('v3');
  });

  test('a stored plan failing the schema: review due, its paths named, nothing read from it', () => {
    const invalid: CurrentPlan = {
      ok: false,
      content: { goals: [{ deadline: 'soon' }] },
      version: {
        versionId: '902',
        companyId: '7',
        version: 'v4',
        savedAt: '2026-12-01T10:00:00.000Z',
        savedBy: { userId: '12', email: '' },
        note: '',
        isCurrent: true,
        isValid: false,
        issues: [
          { path: 'goals.0.deadline', message: 'must be a date' },
          { path: 'nextReviewOn', message: 'must be a date' },
          { path: 'nextReviewOn', message: 'again' },
        ],
      },
    };
    const assessment = assessPlan(invalid, FACTS, '2027-01-10');
    expect(assessment).toMatchObject({
      status: 'review_due',
      versionId: '902',
      version: 'v4',
      nextReviewOn: null,
      progress: null,
      measurableGoals: 0,
      goals: [],
      invalid: ['goals.0.deadline', 'nextReviewOn'],
    });
    expect(planAssessmentSchema.safeParse(assessment).success).toBe(true);
  });
});

describe('assessGoal', () => {
  // set 2027-01-01, deadline 2027-12-31 (364 days); 2027-07-02 is day 182, half the time
  test.each<
    [string, PlanGoalTarget | null, Partial<PlanFacts>, string, string, number | string | null, number | null]
  >([
    [
      'revenue reached',
      { metric: 'won_revenue_12m', atLeast: 200_000 },
      {},
      '2027-03-01',
      'achieved',
      200_000,
      1,
    ],
    [
      'revenue at half, half the time',
      { metric: 'won_revenue_12m', atLeast: 400_000 },
      {},
      '2027-07-02',
      'on_track',
      200_000,
      0.5,
    ],
    [
      'revenue at half, later',
      { metric: 'won_revenue_12m', atLeast: 400_000 },
      {},
      '2027-08-01',
      'behind',
      200_000,
      0.5,
    ],
    [
      'revenue unmet after the deadline',
      { metric: 'won_revenue_12m', atLeast: 400_000 },
      {},
      '2028-01-01',
      'missed',
      200_000,
      0.5,
    ],
    [
      'revenue met after the deadline',
      { metric: 'won_revenue_12m', atLeast: 100_000 },
      {},
      '2028-01-01',
      'achieved',
      200_000,
      1,
    ],
    ['purchases behind', { metric: 'purchases_12m', atLeast: 12 }, {}, '2027-10-01', 'behind', 6, 0.5],
    [
      'purchases on track early',
      { metric: 'purchases_12m', atLeast: 12 },
      {},
      '2027-02-01',
      'on_track',
      6,
      0.5,
    ],
    [
      'coverage achieved',
      { metric: 'buying_centre_coverage', atLeast: 0.5 },
      {},
      '2027-02-01',
      'achieved',
      0.5,
      1,
    ],
    [
      'coverage without key roles',
      { metric: 'buying_centre_coverage', atLeast: 0.5 },
      { keyRoleCount: 0, keyRolesCovered: 0 },
      '2027-02-01',
      'not_measured',
      null,
      null,
    ],
    [
      'quadrant reached',
      { metric: 'kaism_quadrant', equals: 'key_development' },
      {},
      '2027-02-01',
      'achieved',
      'key_development',
      null,
    ],
    [
      'quadrant not yet',
      { metric: 'kaism_quadrant', equals: 'key_account' },
      {},
      '2027-02-01',
      'behind',
      'key_development',
      null,
    ],
    [
      'quadrant after the deadline',
      { metric: 'kaism_quadrant', equals: 'key_account' },
      {},
      '2028-02-01',
      'missed',
      'key_development',
      null,
    ],
    [
      'tier reached',
      { metric: 'tier', atLeast: 'important' },
      {},
      '2027-02-01',
      'achieved',
      'important',
      null,
    ],
    [
      'a better tier than asked',
      { metric: 'tier', atLeast: 'regular' },
      {},
      '2027-02-01',
      'achieved',
      'important',
      null,
    ],
    ['tier not yet', { metric: 'tier', atLeast: 'key' }, {}, '2027-02-01', 'behind', 'important', null],
    ['tier missed', { metric: 'tier', atLeast: 'key' }, {}, '2028-02-01', 'missed', 'important', null],
    ['no target', null, {}, '2027-02-01', 'not_measured', null, null],
  ])('%s', (_name, target, facts, today, status, actual, share) => {
    const progress = assessGoal(goal(target), { ...FACTS, ...facts }, today);
    expect(progress.status).toBe(status);
    expect(progress.actual).toBe(actual);
    expect(progress.share).toBe(share);
    expect(progress.metric).toBe(target?.metric ?? null);
  });

  test.each([
    ['2026-12-01', 0],
    ['2027-01-01', 0],
    ['2027-07-02', 0.5],
    ['2027-12-31', 1],
    ['2029-01-01', 1],
  ])('elapsed on %s is %s', (today, elapsed) => {
    expect(assessGoal(goal(null), FACTS, today).elapsed).toBe(elapsed);
  });

  test('a goal set and due the same day has all its time behind it from that day', () => {
    const sameDay = goal({ metric: 'purchases_12m', atLeast: 12 }, '2027-01-01', '2027-01-01');
    expect(assessGoal(sameDay, FACTS, '2027-01-01')).toMatchObject({ status: 'behind', elapsed: 1 });
    expect(assessGoal(sameDay, FACTS, '2027-01-02').status).toBe('missed');
  });
});

describe('assessPlan: progress', () => {
  test('achieved and on-track goals over measurable ones; unmeasured ones do not count', () => {
    const plan = planOf({
      goals: [
        { ...goal({ metric: 'won_revenue_12m', atLeast: 100_000 }), id: 'a' }, // achieved
        { ...goal({ metric: 'purchases_12m', atLeast: 12 }), id: 'b' }, // 0.5 at 0.08 elapsed: on track
        { ...goal({ metric: 'tier', atLeast: 'key' }), id: 'c' }, // behind
        { ...goal(null), id: 'd' }, // not measured
      ],
    });
    const assessment = assessPlan(stored(plan), FACTS, '2027-02-01');
    expect(assessment.goals.map((g) => [g.goalId, g.status])).toEqual([
      ['a', 'achieved'],
      ['b', 'on_track'],
      ['c', 'behind'],
      ['d', 'not_measured'],
    ]);
    expect(assessment.measurableGoals).toBe(3);
    expect(assessment.progress).toBeCloseTo(2 / 3, 4);
    expect(planAssessmentSchema.safeParse(assessment).success).toBe(true);
  });

  test('no measurable goal: progress null', () => {
    const assessment = assessPlan(stored(planOf({ goals: [goal(null)] })), FACTS, '2027-02-01');
    expect(assessment.progress).toBeNull();
    expect(assessment.measurableGoals).toBe(0);
  });
});

describe('rankOpportunities: payoff over effort', () => {
  const opportunity = (id: string, payoff: string, time: string, money: string, people: string) => ({
    id,
    title: id,
    kind: 'increase_use' as const,
    payoff,
    effort: { time, money, people },
  });
  test('best ratio first, equal ratios by id', () => {
    const plan = planOf({
      opportunities: [
        opportunity('z-cheap-high', 'high', 'low', 'low', 'low') as never, // 3/3
        opportunity('b-mid', 'medium', 'low', 'low', 'medium') as never, // 2/4
        opportunity('a-mid', 'high', 'medium', 'medium', 'medium') as never, // 3/6 = 2/4
        opportunity('c-costly-low', 'low', 'high', 'high', 'high') as never, // 1/9
        opportunity('d-one', 'medium', 'low', 'low', 'low') as never, // 2/3
      ],
    });
    expect(rankOpportunities(plan.opportunities)).toEqual([
      'z-cheap-high',
      'd-one',
      'a-mid',
      'b-mid',
      'c-costly-low',
    ]);
    expect(assessPlan(stored(plan), FACTS, '2027-01-10').opportunityRanking).toEqual(
      rankOpportunities(plan.opportunities),
    );
  });
});

test('planDayOf: the UTC calendar day', () => {
  expect(planDayOf(Date.parse('2027-03-01T23:59:59Z'))).toBe('2027-03-01');
});

describe('assessPlan properties', () => {
  const day = fc
    .integer({ min: Date.parse('2026-01-01'), max: Date.parse('2029-12-31') })
    .map((ms) => planDayOf(ms));
  const level = fc.constantFrom(...EFFORT_LEVELS);
  const targetArb: fc.Arbitrary<PlanGoalTarget | null> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => ({ metric: 'won_revenue_12m' as const, atLeast: n })),
    fc.integer({ min: 1, max: 50 }).map((n) => ({ metric: 'purchases_12m' as const, atLeast: n })),
    fc
      .integer({ min: 1, max: 100 })
      .map((n) => ({ metric: 'buying_centre_coverage' as const, atLeast: n / 100 })),
    fc.constantFrom(...KAISM_QUADRANTS).map((q) => ({ metric: 'kaism_quadrant' as const, equals: q })),
    fc.constantFrom(...TIERS).map((t) => ({ metric: 'tier' as const, atLeast: t })),
  );
  const goalsArb = fc.uniqueArray(
    fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,6}$/), target: targetArb, setOn: day, days: fc.nat(800) }),
    { selector: (g) => g.id, maxLength: 12 },
  );
  const opportunitiesArb = fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      payoff: level,
      time: level,
      money: level,
      people: level,
    }),
    { selector: (o) => o.id, maxLength: 20 },
  );
  const factsArb: fc.Arbitrary<PlanFacts> = fc
    .record({
      wonRevenueLast12Months: fc.integer({ min: 0, max: 2_000_000 }),
      wonDealsLast12Months: fc.nat(60),
      keyRoleCount: fc.nat(6),
      covered: fc.nat(6),
      tier: fc.constantFrom(...TIERS),
      kaismQuadrant: fc.constantFrom(...KAISM_QUADRANTS),
    })
    .map(({ covered, ...rest }) => ({ ...rest, keyRolesCovered: Math.min(covered, rest.keyRoleCount) }));
  const planArb = fc
    .record({
      goals: goalsArb,
      opportunities: opportunitiesArb,
      last: day,
      interval: fc.integer({ min: 1, max: 366 }),
    })
    .map(({ goals, opportunities, last, interval }) =>
      planOf({
        goals: goals.map((g) => ({
          id: g.id,
          title: g.id,
          setOn: g.setOn,
          deadline: planDayOf(Date.parse(g.setOn) + g.days * 86_400_000),
          target: g.target,
        })),
        opportunities: opportunities.map((o) => ({
          id: o.id,
          title: o.id,
          kind: 'expand_business',
          payoff: o.payoff,
          effort: { time: o.time, money: o.money, people: o.people },
        })),
        lastReviewedOn: last,
        nextReviewOn: planDayOf(Date.parse(last) + interval * 86_400_000),
      }),
    );

  test('progress in [0,1] or null, every status known, the schema holds, goal order does not matter', () => {
    fc.assert(
      fc.property(planArb, factsArb, day, fc.nat(), (plan, facts, today, seed) => {
        const assessment = assessPlan(stored(plan), facts, today);
        expect(PLAN_STATUSES).toContain(assessment.status);
        expect(assessment.status).not.toBe('none');
        for (const g of assessment.goals) expect(PLAN_GOAL_STATUSES).toContain(g.status);
        if (assessment.progress !== null) {
          expect(assessment.progress).toBeGreaterThanOrEqual(0);
          expect(assessment.progress).toBeLessThanOrEqual(1);
        }
        expect(assessment.progress === null).toBe(assessment.measurableGoals === 0);
        expect(planAssessmentSchema.safeParse(assessment).success).toBe(true);
        // another order of goals and opportunities: same status, progress, per-goal states, ranking
        const shuffle = <T>(items: readonly T[]): T[] =>
          items
            .map((item, index) => ({ item, key: (index * 7919 + seed) % 104_729 }))
            .sort((a, b) => a.key - b.key)
            .map((entry) => entry.item);
        const reordered = assessPlan(
          stored({ ...plan, goals: shuffle(plan.goals), opportunities: shuffle(plan.opportunities) }),
          facts,
          today,
        );
        expect(reordered.status).toBe(assessment.status);
        expect(reordered.progress).toBe(assessment.progress);
        expect(reordered.opportunityRanking).toEqual(assessment.opportunityRanking);
        const byId = (list: typeof assessment.goals) =>
          [...list].sort((a, b) => a.goalId.localeCompare(b.goalId));
        expect(byId(reordered.goals)).toEqual(byId(assessment.goals));
      }),
      { numRuns: 200 },
    );
  });
});
