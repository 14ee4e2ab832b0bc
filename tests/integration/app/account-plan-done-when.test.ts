/**
 * Issue #21's first Done-when in one chain, through @hubspot/api-client against the emulator: setup
 * creates the plan object and the contact and company properties; a plan with a measurable goal is
 * saved through the card's own function (`keystone_save_account_plan`); a sync updates its
 * progress; a review date in the past turns `kam_plan_status` to overdue and raises the
 * recommendation; editing the plan through the function keeps the previous version.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { getAccountPlan } from '../../../src/app/functions/handlers/get-account-plan';
import { saveAccountPlan } from '../../../src/app/functions/handlers/save-account-plan';
import {
  getAccountPlanResultSchema,
  saveAccountPlanResultSchema,
} from '../../../src/app/functions/contract/plan';
import * as setupCommand from '../../../cli/commands/setup';
import { startEmulator } from '../../../emulator';
import { generatePortfolio } from '../../../emulator/generator';
import { explanationSchema } from '../../../src/engine/hubspot/explanation-schema';
import { forgetInstallations } from '../../../src/engine/incremental/self-install';
import { runKam } from '../../support/cli';
import { planInput } from '../../support/account-plan';
import { gatewayFor, NOW, sync, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

const DAY_MS = 86_400_000;
const MANAGER = { userId: '7001', email: 'kam@example.com' };
let emulator: RunningEmulator;

beforeAll(async () => {
  forgetInstallations();
  // a bare portal: setup must create every Keystone property and object
  emulator = await startEmulator({ token: TOKEN });
});
afterAll(() => emulator.close());
useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);
const onRecord = (companyId: string, parameters: Record<string, unknown>) => ({
  propertiesToSend: { hs_object_id: companyId },
  parameters,
});

async function company(id: string) {
  const { properties } = await gatewayFor(emulator).client.crm.companies.basicApi.getById(id, [
    'kam_plan_status',
    'kam_plan_next_review',
    'kam_plan_progress',
    'kam_won_revenue_12m',
    'kam_explanation',
  ]);
  return {
    status: properties.kam_plan_status,
    nextReview: properties.kam_plan_next_review,
    progress: properties.kam_plan_progress,
    revenue: Number(properties.kam_won_revenue_12m),
    explanation: explanationSchema.parse(JSON.parse(properties.kam_explanation ?? 'null')),
  };
}

test('saved from the card function, tracked by the sync, overdue with its recommendation, versions kept', async () => {
  const gateway = gatewayFor(emulator);
  const setup = await runKam([setupCommand], ['setup'], {
    HUBSPOT_ACCESS_TOKEN: TOKEN,
    HUBSPOT_BASE_URL: emulator.url,
  });
  expect(setup.err).toBe('');
  expect(setup.code).toBe(0);
  const schemas = await gateway.client.crm.schemas.coreApi.getAll();
  expect(schemas.results.map((schema) => schema.name)).toContain('kam_account_plan');
  const contactProperties = await gateway.client.crm.properties.coreApi.getAll('contacts');
  expect(contactProperties.results.map((property) => property.name)).toEqual(
    expect.arrayContaining(['kam_influence', 'kam_attitude', 'kam_career']),
  );

  emulator.loadSnapshot(generatePortfolio({ companies: 12, seed: 11, now: NOW }).snapshot);
  expect((await sync(gateway)).summary.writeFailures).toEqual([]);
  const page = await gateway.client.crm.companies.basicApi.getPage(12, undefined, ['kam_won_revenue_12m']);
  const id = page.results.find((row) => Number(row.properties.kam_won_revenue_12m) > 0)!.id;
  await gateway.client.crm.companies.basicApi.update(id, {
    properties: { kam_tier_pinned: 'key', kam_pin_reason: 'strategic partner' },
  });
  const revenue = (await company(id)).revenue;

  // the card's save: a goal to grow won revenue by half, set 30 days ago, due in 60
  const save = saveAccountPlan({ env: process.env, now: () => NOW });
  const goal = {
    id: 'grow',
    title: 'Grow won revenue by half',
    setOn: '2026-10-02',
    deadline: '2026-12-31',
    target: { metric: 'won_revenue_12m' as const, atLeast: Math.round(revenue * 1.5) },
  };
  const plan = planInput({ goals: [goal], lastReviewedOn: '2026-10-02', nextReviewOn: '2026-12-15' });
  const first = saveAccountPlanResultSchema.parse(
    await save(onRecord(id, { plan, baseVersionId: null, note: 'first plan', actingUser: MANAGER })),
  );
  if (!first.ok) throw new Error(first.error.message);
  expect(first.saved.version).toBe('v1');
  expect(first.changedProperties).toEqual(expect.arrayContaining(['kam_plan_status', 'kam_plan_progress']));
  // two thirds of the way with a third of the time gone: on track
  expect(await company(id)).toMatchObject({ status: 'current', nextReview: '2026-12-15', progress: '100' });

  // a sync 40 days on, within two weeks of the review, with no new purchase: behind its pace, progress 0, the explanation says why
  await sync(gateway, { now: at(40) });
  const behind = await company(id);
  expect(behind).toMatchObject({ status: 'review_due', progress: '0' });
  expect(behind.explanation.plan?.goals[0]).toMatchObject({ goalId: 'grow', status: 'behind' });

  // past the review date: overdue, and the key account is asked to review its plan
  await sync(gateway, { now: at(50) });
  const overdue = await company(id);
  expect(overdue.status).toBe('overdue');
  const review = overdue.explanation.recommendations.find((action) => action.id === 'review_account_plan');
  expect(review).toMatchObject({ priority: 1 });
  expect(review!.reason.en).toContain('2026-12-15');

  // the review, saved from the card again: v2 is current, v1 stays in the history
  const reviewed = saveAccountPlanResultSchema.parse(
    await saveAccountPlan({ env: process.env, now: () => at(50) })(
      onRecord(id, {
        plan: { ...plan, lastReviewedOn: '2026-12-21', nextReviewOn: '2027-03-21' },
        baseVersionId: first.saved.versionId,
        note: 'quarterly review',
        actingUser: MANAGER,
      }),
    ),
  );
  if (!reviewed.ok) throw new Error(reviewed.error.message);
  expect(reviewed.saved.version).toBe('v2');
  expect((await company(id)).status).toBe('current');
  const read = getAccountPlanResultSchema.parse(await getAccountPlan({ env: process.env })(onRecord(id, {})));
  if (!read.ok) throw new Error(read.error.message);
  expect(read.versions.map((version) => [version.version, version.isCurrent, version.note])).toEqual([
    ['v2', true, 'quarterly review'],
    ['v1', false, 'first plan'],
  ]);
});
