/**
 * Issue #21 item 1 end to end through @hubspot/api-client: a plan saved through the store is
 * assessed by a sync (kam_plan_status, kam_plan_next_review, kam_plan_progress and the
 * explanation's plan block), progress follows the data as time passes, a review date in the past
 * turns the status overdue and asks a key account for `review_account_plan`, and editing the plan
 * keeps the version before it.
 */
import type { RunningEmulator } from '../../../emulator';
import { createAccountPlanStore } from '../../../src/engine/hubspot/account-plan-store';
import { explanationSchema } from '../../../src/engine/hubspot/explanation-schema';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { rescoreCompany } from '../../../src/engine/sync/rescore-company';
import { samplePlan } from '../../support/account-plan';
import { gatewayFor, NOW, portalWithPortfolio, sync } from '../../support/portal';

const MANAGER = { userId: '7001', userEmail: 'kam@example.com', note: '' };
const DAY_MS = 86_400_000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(20);
});
afterAll(() => emulator.close());

const client = () => gatewayFor(emulator).client;

async function stored(id: string) {
  const company = await client().crm.companies.basicApi.getById(id, [
    'kam_plan_status',
    'kam_plan_next_review',
    'kam_plan_progress',
    'kam_won_revenue_12m',
    'kam_explanation',
  ]);
  const p = company.properties;
  return {
    status: p.kam_plan_status ?? '',
    nextReview: p.kam_plan_next_review ?? '',
    progress: p.kam_plan_progress ?? '',
    revenue: Number(p.kam_won_revenue_12m),
    explanation: explanationSchema.parse(JSON.parse(p.kam_explanation ?? 'null')),
  };
}

test('setup creates the three plan outputs with their types and labels', async () => {
  const properties = client().crm.properties.coreApi;
  const status = await properties.getByName('companies', 'kam_plan_status');
  expect(status.type).toBe('enumeration');
  expect(status.options.map((option) => [option.value, option.label])).toEqual([
    ['none', 'No plan'],
    ['current', 'Plan current'],
    ['review_due', 'Review due'],
    ['overdue', 'Review overdue'],
  ]);
  expect((await properties.getByName('companies', 'kam_plan_next_review')).type).toBe('date');
  expect((await properties.getByName('companies', 'kam_plan_progress')).type).toBe('number');
});

test('a plan saved through the store is assessed by the sync, follows time, goes overdue and keeps its versions', async () => {
  const gateway = gatewayFor(emulator);
  // a portal without plans: every company says none, no explanation carries a plan block
  const first = await sync(gateway);
  expect(first.summary.writeFailures).toEqual([]);
  const page = await client().crm.companies.basicApi.getPage(20, undefined, [
    'kam_plan_status',
    'kam_won_revenue_12m',
  ]);
  expect(page.results.map((company) => company.properties.kam_plan_status)).toEqual(
    page.results.map(() => 'none'),
  );
  const withRevenue = page.results.find((company) => Number(company.properties.kam_won_revenue_12m) > 0)!;
  const id = withRevenue.id;
  expect((await stored(id)).explanation.plan).toBeUndefined();
  const revenue = (await stored(id)).revenue;

  // a key account (pinned) with a plan: revenue to double from 2026-10-01 to 2026-12-31
  await client().crm.companies.basicApi.update(id, {
    properties: { kam_tier_pinned: 'key', kam_pin_reason: 'strategic partner' },
  });
  const store = createAccountPlanStore({ gateway, now: () => NOW });
  const goal = {
    id: 'double',
    title: 'Double the won revenue',
    clientGoal: '',
    setOn: '2026-10-01',
    deadline: '2026-12-31',
    target: { metric: 'won_revenue_12m' as const, atLeast: Math.round(revenue * 2) },
  };
  const v1 = await store.save(
    id,
    samplePlan({ goals: [goal], lastReviewedOn: '2026-10-15', nextReviewOn: '2027-01-15' }),
    { ...MANAGER, baseVersionId: null },
  );

  // 2026-11-01: half the target with 31 of 91 days gone → on track
  const second = await sync(gateway);
  expect(second.writes.map((write) => write.id)).toContain(id);
  let now = await stored(id);
  expect(now).toMatchObject({ status: 'current', nextReview: '2027-01-15', progress: '100' });
  expect(now.explanation.plan).toMatchObject({
    versionId: v1.versionId,
    version: 'v1',
    progress: 1,
    measurableGoals: 1,
  });
  expect(now.explanation.plan!.goals[0]).toMatchObject({
    goalId: 'double',
    status: 'on_track',
    elapsed: 0.341,
  });
  expect(now.explanation.plan!.goals[0]!.share).toBeCloseTo(0.5, 2);
  expect(now.explanation.recommendations.map((r) => r.id)).not.toContain('account_development_plan');

  // the same day again: nothing to write
  const quiet = await sync(gateway);
  expect(quiet.writes.find((write) => write.id === id)).toBeUndefined();

  // 2026-12-01: two thirds of the time gone, still at most half the revenue → behind, progress 0
  await sync(gateway, { now: later(30) });
  now = await stored(id);
  expect(now).toMatchObject({ status: 'current', progress: '0' });
  expect(now.explanation.plan!.goals[0]).toMatchObject({ status: 'behind', elapsed: 0.67 });

  // 2027-01-20: the review of 2027-01-15 was missed → overdue, and the key account is asked to review
  const overdue = await rescoreCompany({
    gateway,
    companyId: id,
    model: DEFAULT_SCORING_MODEL,
    now: new Date('2027-01-20T09:00:00.000Z'),
  });
  expect(overdue.score.plan.status).toBe('overdue');
  expect(overdue.changedProperties.kam_plan_status).toBe('overdue');
  now = await stored(id);
  expect(now.status).toBe('overdue');
  const review = now.explanation.recommendations.find((r) => r.id === 'review_account_plan');
  expect(review).toMatchObject({ priority: 1 });
  expect(review!.reason.en).toContain('2027-01-15');

  // a review: the edited plan is v2, v1 stays in the history; the next rescoring reads v2
  const v2 = await store.save(
    id,
    samplePlan({ goals: [goal], lastReviewedOn: '2027-01-20', nextReviewOn: '2027-04-20' }),
    { ...MANAGER, baseVersionId: v1.versionId, note: 'quarterly review' },
  );
  const history = await store.history(id, 10);
  expect(history.map((version) => [version.version, version.isCurrent])).toEqual([
    ['v2', true],
    ['v1', false],
  ]);
  const reviewed = await rescoreCompany({
    gateway,
    companyId: id,
    model: DEFAULT_SCORING_MODEL,
    now: new Date('2027-01-21T09:00:00.000Z'),
  });
  expect(reviewed.changedProperties).toMatchObject({
    kam_plan_status: 'current',
    kam_plan_next_review: '2027-04-20',
  });
  now = await stored(id);
  expect(now.explanation.plan).toMatchObject({ versionId: v2.versionId, version: 'v2', status: 'current' });
  expect(now.explanation.recommendations.map((r) => r.id)).not.toContain('review_account_plan');
});
