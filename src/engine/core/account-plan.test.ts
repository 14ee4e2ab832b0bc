import { accountPlanSchema, type AccountPlanInput } from './account-plan';

const plan = (over: Partial<AccountPlanInput> = {}): AccountPlanInput => ({
  ownerUserId: '12',
  goals: [
    {
      id: 'g1',
      title: 'Grow won revenue',
      setOn: '2026-12-01',
      deadline: '2027-06-30',
      target: { metric: 'won_revenue_12m', atLeast: 400_000 },
    },
  ],
  strategy: {},
  opportunities: [],
  lastReviewedOn: '2026-12-01',
  nextReviewOn: '2027-03-01',
  ...over,
});

const pathsOf = (input: AccountPlanInput): string[] => {
  const result = accountPlanSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('accountPlanSchema', () => {
  test('a minimal plan passes and text fields default to empty', () => {
    const parsed = accountPlanSchema.parse(plan());
    expect(parsed.strategy).toEqual({ product: '', price: '', promotion: '', place: '' });
    expect(parsed.goals[0]?.clientGoal).toBe('');
  });

  test.each<[string, Partial<AccountPlanInput>, string[]]>([
    ['owner must be a user id', { ownerUserId: 'bob' }, ['ownerUserId']],
    ['review more than a year ahead', { nextReviewOn: '2027-12-03' }, ['nextReviewOn']],
    ['review not after the last one', { nextReviewOn: '2026-12-01' }, ['nextReviewOn']],
    ['not a date', { lastReviewedOn: '1 Dec 2026' }, ['lastReviewedOn']],
    [
      'deadline before the goal was set',
      { goals: [{ id: 'g', title: 't', setOn: '2027-01-01', deadline: '2026-12-31', target: null }] },
      ['goals.0.deadline'],
    ],
    [
      'repeated goal ids',
      {
        goals: [
          { id: 'g', title: 'a', setOn: '2026-12-01', deadline: '2027-01-01', target: null },
          { id: 'g', title: 'b', setOn: '2026-12-01', deadline: '2027-01-01', target: null },
        ],
      },
      ['goals'],
    ],
    [
      'coverage is a share',
      {
        goals: [
          {
            id: 'g',
            title: 'a',
            setOn: '2026-12-01',
            deadline: '2027-01-01',
            target: { metric: 'buying_centre_coverage', atLeast: 80 },
          },
        ],
      },
      ['goals.0.target.atLeast'],
    ],
    [
      'unknown metric',
      {
        goals: [
          {
            id: 'g',
            title: 'a',
            setOn: '2026-12-01',
            deadline: '2027-01-01',
            target: { metric: 'happiness', atLeast: 1 } as never,
          },
        ],
      },
      ['goals.0.target.metric'],
    ],
    [
      'opportunity kind and effort are closed lists',
      {
        opportunities: [
          {
            id: 'o',
            title: 'Upsell',
            kind: 'upsell' as never,
            effort: { time: 'low', money: 'huge' as never, people: 'low' },
            payoff: 'high',
          },
        ],
      },
      ['opportunities.0.kind', 'opportunities.0.effort.money'],
    ],
  ])('%s', (_name, over, paths) => {
    expect(pathsOf(plan(over))).toEqual(paths);
  });
});

test('a plan longer than HubSpot holds is refused as a whole, before any field limit', () => {
  const notes = 'x'.repeat(3999);
  const opportunities = Array.from({ length: 20 }, (_, index) => ({
    id: `o${index}`,
    title: 'More',
    kind: 'expand_business' as const,
    effort: { time: 'low' as const, money: 'low' as const, people: 'low' as const },
    payoff: 'high' as const,
    notes,
  }));
  const result = accountPlanSchema.safeParse(plan({ opportunities }));
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
    ['', expect.stringMatching(/^the plan is 8\d{4} characters as stored; HubSpot holds at most 65536/)],
  ]);
  // sixteen such notes fit
  expect(accountPlanSchema.safeParse(plan({ opportunities: opportunities.slice(0, 15) })).success).toBe(true);
});
