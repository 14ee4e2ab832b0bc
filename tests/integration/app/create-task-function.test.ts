/**
 * `keystone_create_task` end to end against a scored portfolio on the emulator: the task comes from
 * the company's stored recommendation, belongs to the company owner, and is created once per
 * company, recommendation and day.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { createTask, main } from '../../../src/app/functions/handlers/create-task';
import { explanationSchema } from '../../../src/engine/hubspot/explanation-schema';
import { fillPortal, gatewayFor, NOW, portalWithPortfolio, sync, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

const COMPANIES = 8;
let emulator: RunningEmulator;
let company: {
  id: string;
  ownerId: string;
  recommendation: { id: string; title: { en: string; ru: string }; reason: { en: string } };
};

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(async () => {
  await fillPortal(emulator, COMPANIES);
  await sync(gatewayFor(emulator));
  const page = await gatewayFor(emulator).listPage('companies', ['hubspot_owner_id', 'kam_explanation']);
  const candidates = page.results.flatMap((record) => {
    const explanation = explanationSchema.safeParse(JSON.parse(record.properties.kam_explanation ?? 'null'));
    const recommendation = explanation.success ? explanation.data.recommendations[0] : undefined;
    const ownerId = record.properties.hubspot_owner_id;
    return recommendation && ownerId ? [{ id: record.id, ownerId, recommendation }] : [];
  });
  if (!candidates[0]) throw new Error('the generated portfolio has no owned company with a recommendation');
  company = candidates[0];
});
afterAll(() => emulator.close());

useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

const onRecord = (parameters: Record<string, unknown>) => ({
  propertiesToSend: { hs_object_id: company.id },
  parameters: { recommendationId: company.recommendation.id, ...parameters },
});

async function tasksOfCompany(): Promise<string[]> {
  const associations = await gatewayFor(emulator).batchReadAssociations('companies', 'tasks', [company.id]);
  return associations.get(company.id) ?? [];
}

describe('keystone_create_task', () => {
  test('creates a task from the stored recommendation, for the company owner, associated with the company', async () => {
    const result = await main(onRecord({ language: 'en' }));

    expect(result).toMatchObject({ ok: true, created: true, subject: company.recommendation.title.en });
    if (!result.ok) return;
    expect(await tasksOfCompany()).toEqual([result.taskId]);
    const { records } = await gatewayFor(emulator).batchRead(
      'tasks',
      [result.taskId],
      ['hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_task_type', 'hubspot_owner_id'],
    );
    expect(records[0]?.properties).toMatchObject({
      hs_task_subject: company.recommendation.title.en,
      hs_task_status: 'NOT_STARTED',
      hs_task_type: 'TODO',
      hubspot_owner_id: company.ownerId,
    });
    expect(records[0]?.properties.hs_task_body).toContain(company.recommendation.reason.en);
  });

  test('returns the same task for the same recommendation the same day, in either language', async () => {
    const first = await main(onRecord({ language: 'en' }));
    const again = await main(onRecord({ language: 'en' }));
    const inRussian = await main(onRecord({ language: 'ru' }));

    if (!first.ok) throw new Error(first.error.message);
    expect(again).toMatchObject({ ok: true, created: false, taskId: first.taskId });
    expect(inRussian).toMatchObject({ ok: true, created: false, taskId: first.taskId });
    expect(await tasksOfCompany()).toHaveLength(1);
  });

  test('creates a new task the next day', async () => {
    const today = createTask({ env: process.env, now: () => NOW });
    const tomorrow = createTask({ env: process.env, now: () => new Date(NOW.getTime() + 24 * 3600_000) });
    const first = await today(onRecord({}));
    const next = await tomorrow(onRecord({}));
    expect(first).toMatchObject({ ok: true, created: true });
    expect(next).toMatchObject({ ok: true, created: true });
    expect(await tasksOfCompany()).toHaveLength(2);
  });

  test('writes the task in Russian when asked', async () => {
    await expect(main(onRecord({ language: 'ru' }))).resolves.toMatchObject({
      ok: true,
      subject: company.recommendation.title.ru,
    });
  });

  test('refuses a recommendation the company does not have now', async () => {
    await expect(main(onRecord({ recommendationId: 'conquer_the_world' }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'task.unknown_recommendation' },
    });
    expect(await tasksOfCompany()).toEqual([]);
  });

  test('refuses a company without an owner to assign the task to', async () => {
    await gatewayFor(emulator).client.crm.companies.basicApi.update(company.id, {
      properties: { hubspot_owner_id: '' },
    });
    await expect(main(onRecord({}))).resolves.toMatchObject({ ok: false, error: { code: 'task.no_owner' } });
  });

  test('refuses parameters without a recommendation id', async () => {
    await expect(
      main({ propertiesToSend: { hs_object_id: company.id }, parameters: {} }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'input.invalid', issues: [{ path: 'recommendationId' }] },
    });
  });
});
