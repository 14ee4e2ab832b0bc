/**
 * The card's account plan end to end: HubSpot's test renderer draws the card, and its function
 * calls run the real `keystone_get_account_plan` / `keystone_save_account_plan` handlers against
 * the emulator through the real client, as `hubspot.serverless` would. A plan written in the
 * editor is stored as v1, the company is rescored, the card shows it back; a save from a stale
 * version is refused and the card says so in words.
 */
import {
  Alert,
  Button,
  Flex,
  Input,
  LoadingButton,
  NumberInput,
  Select,
  Table,
  Text,
} from '@hubspot/ui-extensions';
import type { RunningEmulator } from '../../../emulator/index';
import { main as getPlan } from '../../../src/app/functions/handlers/get-account-plan';
import { main as savePlan } from '../../../src/app/functions/handlers/save-account-plan';
import { saveAccountPlanResultSchema } from '../../../src/app/functions/contract/plan';
import { forgetInstallations } from '../../../src/engine/incremental/self-install';
import { createKamProperties } from '../../../src/app/cards/test-utils/fixtures';
import { renderCard } from '../../../src/app/cards/test-utils/render-card';
import { textContent } from '../../../src/shared/test-utils';
import { fillPortal, outputsOf, portalWithPortfolio, TOKEN } from '../../support/portal';
import { planInput } from '../../support/account-plan';
import { useFunctionEnv } from './function-env';

const COMPANIES = 2;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(async () => {
  forgetInstallations();
  await fillPortal(emulator, COMPANIES);
});
afterAll(() => emulator.close());

useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

const HANDLERS: Record<string, (context: unknown) => Promise<unknown>> = {
  keystone_get_account_plan: getPlan as (context: unknown) => Promise<unknown>,
  keystone_save_account_plan: savePlan as (context: unknown) => Promise<unknown>,
};

/** `hubspot.serverless` for the card on `companyId`: HubSpot sends the record id as hs_object_id. */
function serverlessFor(companyId: string) {
  return jest.fn(async (name: string, options: { parameters?: unknown }) => {
    const handler = HANDLERS[name];
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler({ propertiesToSend: { hs_object_id: companyId }, parameters: options.parameters ?? {} });
  });
}

function change(node: { trigger: (event: 'onChange', value?: never) => void }, value: unknown): void {
  node.trigger('onChange', value as never);
}

async function firstCompany(): Promise<string> {
  const [companyId] = Object.keys(await outputsOf(emulator));
  if (!companyId) throw new Error('no company in the portal');
  return companyId;
}

test('a plan written in the card is stored as v1, rescored, and shown back with its version', async () => {
  const companyId = await firstCompany();
  const runFunction = serverlessFor(companyId);
  const card = renderCard({
    runFunction,
    properties: createKamProperties({ hs_object_id: companyId }),
    waitTimeoutMs: 30_000,
  });

  card.findByTestId(Button, 'kam-plan-load').trigger('onClick');
  await card.waitFor(() =>
    expect(card.findByTestId(Button, 'kam-plan-write').text).toBe('Write the account plan'),
  );
  card.findByTestId(Button, 'kam-plan-write').trigger('onClick');
  await card.waitFor(() => expect(card.findByTestId(Input, 'kam-plan-owner-input')).toBeTruthy());
  card.findByTestId(Button, 'kam-plan-add-goal').trigger('onClick');
  change(card.findByTestId(Input, 'kam-plan-goal-0-title'), 'Grow won revenue');
  change(card.findByTestId(Select, 'kam-plan-goal-0-metric'), 'won_revenue_12m');
  change(card.findByTestId(NumberInput, 'kam-plan-goal-0-amount'), 400_000);
  card.findByTestId(Button, 'kam-plan-add-opportunity').trigger('onClick');
  change(card.findByTestId(Input, 'kam-plan-opp-0-title'), 'Service contract');
  change(card.findByTestId(Input, 'kam-plan-note'), 'First plan');
  card.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');

  await card.waitFor(() => expect(card.alerts()).toHaveLength(1));
  expect(card.alerts()[0]).toMatchObject({
    type: 'success',
    message: 'Saved as v1; the plan status is updated.',
  });
  await card.waitFor(() =>
    expect(card.findByTestId(Text, 'kam-plan-goal-goal-1').text).toMatch(/^won revenue ≥ 400,000 by /),
  );
  expect(textContent(card.findByTestId(Table, 'kam-plan-opportunities'))).toContain('Service contract');
  expect(card.refetch).toHaveBeenCalled();
  // the save rescored the company through Recalculate's path
  const outputs = (await outputsOf(emulator))[companyId];
  expect(outputs?.kam_scored_at).toBeTruthy();
  expect(textContent(card.findByTestId(Table, 'kam-plan-goals'))).toContain('Grow won revenue');
  expect(textContent(card.findByTestId(Flex, 'kam-plan-versions'))).toContain(
    'v1, saved by fake_email@example.com',
  );
  expect(textContent(card.findByTestId(Flex, 'kam-plan-versions'))).toContain('“First plan”');
  expect(runFunction.mock.calls.map(([name]) => name)).toEqual([
    'keystone_get_account_plan',
    'keystone_save_account_plan',
    'keystone_get_account_plan',
  ]);
});

test('a save from a version someone replaced meanwhile is refused in words, nothing written', async () => {
  const companyId = await firstCompany();
  const runFunction = serverlessFor(companyId);
  const onRecord = (parameters: unknown) => ({ propertiesToSend: { hs_object_id: companyId }, parameters });
  const actingUser = { userId: '7002', email: 'anna@example.com' };
  const v1 = saveAccountPlanResultSchema.parse(
    await savePlan(onRecord({ plan: planInput(), baseVersionId: null, note: '', actingUser })),
  );
  if (!v1.ok) throw new Error(v1.error.message);

  const card = renderCard({
    runFunction,
    properties: createKamProperties({ hs_object_id: companyId }),
    waitTimeoutMs: 30_000,
  });
  card.findByTestId(Button, 'kam-plan-load').trigger('onClick');
  await card.waitFor(() => expect(card.findByTestId(Button, 'kam-plan-edit')).toBeTruthy());
  card.findByTestId(Button, 'kam-plan-edit').trigger('onClick');
  await card.waitFor(() => expect(card.findByTestId(Input, 'kam-plan-goal-0-title')).toBeTruthy());
  change(card.findByTestId(Input, 'kam-plan-goal-0-title'), 'Mine');

  // another manager reviews the plan in between
  const v2 = saveAccountPlanResultSchema.parse(
    await savePlan(
      onRecord({ plan: planInput(), baseVersionId: v1.saved.versionId, note: 'review', actingUser }),
    ),
  );
  expect(v2.ok && v2.saved.version).toBe('v2');

  card.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
  await card.waitFor(() => expect(card.findByTestId(Alert, 'kam-plan-conflict')).toBeTruthy());
  expect(textContent(card.findByTestId(Alert, 'kam-plan-conflict'))).toContain(
    'Someone saved a newer version of this plan',
  );
  card.findByTestId(Button, 'kam-plan-reload').trigger('onClick');
  await card.waitFor(() =>
    expect(card.findByTestId(Text, 'kam-plan-goal-g1').text).toMatch(/^won revenue ≥ 400,000/),
  );
  const read = await getPlan(onRecord({ historyLimit: 10 }));
  expect(read).toMatchObject({ ok: true, plan: { version: 'v2' } });
  expect((read as { versions: unknown[] }).versions).toHaveLength(2);
});
