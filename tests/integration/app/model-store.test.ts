/**
 * The scoring-model store against the emulator, through the real @hubspot/api-client: versions are
 * append-only records of the `kam_scoring_model` custom object, exactly one of them active.
 */
import { isKeystoneError } from '../../../src/engine/errors';
import { useEmulator } from '../../support/emulator';
import { createGateway, type CrmGateway } from '../../../src/engine/hubspot/gateway';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '../../../src/engine/settings';
import {
  MODEL_OBJECT_NAME,
  createCustomObjectModelStore,
  ensureModelStoreSchema,
} from '../../../src/engine/hubspot/model-store';
import { resolveScoringModel } from '../../../src/engine/settings/model-policy';
import { STORE_UNAVAILABLE, type ModelStore } from '../../../src/engine/settings/model-store';

const TOKEN = 'model-store-test-token';
const ADMIN = { userId: '7001', userEmail: 'admin@example.com' };

const portal = useEmulator({ token: TOKEN });

let gateway: CrmGateway;
let clock: Date;
let store: ModelStore;

const tick = (): Date => {
  clock = new Date(clock.getTime() + 60_000);
  return clock;
};

function withKeyThreshold(key: number): ScoringModel {
  return { ...DEFAULT_SCORING_MODEL, tiers: { ...DEFAULT_SCORING_MODEL.tiers, key } };
}

async function expectKeystoneError(
  promise: Promise<unknown>,
  code: string,
): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(isKeystoneError(error) ? error.code : error).toBe(code);
  return (error as { details: Record<string, unknown> }).details;
}

/** Writes a record straight through the API, as another tool or a hand edit in HubSpot could. */
async function writeRawVersion(properties: Record<string, string>): Promise<string> {
  const { objectTypeId } = await ensureModelStoreSchema(gateway);
  const created = await gateway.client.crm.objects.basicApi.create(objectTypeId, {
    properties,
    associations: [],
  });
  return created.id;
}

beforeAll(() => {
  gateway = createGateway({ accessToken: TOKEN, basePath: portal.emulator.url });
});

beforeEach(() => {
  clock = new Date('2026-03-02T09:00:00.000Z');
  store = createCustomObjectModelStore({ gateway, now: tick });
});

describe('model store', () => {
  test('with nothing stored the shipped defaults apply and reading creates nothing', async () => {
    await expect(store.getActive()).resolves.toBeNull();
    await expect(store.history(10)).resolves.toEqual([]);
    const resolved = await resolveScoringModel(store);
    expect(resolved).toEqual({ source: 'default', model: DEFAULT_SCORING_MODEL, stored: null });
    const schemas = await gateway.client.crm.schemas.coreApi.getAll();
    expect(schemas.results.map((schema) => schema.name)).not.toContain(MODEL_OBJECT_NAME);
  });

  test('ensureModelStoreSchema creates the custom object once and finds it afterwards', async () => {
    const first = await ensureModelStoreSchema(gateway);
    const second = await ensureModelStoreSchema(gateway);
    expect(first.created).toBe(true);
    expect(second).toEqual({ objectTypeId: first.objectTypeId, created: false });
    const schema = await gateway.client.crm.schemas.coreApi.getById(first.objectTypeId);
    expect(schema.properties.map((property) => property.name)).toEqual(
      expect.arrayContaining([
        'model_json',
        'version',
        'saved_by_user_id',
        'saved_by_email',
        'saved_at',
        'note',
        'is_active',
      ]),
    );
  });

  test('a save creates the schema if needed and becomes the active version v1', async () => {
    const saved = await store.save(withKeyThreshold(75), { ...ADMIN, note: 'stricter key tier' });

    expect(saved).toMatchObject({
      version: 'v1',
      isActive: true,
      note: 'stricter key tier',
      savedBy: { userId: '7001', email: 'admin@example.com' },
      savedAt: '2026-03-02T09:01:00.000Z',
    });
    expect(saved.model.version).toBe('v1');
    const active = await createCustomObjectModelStore({ gateway }).getActive();
    expect(active).toEqual(saved);
    expect(active?.model.tiers.key).toBe(75);
  });

  test('each save appends a version and leaves exactly one active, newest first in history', async () => {
    const v1 = await store.save(withKeyThreshold(75), { ...ADMIN, note: 'first' });
    const v2 = await store.save(withKeyThreshold(80), { ...ADMIN, note: 'second' });

    const history = await store.history(10);
    expect(
      history.map(({ versionId, version, isActive, isValid }) => ({ versionId, version, isActive, isValid })),
    ).toEqual([
      { versionId: v2.versionId, version: 'v2', isActive: true, isValid: true },
      { versionId: v1.versionId, version: 'v1', isActive: false, isValid: true },
    ]);
    expect((await store.getActive())?.model.tiers.key).toBe(80);
    expect(await store.history(1)).toHaveLength(1);
  });

  test('a rollback re-activates an old model by saving a copy, keeping history append-only', async () => {
    const v1 = await store.save(withKeyThreshold(75), { ...ADMIN, note: 'first' });
    await store.save(withKeyThreshold(80), { ...ADMIN, note: 'second' });

    const restored = await store.rollback(v1.versionId, { userId: '7002', userEmail: 'other@example.com' });

    expect(restored).toMatchObject({ version: 'v3', note: 'Rollback to v1', savedBy: { userId: '7002' } });
    expect(restored.versionId).not.toBe(v1.versionId);
    expect(restored.model).toEqual({ ...v1.model, version: 'v3' });
    const history = await store.history(10);
    expect(history.map((version) => [version.version, version.isActive])).toEqual([
      ['v3', true],
      ['v2', false],
      ['v1', false],
    ]);
  });

  test('an invalid model is refused with field paths and nothing is written', async () => {
    const invalid = {
      ...DEFAULT_SCORING_MODEL,
      tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 40, important: 45, hysteresis: 5 },
    };
    const details = await expectKeystoneError(
      store.save(invalid, { ...ADMIN, note: '' }),
      'settings.invalid',
    );
    expect(details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'tiers.key' })]));
    await expect(store.history(10)).resolves.toEqual([]);
  });

  test('a corrupt active version is reported with its field paths, listed as invalid, and never used', async () => {
    const corruptId = await writeRawVersion({
      model_json: JSON.stringify({ ...DEFAULT_SCORING_MODEL, weights: { attractiveness: {}, strength: {} } }),
      version: 'v1',
      saved_by_user_id: '1',
      saved_by_email: 'someone@example.com',
      saved_at: '2026-03-01T00:00:00.000Z',
      note: 'edited by hand',
      is_active: 'true',
    });

    const details = await expectKeystoneError(store.getActive(), 'settings.stored_model_invalid');
    expect(details.versionId).toBe(corruptId);
    expect(details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'weights.attractiveness.revenue' })]),
    );
    const [listed] = await store.history(10);
    expect(listed).toMatchObject({ versionId: corruptId, isValid: false, isActive: true });
    await expectKeystoneError(store.rollback(corruptId, ADMIN), 'settings.stored_model_invalid');
  });

  test('JSON that does not parse is reported at model_json', async () => {
    await writeRawVersion({
      model_json: '{"version": ',
      version: 'v1',
      saved_at: '2026-03-01T00:00:00.000Z',
      is_active: 'true',
    });
    const details = await expectKeystoneError(store.getActive(), 'settings.stored_model_invalid');
    expect(details.issues).toEqual([{ path: 'model_json', message: 'is not valid JSON' }]);
  });

  test('a save fixes a corrupt active version by becoming the only active one', async () => {
    await writeRawVersion({
      model_json: 'not json',
      version: 'v1',
      saved_at: '2026-03-01T00:00:00.000Z',
      is_active: 'true',
    });

    const saved = await store.save(DEFAULT_SCORING_MODEL, { ...ADMIN, note: 'repair' });

    expect(saved.version).toBe('v2');
    await expect(store.getActive()).resolves.toEqual(saved);
    expect((await store.history(10)).filter((version) => version.isActive)).toHaveLength(1);
  });

  test('after an interrupted save leaves two active versions, the newest wins', async () => {
    const saved = await store.save(withKeyThreshold(75), { ...ADMIN, note: 'complete save' });
    await writeRawVersion({
      model_json: JSON.stringify({ ...withKeyThreshold(85), version: 'v2' }),
      version: 'v2',
      saved_at: '2026-03-02T10:00:00.000Z',
      is_active: 'true',
    });

    const active = await store.getActive();
    expect(active?.version).toBe('v2');
    expect(active?.model.tiers.key).toBe(85);
    expect(saved.isActive).toBe(true);
  });

  test('rolling back to a version that does not exist is reported', async () => {
    await store.save(DEFAULT_SCORING_MODEL, { ...ADMIN, note: '' });
    await expectKeystoneError(store.rollback('999999', ADMIN), 'settings.version_not_found');
  });
});

describe('model store on a Professional portal (no custom objects)', () => {
  const professional = useEmulator({ token: TOKEN, tier: 'professional' });
  let professionalStore: ModelStore;
  beforeAll(() => {
    professionalStore = createCustomObjectModelStore({
      gateway: createGateway({ accessToken: TOKEN, basePath: professional.emulator.url }),
      now: tick,
    });
  });

  test('reads find no stored model, so scoring uses the shipped defaults', async () => {
    await expect(professionalStore.getActive()).resolves.toBeNull();
    await expect(professionalStore.history(10)).resolves.toEqual([]);
    await expect(resolveScoringModel(professionalStore)).resolves.toMatchObject({ source: 'default' });
  });

  test('a save, a rollback and kam setup’s schema step say what to do instead of a bare 403', async () => {
    const gatewayOfPortal = createGateway({ accessToken: TOKEN, basePath: professional.emulator.url });
    const attempts = [
      () =>
        createCustomObjectModelStore({ gateway: gatewayOfPortal, now: tick }).save(DEFAULT_SCORING_MODEL, {
          ...ADMIN,
          note: 'first',
        }),
      () => createCustomObjectModelStore({ gateway: gatewayOfPortal, now: tick }).rollback('1', ADMIN),
      () => ensureModelStoreSchema(gatewayOfPortal),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(isKeystoneError(error) && error.code).toBe(STORE_UNAVAILABLE);
      expect((error as Error).message).toMatch(
        /403.*Enterprise subscription.*crm\.schemas\.custom\.read\/write/,
      );
      expect((error as { details: Record<string, unknown> }).details).toMatchObject({ status: 403 });
    }
  });
});
