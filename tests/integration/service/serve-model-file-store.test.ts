/**
 * `kam serve --model-store file` on a portal without custom objects (Professional): the settings
 * page's save, read, history and rollback over signed `hubspot.fetch` calls keep their versions in
 * a JSON file under serve's state directory, versioned as the custom object is, and the card's
 * recalculate and serve's own runs score with the active version. Bad input is refused and leaves
 * the file byte for byte as it was. In-process on loopback against the emulator, through the CLI
 * command and the real @hubspot/api-client.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import { serveCommand } from '../../../cli/commands/serve';
import type { CliIo } from '../../../cli/output';
import { FUNCTION_NAMES } from '../../../src/app/functions/contract/common';
import { computeV3Signature, SIGNATURE_HEADERS } from '../../../src/engine/incremental';
import { MODEL_STORE_FILE } from '../../../src/engine/service/file-model-store';
import type { RunResult } from '../../../src/engine/service/portfolio-runner';
import type { RunningService } from '../../../src/engine/service/service';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { fillPortal, outputsOf, portalWithPortfolio, TOKEN } from '../../support/portal';

const COMPANIES = 4;
const SECRET = 'serve-file-store-client-secret';
const PUBLIC = 'https://kam.acme-industries.com';
const ADMIN_ID = '7001';
const OTHER_ID = '7002';

let emulator: RunningEmulator;
let service: RunningService;
let storeFile: string;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES, 11, { tier: 'professional' });
});
beforeEach(async () => {
  await fillPortal(emulator, COMPANIES);
  const stateDir = mkdtempSync(join(tmpdir(), 'kam-serve-models-'));
  storeFile = join(stateDir, MODEL_STORE_FILE);
  const io: CliIo = {
    out: () => undefined,
    err: () => undefined,
    isTty: false,
    env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url, KEYSTONE_CLIENT_SECRET: SECRET },
  };
  service = await serveCommand(io, {
    port: '0',
    host: '127.0.0.1',
    publicUrl: PUBLIC,
    srcDir: 'src',
    incrementalCron: 'off',
    fullCron: 'off',
    timezone: 'UTC',
    stateDir,
    rateBudget: '150',
    adminUserIds: ADMIN_ID,
    modelStore: 'file',
  });
});
afterEach(() => service.stop());
afterAll(() => emulator.close());

let sequence = 0;

/** What HubSpot sends for `hubspot.fetch(<PUBLIC>/hubspot/app/<operation>, { method: 'POST', body })`. */
async function appCall(
  operation: string,
  parameters: unknown,
  options: { userId?: string; propertiesToSend?: Record<string, unknown> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const query = new URLSearchParams({
    userId: options.userId ?? ADMIN_ID,
    userEmail: 'admin@acme-industries.com',
    portalId: '123456',
    appId: '42',
  });
  const path = `/hubspot/app/${operation}?${query.toString()}`;
  const text = JSON.stringify({ parameters, propertiesToSend: options.propertiesToSend });
  // a distinct timestamp per call: the replay guard refuses a signature it has answered
  const timestamp = String(Date.now() - (sequence += 1));
  const response = await fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.v3]: computeV3Signature(SECRET, 'POST', `${PUBLIC}${path}`, text, timestamp),
      [SIGNATURE_HEADERS.timestamp]: timestamp,
    },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const withKey = (key: number) => ({
  ...DEFAULT_SCORING_MODEL,
  version: 'draft',
  tiers: { ...DEFAULT_SCORING_MODEL.tiers, key },
});
const save = (key: number, note: string, userId = ADMIN_ID) =>
  appCall(FUNCTION_NAMES.saveModel, { model: withKey(key), note }, { userId });
const readModel = () => appCall(FUNCTION_NAMES.getModel, { historyLimit: 10 }, { userId: OTHER_ID });

type Version = { versionId: string; version: string; isActive: boolean; note: string };
const historyOf = async (): Promise<Version[]> => (await readModel()).body.history as Version[];

describe('kam serve with the file model store, on a portal without custom objects', () => {
  test('a save is read back, versioned, and serve scores with it', async () => {
    expect((await readModel()).body).toMatchObject({
      ok: true,
      active: { source: 'default', version: null },
    });

    const saved = await save(80, 'stricter key tier');
    expect(saved).toMatchObject({
      status: 200,
      body: { ok: true, version: { version: 'v1', isActive: true } },
    });
    expect(existsSync(storeFile)).toBe(true);

    expect((await readModel()).body).toMatchObject({
      ok: true,
      active: {
        source: 'stored',
        model: { version: 'v1', tiers: { key: 80 } },
        version: { version: 'v1', savedBy: { userId: ADMIN_ID, email: 'admin@acme-industries.com' } },
      },
    });

    const [companyId] = Object.keys(await outputsOf(emulator)) as [string];
    const recalculated = await appCall(
      FUNCTION_NAMES.recalculateCompany,
      {},
      {
        userId: OTHER_ID,
        propertiesToSend: { hs_object_id: companyId },
      },
    );
    expect(recalculated).toMatchObject({ status: 200, body: { ok: true, companyId, modelVersion: 'v1' } });
    expect((await outputsOf(emulator))[companyId]?.kam_model_version).toBe('v1');

    const run = (await service.runner.request('full', 'test')) as RunResult;
    expect(run).toMatchObject({ outcome: 'succeeded', summary: { modelVersion: 'v1' } });
  });

  test('a rollback saves a copy of the old version, and every version is kept', async () => {
    await save(80, 'stricter key tier');
    await save(60, 'looser key tier');
    const [looser, stricter] = await historyOf();
    expect([looser?.version, stricter?.version]).toEqual(['v2', 'v1']);

    const rolledBack = await appCall(FUNCTION_NAMES.rollbackModel, { versionId: stricter?.versionId });
    expect(rolledBack).toMatchObject({
      status: 200,
      body: { ok: true, version: { version: 'v3', note: 'Rollback to v1', isActive: true } },
    });
    expect((await readModel()).body).toMatchObject({
      active: { model: { version: 'v3', tiers: { key: 80 } } },
    });
    expect((await historyOf()).map((version) => [version.version, version.isActive])).toEqual([
      ['v3', true],
      ['v2', false],
      ['v1', false],
    ]);
  });

  test('bad input is refused and the file stays byte for byte as it was', async () => {
    await save(80, 'stricter key tier');
    const before = readFileSync(storeFile, 'utf8');

    const invalid = await appCall(FUNCTION_NAMES.saveModel, {
      model: { ...withKey(80), tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 20, important: 40 } },
      note: 'key below important',
    });
    expect(invalid).toMatchObject({ status: 400, body: { ok: false, error: { code: 'settings.invalid' } } });
    const unknown = await appCall(FUNCTION_NAMES.rollbackModel, { versionId: '999' });
    expect(unknown).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'settings.version_not_found' } },
    });
    const notAdmin = await save(50, 'not an admin', OTHER_ID);
    expect(notAdmin).toMatchObject({ status: 403, body: { ok: false, error: { code: 'auth.forbidden' } } });

    expect(readFileSync(storeFile, 'utf8')).toBe(before);
    expect((await historyOf()).map((version) => version.version)).toEqual(['v1']);
  });

  test('a damaged file stops scoring with its reason instead of falling back to the defaults', async () => {
    expect((await save(80, 'stricter key tier')).status).toBe(200);
    writeFileSync(storeFile, '{"format": "keystone-scoring-models", "formatVersion": 1, "versions": [');
    const before = await outputsOf(emulator);
    const [companyId] = Object.keys(before) as [string];

    const recalculated = await appCall(
      FUNCTION_NAMES.recalculateCompany,
      {},
      {
        propertiesToSend: { hs_object_id: companyId },
      },
    );
    expect(recalculated).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'settings.store_unavailable' } },
    });
    expect(await outputsOf(emulator)).toEqual(before);
  });
});
