/**
 * The settings page's functions end to end: `main(context)` of each handler, against the emulator,
 * through the real @hubspot/api-client, configured only through the environment HubSpot provides.
 */
import { useEmulator } from '../../support/emulator';
import { main as getModel } from '../../../src/app/functions/handlers/get-model';
import { main as rollbackModel } from '../../../src/app/functions/handlers/rollback-model';
import { main as saveModel } from '../../../src/app/functions/handlers/save-model';
import { createGateway } from '../../../src/engine/hubspot/gateway';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { ensureModelStoreSchema } from '../../../src/engine/hubspot/model-store';
import { ADMIN_KEY, useFunctionEnv } from './function-env';

const TOKEN = 'model-functions-token';
const ADMIN = { userId: '7001', email: 'admin@example.com' };
const harness = useEmulator({ token: TOKEN });

const { logLines } = useFunctionEnv(() => ({
  PRIVATE_APP_ACCESS_TOKEN: TOKEN,
  HUBSPOT_BASE_URL: harness.emulator.url,
  KEYSTONE_ADMIN_KEY: ADMIN_KEY,
}));

const stricter = { ...DEFAULT_SCORING_MODEL, tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 80 } };
const save = (parameters: Record<string, unknown>) =>
  saveModel({
    parameters: {
      model: stricter,
      note: 'stricter key tier',
      adminKey: ADMIN_KEY,
      actingUser: ADMIN,
      ...parameters,
    },
  });

describe('keystone_get_model', () => {
  test('answers the shipped defaults, no history and no problems in a fresh portal', async () => {
    await expect(getModel({ parameters: {} })).resolves.toEqual({
      ok: true,
      active: { model: DEFAULT_SCORING_MODEL, source: 'default', version: null },
      history: [],
      problems: [],
    });
  });

  test('refuses parameters outside the contract with their field path', async () => {
    const result = await getModel({ parameters: { historyLimit: 500 } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'input.invalid', issues: [{ path: 'historyLimit' }] },
    });
  });

  test('answers a clear error, not an exception, without a token', async () => {
    delete process.env.PRIVATE_APP_ACCESS_TOKEN;
    await expect(getModel({ parameters: {} })).resolves.toMatchObject({
      ok: false,
      error: { code: 'auth.missing_token' },
    });
  });

  test('opens from the defaults and reports the active version when it fails validation', async () => {
    const gateway = createGateway({ accessToken: TOKEN, basePath: harness.emulator.url });
    const { objectTypeId } = await ensureModelStoreSchema(gateway);
    const broken = await gateway.client.crm.objects.basicApi.create(objectTypeId, {
      properties: {
        model_json: '{"version":"v1"}',
        version: 'v1',
        saved_at: '2026-03-01T00:00:00.000Z',
        is_active: 'true',
      },
      associations: [],
    });
    const result = await getModel({ parameters: {} });
    expect(result).toMatchObject({
      ok: true,
      active: { source: 'default', version: null },
      history: [{ versionId: broken.id, isActive: true, isValid: false }],
      problems: [
        {
          versionId: broken.id,
          issues: expect.arrayContaining([expect.objectContaining({ path: 'homeCurrency' })]),
        },
      ],
    });
  });
});

describe('keystone_save_model', () => {
  test('stores a valid model as the active version and get-model then answers it', async () => {
    const saved = await save({});
    expect(saved).toMatchObject({
      ok: true,
      version: { version: 'v1', isActive: true, isValid: true, note: 'stricter key tier', savedBy: ADMIN },
    });
    const loaded = await getModel({ parameters: {} });
    expect(loaded).toMatchObject({
      ok: true,
      active: { source: 'stored', model: { ...stricter, version: 'v1' } },
    });
  });

  test('refuses a wrong admin key, logs the refusal and stores nothing', async () => {
    await expect(save({ adminKey: 'not-the-key' })).resolves.toEqual({
      ok: false,
      error: { code: 'auth.forbidden', message: 'the Keystone admin key is not correct' },
    });
    expect(logLines().map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'keystone_save_model failed',
        code: 'auth.forbidden',
      }),
    ]);
    await expect(getModel({ parameters: {} })).resolves.toMatchObject({ history: [] });
  });

  test('refuses to save at all while the admin key secret is not set', async () => {
    delete process.env.KEYSTONE_ADMIN_KEY;
    await expect(save({})).resolves.toMatchObject({ ok: false, error: { code: 'auth.not_configured' } });
  });

  test('refuses a model that fails the schema, naming the field paths', async () => {
    const invalid = { ...DEFAULT_SCORING_MODEL, homeCurrency: 'euro' };
    await expect(save({ model: invalid })).resolves.toMatchObject({
      ok: false,
      error: { code: 'settings.invalid', issues: [{ path: 'homeCurrency' }] },
    });
  });

  test('refuses a missing admin key as invalid input before any HubSpot call', async () => {
    harness.emulator.requestLog.clear();
    await expect(save({ adminKey: '' })).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'input.invalid',
        issues: [{ path: 'adminKey', message: 'enter the Keystone admin key' }],
      },
    });
    expect(harness.emulator.requestLog.total()).toBe(0);
  });

  test('with an allow-list, refuses a user not on it even with the right key', async () => {
    process.env.KEYSTONE_ADMIN_USER_IDS = '7002, 7003';
    await expect(save({})).resolves.toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    process.env.KEYSTONE_ADMIN_USER_IDS = '*';
    await expect(save({})).resolves.toMatchObject({ ok: true });
  });
});

describe('keystone_rollback_model', () => {
  test('re-activates an old version as a new one', async () => {
    const first = await save({});
    await save({ model: DEFAULT_SCORING_MODEL, note: 'back to defaults' });
    if (!first.ok) throw new Error('first save failed');

    const result = await rollbackModel({
      parameters: { versionId: first.version.versionId, adminKey: ADMIN_KEY, actingUser: ADMIN },
    });

    expect(result).toMatchObject({
      ok: true,
      version: { version: 'v3', note: 'Rollback to v1', isActive: true },
    });
    await expect(getModel({ parameters: {} })).resolves.toMatchObject({
      active: { model: { tiers: { key: 80 } } },
      history: [{ version: 'v3' }, { version: 'v2' }, { version: 'v1' }],
    });
  });

  test('needs the admin key too', async () => {
    const first = await save({});
    if (!first.ok) throw new Error('first save failed');
    await expect(
      rollbackModel({
        parameters: { versionId: first.version.versionId, adminKey: 'guess', actingUser: ADMIN },
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  test('reports a version that does not exist', async () => {
    await save({});
    await expect(
      rollbackModel({ parameters: { versionId: '999999', adminKey: ADMIN_KEY, actingUser: ADMIN } }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'settings.version_not_found' } });
  });
});
