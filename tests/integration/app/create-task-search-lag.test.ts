/**
 * `keystone_create_task` stays idempotent when HubSpot's search index lags writes: the second
 * click comes long before search could see the first task (the emulator's lag here outlasts the
 * test), so only a lookup that does not depend on search finds it.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { main } from '../../../src/app/functions/handlers/create-task';
import { explanationSchema } from '../../../src/engine/hubspot/explanation-schema';
import { gatewayFor, portalWithPortfolio, sync, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

const COMPANIES = 8;
const SEARCH_LAG_MS = 120_000;
let emulator: RunningEmulator;
let company: { id: string; recommendationId: string };

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES, 11, { searchLagMs: SEARCH_LAG_MS });
  await sync(gatewayFor(emulator));
  const page = await gatewayFor(emulator).listPage('companies', ['hubspot_owner_id', 'kam_explanation']);
  const found = page.results.flatMap((record) => {
    const explanation = explanationSchema.safeParse(JSON.parse(record.properties.kam_explanation ?? 'null'));
    const recommendation = explanation.success ? explanation.data.recommendations[0] : undefined;
    return recommendation && record.properties.hubspot_owner_id
      ? [{ id: record.id, recommendationId: recommendation.id }]
      : [];
  })[0];
  if (!found) throw new Error('the generated portfolio has no owned company with a recommendation');
  company = found;
});
afterAll(() => emulator.close());

useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

test('a second request within the search lag returns the first task instead of creating another', async () => {
  expect(emulator.fidelity().searchLagMs).toBe(SEARCH_LAG_MS);
  const request = {
    propertiesToSend: { hs_object_id: company.id },
    parameters: { recommendationId: company.recommendationId, language: 'en' },
  };
  const first = await main(request);
  const second = await main(request);
  const inRussian = await main({ ...request, parameters: { ...request.parameters, language: 'ru' } });

  if (!first.ok) throw new Error(first.error.message);
  expect(first).toMatchObject({ created: true });
  expect(second).toMatchObject({ ok: true, created: false, taskId: first.taskId });
  expect(inRussian).toMatchObject({ ok: true, created: false, taskId: first.taskId });
  const tasks = await gatewayFor(emulator).batchReadAssociations('companies', 'tasks', [company.id]);
  expect(tasks.get(company.id)).toEqual([first.taskId]);
  // Search indeed could not see it yet.
  const searched = await gatewayFor(emulator).searchAll('tasks', {
    filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: first.taskId }] }],
    properties: ['hs_task_subject'],
  });
  expect(searched).toEqual([]);
});
