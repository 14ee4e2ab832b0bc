import { company, contact, daysAgo, deal, meeting, NOW } from '../../../tests/arbitraries/company-builders';
import {
  accountPlanSchema,
  planAssessmentSchema,
  type AccountPlanInput,
  type CurrentPlan,
} from '../core/account-plan';
import { scoreCompany, type CompanyRecord } from '../core';
import { explanationSchema } from '../hubspot/explanation-schema';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';
import { diffOutputs, sameValue } from './diff';
import { outputValuesOf } from './output-values';

const DAY_MS = 86_400_000;
const context = { revenueReference: 100_000, revenueQuantiles: null, tierCapacity: null };

const record: CompanyRecord = company({
  id: '42',
  properties: { name: 'Planned Ltd', notes_last_contacted: daysAgo(3), kam_tier: 'important' },
  deals: [20, 110, 200, 290].map((days) => deal({ amount: 50_000, closedDaysAgo: days })),
  meetings: [meeting({ startedDaysAgo: 5 })],
  contacts: [contact(['DECISION_MAKER'])],
});

const planOf = (over: Partial<AccountPlanInput> = {}): CurrentPlan => ({
  ok: true,
  stored: {
    versionId: '9001',
    companyId: '42',
    version: 'v1',
    savedAt: '2026-05-01T00:00:00.000Z',
    savedBy: { userId: '1', email: 'kam@example.com' },
    note: '',
    isCurrent: true,
    plan: accountPlanSchema.parse({
      ownerUserId: '1',
      // 200k of 400k: on track while at most half the year has passed (to 2026-07-02)
      goals: [
        {
          id: 'revenue',
          title: 'Double the revenue',
          setOn: '2026-01-01',
          deadline: '2026-12-31',
          target: { metric: 'won_revenue_12m', atLeast: 400_000 },
        },
        { id: 'words', title: 'Meet the board', setOn: '2026-01-01', deadline: '2026-12-31', target: null },
      ],
      strategy: {},
      opportunities: [],
      lastReviewedOn: '2026-05-01',
      nextReviewOn: '2026-08-01',
      ...over,
    }),
  },
});

const valuesOn = (day: Date, plan: CurrentPlan | null) =>
  outputValuesOf(
    scoreCompany({ ...record, plan }, { model: DEFAULT_SCORING_MODEL, now: day, paretoClass: 'A' }),
    context,
  );
const after = (days: number) => new Date(NOW.getTime() + days * DAY_MS);
const explanationOf = (values: ReturnType<typeof valuesOn>) => JSON.parse(values.kam_explanation as string);

describe('plan outputs', () => {
  test('without a plan: status none, the rest empty, and no plan block in the explanation', () => {
    const values = valuesOn(NOW, null);
    expect(values).toMatchObject({
      kam_plan_status: 'none',
      kam_plan_next_review: '',
      kam_plan_progress: '',
    });
    expect('plan' in explanationOf(values)).toBe(false);
  });

  test('with a plan: status, next review, progress in percent, and the assessment in the explanation', () => {
    const values = valuesOn(NOW, planOf());
    expect(values).toMatchObject({
      kam_plan_status: 'current',
      kam_plan_next_review: '2026-08-01',
      kam_plan_progress: '100',
    });
    const document = explanationOf(values);
    expect(planAssessmentSchema.parse(document.plan)).toEqual(document.plan);
    expect(explanationSchema.safeParse(document).success).toBe(true);
    expect(document.plan.goals).toEqual([
      {
        goalId: 'revenue',
        metric: 'won_revenue_12m',
        status: 'on_track',
        actual: 200_000,
        share: 0.5,
        elapsed: 0.415,
      },
      { goalId: 'words', metric: null, status: 'not_measured', actual: null, share: null, elapsed: 0.415 },
    ]);
  });

  test('a quiet day with a plan writes nothing, though the goal figures in the explanation moved', () => {
    const day1 = valuesOn(after(1), planOf());
    const day2 = valuesOn(after(2), planOf());
    expect(explanationOf(day2).plan.goals[0].elapsed).not.toBe(explanationOf(day1).plan.goals[0].elapsed);
    const stored = Object.fromEntries(Object.entries(day1).map(([name, value]) => [name, value ?? null]));
    expect(diffOutputs(stored, day2, after(2))).toEqual({});
  });

  test('a goal falling behind changes the progress and rewrites the explanation with it', () => {
    const stored = valuesOn(after(30), planOf()) as Record<string, string>;
    const later = valuesOn(after(40), planOf()); // 2026-07-11: more than half the year gone
    expect(explanationOf(later).plan.goals[0].status).toBe('behind');
    const changes = diffOutputs(stored, later, after(40));
    expect(changes.kam_plan_progress).toBe('0');
    expect(JSON.parse(changes.kam_explanation!).plan.progress).toBe(0);
  });

  test('the review date passing turns the status to review due, then overdue', () => {
    expect(valuesOn(after(40), planOf()).kam_plan_status).toBe('current'); // 2026-07-11
    expect(valuesOn(after(55), planOf()).kam_plan_status).toBe('review_due'); // 2026-07-26
    const overdue = valuesOn(after(62), planOf()); // 2026-08-02
    expect(overdue.kam_plan_status).toBe('overdue');
    const stored = valuesOn(after(55), planOf()) as Record<string, string>;
    expect(diffOutputs(stored, overdue, after(62))).toMatchObject({ kam_plan_status: 'overdue' });
  });

  test('the next review date compares equal whichever way HubSpot echoes it', () => {
    expect(sameValue('kam_plan_next_review', String(Date.parse('2026-08-01')), '2026-08-01')).toBe(true);
    expect(sameValue('kam_plan_next_review', '2026-08-01', '2026-08-02')).toBe(false);
    expect(sameValue('kam_plan_progress', '50.0', '50')).toBe(true);
  });

  test('a portal without plans: status none is written once, then nothing', () => {
    const upgraded = valuesOn(after(1), null);
    const before = Object.fromEntries(
      Object.entries(upgraded).filter(([name]) => !name.startsWith('kam_plan_')),
    ) as Record<string, string>;
    expect(diffOutputs(before, upgraded, after(1))).toMatchObject({ kam_plan_status: 'none' });
    expect(diffOutputs(upgraded as Record<string, string>, valuesOn(after(2), null), after(2))).toEqual({});
  });
});
