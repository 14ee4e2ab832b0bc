/**
 * `keystone_recalculate_company` end to end: `main(context)` with the record id HubSpot sends in
 * `propertiesToSend`, against the emulator, scoring with the active stored model.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { SEEDED_OWNERS } from '../../../emulator/index';
import { main as recalculate } from '../../../src/app/functions/handlers/recalculate-company';
import { createGateway } from '../../../src/engine/hubspot/gateway';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import {
  createCustomObjectModelStore,
  ensureModelStoreSchema,
} from '../../../src/engine/hubspot/model-store';
import { DEFAULT_MAX_RECORDS_PER_TYPE } from '../../../src/engine/sync/rescore-company';
import { fillPortal, gatewayFor, NOW, outputsOf, portalWithPortfolio, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

const COMPANIES = 5;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(() => fillPortal(emulator, COMPANIES));
afterAll(() => emulator.close());

useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

const onRecord = (companyId: string) => ({ propertiesToSend: { hs_object_id: companyId }, parameters: {} });

async function firstCompanyId(): Promise<string> {
  const [id] = Object.keys(await outputsOf(emulator));
  if (!id) throw new Error('no company in the portal');
  return id;
}

describe('keystone_recalculate_company', () => {
  test('scores the record the card is on, writes its kam_* values and says what changed', async () => {
    const companyId = await firstCompanyId();

    const result = await recalculate(onRecord(companyId));

    expect(result).toMatchObject({
      ok: true,
      companyId,
      truncated: false,
      modelVersion: DEFAULT_SCORING_MODEL.version,
    });
    if (!result.ok) return;
    expect(result.changedProperties).toEqual(
      expect.arrayContaining(['kam_score', 'kam_tier', 'kam_explanation']),
    );
    const stored = (await outputsOf(emulator))[companyId];
    expect(stored?.kam_tier).toMatch(/^(key|important|regular)$/);
    expect(stored?.kam_model_version).toBe(DEFAULT_SCORING_MODEL.version);
  });

  test('writes nothing the second time when nothing changed', async () => {
    const companyId = await firstCompanyId();
    await recalculate(onRecord(companyId));
    await expect(recalculate(onRecord(companyId))).resolves.toMatchObject({
      ok: true,
      changedProperties: [],
    });
  });

  test('scores with the active stored model', async () => {
    const gateway = gatewayFor(emulator);
    await createCustomObjectModelStore({ gateway, now: () => NOW }).save(
      {
        ...DEFAULT_SCORING_MODEL,
        tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 95, important: 90, hysteresis: 1 },
      },
      { userId: '7001', userEmail: 'admin@example.com', note: 'almost nobody is key' },
    );
    const companyId = await firstCompanyId();

    await expect(recalculate(onRecord(companyId))).resolves.toMatchObject({ ok: true, modelVersion: 'v1' });
    expect((await outputsOf(emulator))[companyId]?.kam_model_version).toBe('v1');
  });

  test('takes a companyId parameter when there is no record', async () => {
    const companyId = await firstCompanyId();
    await expect(recalculate({ parameters: { companyId } })).resolves.toMatchObject({ ok: true, companyId });
  });

  test.each([
    ['no company id at all', { parameters: {} }, 'input.invalid'],
    ['a malformed company id', { parameters: { companyId: 'acme' } }, 'input.invalid'],
    [
      'a company HubSpot does not know',
      { propertiesToSend: { hs_object_id: '424242' }, parameters: {} },
      'hubspot.not_found',
    ],
  ])('answers a clear error for %s', async (_label, context, code) => {
    await expect(recalculate(context)).resolves.toMatchObject({ ok: false, error: { code } });
  });

  test('stops, writing nothing, while the active stored model is invalid', async () => {
    const gateway = createGateway({ accessToken: TOKEN, basePath: emulator.url });
    const { objectTypeId } = await ensureModelStoreSchema(gateway);
    await gateway.client.crm.objects.basicApi.create(objectTypeId, {
      properties: {
        model_json: '{}',
        version: 'v1',
        saved_at: '2026-03-01T00:00:00.000Z',
        is_active: 'true',
      },
      associations: [],
    });
    const companyId = await firstCompanyId();

    await expect(recalculate(onRecord(companyId))).resolves.toMatchObject({
      ok: false,
      error: { code: 'settings.stored_model_invalid' },
    });
    expect((await outputsOf(emulator))[companyId]?.kam_score).toBeNull();
  });

  test('caps a company with thousands of deals, says so, and stays within a few dozen calls', async () => {
    const dealCount = DEFAULT_MAX_RECORDS_PER_TYPE * 3;
    emulator.loadSnapshot({
      schemaVersion: 1,
      companies: [
        {
          id: '9100000001',
          properties: {
            name: 'Huge Account Ltd',
            createdate: '2015-01-10T00:00:00.000Z',
            hubspot_owner_id: SEEDED_OWNERS[0]?.id ?? null,
          },
          deals: Array.from({ length: dealCount }, (_, index) => ({
            id: String(9200000000 + index),
            properties: {
              amount: '1200',
              dealstage: 'closedwon',
              pipeline: 'default',
              hs_is_closed: 'true',
              hs_is_closed_won: 'true',
              createdate: new Date(NOW.getTime() - (index + 30) * 12 * 3600_000).toISOString(),
              closedate: new Date(NOW.getTime() - (index + 1) * 12 * 3600_000).toISOString(),
            },
          })),
        },
      ],
    });
    emulator.requestLog.clear();
    const started = Date.now();

    const result = await recalculate(onRecord('9100000001'));

    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(emulator.requestLog.total()).toBeLessThanOrEqual(30);
    // the emulator answers in milliseconds; HubSpot's ~15 s budget leaves room for real latency
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
