import { accountPlanSchema } from '@keystone/shared';
import { createPlanAssessment, createStoredPlan, EXPLANATION } from '../test-utils/fixtures';
import { fieldLabel, planMessagesFor } from './plan-messages';
import {
  calendarOf,
  checkDraft,
  dayFromCalendar,
  draftFromContent,
  draftOf,
  emptyDraft,
  markedReviewed,
  nextItemId,
  planDayOf,
  rankOpportunities,
  readPlanAssessment,
  readPlanSummary,
} from './plan-view';

describe('readPlanSummary', () => {
  test('reads status, next review, progress and the explanation’s plan block', () => {
    const assessment = createPlanAssessment();
    expect(
      readPlanSummary({
        kam_plan_status: 'overdue',
        kam_plan_next_review: '2026-12-15',
        kam_plan_progress: '67',
        kam_explanation: JSON.stringify({ ...EXPLANATION, plan: assessment }),
      }),
    ).toEqual({ status: 'overdue', nextReviewOn: '2026-12-15', progressPercent: 67, assessment });
  });

  test.each<[string, Record<string, string | null>]>([
    ['nothing stored', {}],
    ['empty strings', { kam_plan_status: '', kam_plan_next_review: '', kam_plan_progress: '' }],
    ['unknown values', { kam_plan_status: 'great', kam_plan_next_review: 'soon', kam_plan_progress: '140' }],
    ['NaN progress', { kam_plan_progress: 'NaN' }],
  ])('turns %s into unknowns', (_label, properties) => {
    expect(readPlanSummary(properties)).toEqual({
      status: null,
      nextReviewOn: null,
      progressPercent: null,
      assessment: null,
    });
  });

  test('reads a plan block even when the rest of the explanation would not parse, and ignores a broken one', () => {
    const assessment = createPlanAssessment();
    expect(readPlanAssessment(JSON.stringify({ v: 99, plan: assessment }))).toEqual(assessment);
    expect(readPlanAssessment(JSON.stringify({ plan: { status: 'fine' } }))).toBeNull();
    expect(readPlanAssessment('{not json')).toBeNull();
    expect(readPlanAssessment(JSON.stringify(EXPLANATION))).toBeNull();
  });

  test.each([
    ['2027-06-30', '2027-06-30'],
    [String(Date.UTC(2027, 5, 30)), '2027-06-30'],
    ['2027-06-30T00:00:00.000Z', '2027-06-30'],
    ['tomorrow', null],
  ])('reads the date %s as %s', (raw, day) => {
    expect(planDayOf(raw)).toBe(day);
  });
});

describe('rankOpportunities', () => {
  const { opportunities } = createStoredPlan().plan;
  const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);

  test('follows the ranking, and plan order without one', () => {
    expect(ids(rankOpportunities(opportunities, ['o-parts', 'o-plant', 'o-service']).ordered)).toEqual([
      'o-parts',
      'o-plant',
      'o-service',
    ]);
    expect(rankOpportunities(opportunities, null)).toEqual({ ordered: opportunities, isRanked: false });
    expect(rankOpportunities(opportunities, []).isRanked).toBe(false);
  });

  test('puts opportunities the ranking does not know after it, in plan order', () => {
    const ranked = rankOpportunities(opportunities, ['o-plant', 'gone']);
    expect(ids(ranked.ordered)).toEqual(['o-plant', 'o-service', 'o-parts']);
    expect(ranked.isRanked).toBe(true);
    expect(rankOpportunities(opportunities, ['gone']).isRanked).toBe(false);
  });
});

describe('the editor’s draft', () => {
  test('a stored plan survives the round trip through the draft unchanged', () => {
    const { plan } = createStoredPlan();
    expect(checkDraft(draftOf(plan))).toEqual({ ok: true, plan });
  });

  test('an empty draft is a valid first plan reviewed today, next in a quarter', () => {
    const checked = checkDraft(emptyDraft('12', '2026-12-05'));
    expect(checked).toEqual({ ok: true, plan: accountPlanSchema.parse(emptyDraft('12', '2026-12-05')) });
    expect(checked.ok && checked.plan.nextReviewOn).toBe('2027-03-06');
  });

  test('a measured goal without a figure is refused at its target, not sent as 0', () => {
    const draft = emptyDraft('12', '2026-12-05');
    draft.goals.push({
      id: 'goal-1',
      title: 'Grow',
      clientGoal: '',
      setOn: '2026-12-05',
      deadline: '2027-12-05',
      metric: 'purchases_12m',
      amount: null,
      quadrant: 'key_account',
      tier: 'key',
    });
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.issues.map((issue) => issue.path)).toEqual(['goals.0.target.atLeast']);
  });

  test('ids: the smallest free number', () => {
    expect(nextItemId('goal', [])).toBe('goal-1');
    expect(nextItemId('goal', [{ id: 'goal-2' }])).toBe('goal-3');
    expect(nextItemId('goal', [{ id: 'goal-2' }, { id: 'goal-3' }])).toBe('goal-4');
    expect(nextItemId('goal', [{ id: 'x' }, { id: 'goal-3' }])).toBe('goal-4');
  });

  test('DateInput’s months start at 0', () => {
    expect(calendarOf('2027-01-31')).toEqual({ year: 2027, month: 0, date: 31 });
    expect(dayFromCalendar({ year: 2027, month: 11, date: 1 })).toBe('2027-12-01');
    expect(dayFromCalendar(null)).toBe('');
    expect(calendarOf('')).toBeUndefined();
  });
});

describe('markedReviewed', () => {
  test.each([
    ['2026-11-20', '2026-12-15', '2027-01-05'],
    ['2026-01-01', '2027-01-02', '2027-12-12'],
  ])('last %s, next %s: reviewed 2026-12-11, next %s', (last, next, expected) => {
    const plan = { ...createStoredPlan().plan, lastReviewedOn: last, nextReviewOn: next };
    const marked = markedReviewed(plan, '2026-12-11');
    expect(marked).toEqual({ ...plan, lastReviewedOn: '2026-12-11', nextReviewOn: expected });
    expect(accountPlanSchema.safeParse(marked).success).toBe(true);
  });
});

describe('fieldLabel', () => {
  const en = planMessagesFor('en');
  test.each([
    ['goals.0.title', 'Goal 1 › Goal'],
    ['plan.goals.2.target.atLeast', 'Goal 3 › Measured by'],
    ['opportunities.1.effort.money', 'Opportunity 2 › Effort: money'],
    ['strategy.place', 'Strategy › Place'],
    ['nextReviewOn', 'Next review'],
    ['goals', 'Goals'],
    ['something.else', 'something.else'],
    ['', 'The whole plan'],
    ['plan', 'The whole plan'],
    ['(plan)', 'The whole plan'],
  ])('%s → %s', (path, label) => {
    expect(fieldLabel(path, en)).toBe(label);
  });
  test('in Russian', () => {
    expect(fieldLabel('goals.0.deadline', planMessagesFor('ru'))).toBe('Цель 1 › Срок');
  });
});

describe('draftFromContent', () => {
  const today = '2026-12-05';
  const blank = emptyDraft('12', today);

  test('a stored plan that passes comes back as draftOf would give it', () => {
    const { plan } = createStoredPlan();
    expect(draftFromContent(plan, blank, today)).toEqual(draftOf(plan));
  });

  test.each<[string, unknown, (draft: ReturnType<typeof draftFromContent>) => void]>([
    ['not JSON (null): the blank draft', null, (draft) => expect(draft).toEqual(blank)],
    ['an array: the blank draft', [1, 2], (draft) => expect(draft).toEqual(blank)],
    [
      'a readable goal with a bad deadline keeps its text and figure',
      {
        goals: [
          {
            id: 'g9',
            title: 'Grow',
            setOn: '2026-01-01',
            deadline: 'soon',
            target: { metric: 'won_revenue_12m', atLeast: 5000 },
          },
        ],
      },
      (draft) =>
        expect(draft.goals).toEqual([
          expect.objectContaining({
            id: 'g9',
            title: 'Grow',
            deadline: 'soon',
            metric: 'won_revenue_12m',
            amount: 5000,
          }),
        ]),
    ],
    [
      'unknown options fall back, known ones stay',
      {
        goals: [{ target: { metric: 'happiness' } }, { target: { metric: 'tier', atLeast: 'important' } }],
        opportunities: [
          { title: 'Upsell', kind: 'upsell', effort: { time: 'high', money: 'huge' }, payoff: 'low' },
        ],
      },
      (draft) => {
        expect(draft.goals.map((goal) => [goal.id, goal.metric, goal.tier])).toEqual([
          ['goal-1', '', 'key'],
          ['goal-2', 'tier', 'important'],
        ]);
        expect(draft.opportunities[0]).toMatchObject({
          id: 'opp-1',
          title: 'Upsell',
          kind: 'increase_use',
          effort: { time: 'high', money: 'medium', people: 'medium' },
          payoff: 'low',
        });
      },
    ],
    [
      'goals that are not a list: none, the rest of the plan kept',
      { goals: 'many', tactics: 'Quarterly review', strategy: { price: 'Volume tiers' } },
      (draft) => {
        expect(draft.goals).toEqual([]);
        expect(draft.tactics).toBe('Quarterly review');
        expect(draft.strategy).toEqual({ product: '', price: 'Volume tiers', promotion: '', place: '' });
      },
    ],
  ])('%s', (_name, content, check) => {
    check(draftFromContent(content, blank, today));
  });
});
