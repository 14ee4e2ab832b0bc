/**
 * `kam serve` as the card's and settings page's backend: calls shaped as HubSpot's `hubspot.fetch`
 * sends them (POST to the permitted URL with `userId`, `portalId`, `userEmail`, `appId` in the query
 * string, signed v3 over method + URL + body + timestamp), in-process on loopback against the
 * emulator through the CLI command and the real @hubspot/api-client. Saving the model is decided by
 * the signed user id against `--admin-user-ids`; a refused call leaves the model store untouched.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import { serveCommand } from '../../../cli/commands/serve';
import type { CliIo } from '../../../cli/output';
import { FUNCTION_NAMES } from '../../../src/app/functions/contract/common';
import { createGateway } from '../../../src/engine/hubspot/gateway';
import { computeV3Signature, SIGNATURE_HEADERS } from '../../../src/engine/incremental';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { createCustomObjectModelStore } from '../../../src/engine/hubspot/model-store';
import { resolveScoringModel } from '../../../src/engine/settings/model-policy';
import type { RunningService } from '../../../src/engine/service/service';
import type { PortfolioFunctionResponse } from '../../../src/engine/portfolio';
import {
  fillPortal,
  gatewayFor,
  outputsOf,
  portalWithPortfolio,
  searchCaughtUp,
  TOKEN,
} from '../../support/portal';

const COMPANIES = 4;
const SECRET = 'serve-app-fetch-client-secret';
const PUBLIC = 'https://kam.acme-industries.com';
const ADMIN_ID = '7001';
const OTHER_ID = '7002';

let emulator: RunningEmulator;
let service: RunningService;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(async () => {
  await fillPortal(emulator, COMPANIES);
  const io: CliIo = {
    out: () => undefined,
    err: () => undefined,
    isTty: false,
    env: {
      HUBSPOT_ACCESS_TOKEN: TOKEN,
      HUBSPOT_BASE_URL: emulator.url,
      KEYSTONE_CLIENT_SECRET: SECRET,
    },
  };
  service = await serveCommand(io, {
    port: '0',
    host: '127.0.0.1',
    publicUrl: PUBLIC,
    srcDir: 'src',
    incrementalCron: 'off',
    fullCron: 'off',
    timezone: 'UTC',
    stateDir: mkdtempSync(join(tmpdir(), 'kam-serve-app-')),
    rateBudget: '150',
    adminUserIds: `${ADMIN_ID},9001`,
  });
});
afterEach(() => service.stop());
afterAll(() => emulator.close());

type Call = { userId?: string; secret?: string; timestamp?: number; signedUrl?: string };

/** What HubSpot would send for `hubspot.fetch(<PUBLIC>/hubspot/app/<operation>, { method: 'POST', body })`. */
function appCall(operation: string, body: unknown, call: Call = {}) {
  const query = new URLSearchParams({
    userId: call.userId ?? ADMIN_ID,
    userEmail: 'someone@acme-industries.com',
    portalId: '123456',
    appId: '42',
  });
  const path = `/hubspot/app/${operation}?${query.toString()}`;
  const text = JSON.stringify(body);
  const timestamp = String(call.timestamp ?? Date.now());
  const signature = computeV3Signature(
    call.secret ?? SECRET,
    'POST',
    call.signedUrl ?? `${PUBLIC}${path}`,
    text,
    timestamp,
  );
  return fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.v3]: signature,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
    },
    body: text,
  });
}

const stricter = {
  ...DEFAULT_SCORING_MODEL,
  version: 'stricter-1',
  tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 80 },
};
// what the settings page sends today; the typed key and user are not what serve goes by
const saveBody = {
  parameters: {
    model: stricter,
    note: 'stricter key tier',
    adminKey: 'typed-by-the-user',
    actingUser: { userId: '1', email: 'claimed@acme-industries.com' },
  },
};

const storedModel = () =>
  resolveScoringModel(
    createCustomObjectModelStore({ gateway: createGateway({ accessToken: TOKEN, basePath: emulator.url }) }),
  );

describe('kam serve answers hubspot.fetch calls', () => {
  test('a signed save by an admin user stores the model, recorded as saved by that user', async () => {
    const response = await appCall(FUNCTION_NAMES.saveModel, saveBody);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    const resolved = await storedModel();
    expect(resolved.source).toBe('stored');
    // the store labels the version itself; the content is what was sent
    expect({ ...resolved.model, version: stricter.version }).toEqual(stricter);
    expect(resolved.stored?.savedBy).toEqual({ userId: ADMIN_ID, email: 'someone@acme-industries.com' });

    const read = await appCall(FUNCTION_NAMES.getModel, { parameters: {} }, { userId: OTHER_ID });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      ok: true,
      active: { source: 'stored', model: { tiers: { key: 80 } } },
    });
  });

  test('the same signed save for a user not in --admin-user-ids is 403 and stores nothing', async () => {
    const response = await appCall(FUNCTION_NAMES.saveModel, saveBody, { userId: OTHER_ID });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect((await storedModel()).source).toBe('default');
    expect(
      service.metrics.get('keystone_requests_rejected_total', { endpoint: 'app', reason: 'auth.forbidden' }),
    ).toBe(1);
  });

  test.each([
    ['another secret', { secret: 'not-the-app-secret' }],
    [
      'a URL other than the public one',
      { signedUrl: 'https://evil.example.net/hubspot/app/keystone_save_model' },
    ],
    ['a stale timestamp', { timestamp: Date.now() - 6 * 60 * 1000 }],
  ])('a save signed with %s is 401 and stores nothing', async (_name, call: Call) => {
    const response = await appCall(FUNCTION_NAMES.saveModel, saveBody, call);

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'auth.bad_signature' } });
    expect((await storedModel()).source).toBe('default');
  });

  test('a rollback by a non-admin is 403 and the active model stays', async () => {
    await appCall(FUNCTION_NAMES.saveModel, saveBody);
    const before = await storedModel();

    const response = await appCall(
      FUNCTION_NAMES.rollbackModel,
      { parameters: { versionId: before.stored?.versionId } },
      { userId: OTHER_ID },
    );

    expect(response.status).toBe(403);
    expect((await storedModel()).stored?.versionId).toBe(before.stored?.versionId);
  });

  test('a signed recalculate from any user rescores the record the card is on', async () => {
    const before = await outputsOf(emulator);
    const [companyId] = Object.keys(before) as [string];
    expect(before[companyId]?.kam_tier).toBeNull();

    const response = await appCall(
      FUNCTION_NAMES.recalculateCompany,
      { parameters: {}, propertiesToSend: { hs_object_id: companyId } },
      { userId: OTHER_ID },
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      companyId,
      modelVersion: DEFAULT_SCORING_MODEL.version,
    });
    const after = await outputsOf(emulator);
    expect(after[companyId]?.kam_tier).toMatch(/^(key|important|regular)$/);
  });

  test('a signed contact edit from any user sets a person of the record, never one of another company', async () => {
    const [companyId, otherId] = Object.keys(await outputsOf(emulator)) as [string, string];
    const people = await gatewayFor(emulator).batchReadAssociations('companies', 'contacts', [
      companyId,
      otherId,
    ]);
    const own = people.get(companyId)?.[0];
    const foreign = people.get(otherId)?.find((id) => !people.get(companyId)?.includes(id));
    if (!own || !foreign) throw new Error('the generated portfolio gave these companies no contacts');
    const edit = (contactId: string) =>
      appCall(
        FUNCTION_NAMES.setContactKam,
        { parameters: { contactId, attitude: 'sponsor' }, propertiesToSend: { hs_object_id: companyId } },
        { userId: OTHER_ID },
      );

    const attitudeOf = async (contactId: string) =>
      (await gatewayFor(emulator).batchRead('contacts', [contactId], ['kam_attitude'])).records[0]?.properties
        .kam_attitude;
    const foreignBefore = await attitudeOf(foreign);

    const saved = await edit(own);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ok: true, contactId: own, contact: { attitude: 'sponsor' } });

    const refused = await edit(foreign);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'auth.not_associated' } });
    expect(await attitudeOf(own)).toBe('sponsor');
    expect(await attitudeOf(foreign)).toBe(foreignBefore);
  });

  test('a signed portfolio call from any user answers the page data from the stored kam_* values', async () => {
    const [companyId] = Object.keys(await outputsOf(emulator)) as [string];
    const scored = await appCall(
      FUNCTION_NAMES.recalculateCompany,
      { parameters: {}, propertiesToSend: { hs_object_id: companyId } },
      { userId: OTHER_ID },
    );
    expect(scored.status).toBe(200);
    const tier = (await outputsOf(emulator))[companyId]?.kam_tier as 'key' | 'important' | 'regular';
    await searchCaughtUp(emulator);

    const response = await appCall(
      FUNCTION_NAMES.portfolioAnalysis,
      { parameters: { moversSince: '2025-01-01', listLimit: 10 } },
      { userId: OTHER_ID },
    );

    expect(response.status).toBe(200);
    const answer = (await response.json()) as PortfolioFunctionResponse;
    if (!answer.ok) throw new Error(answer.error.message);
    // only the company scored above carries kam_* values; the page sees it in its tier
    expect(answer.data).toMatchObject({ v: 1, listLimit: 10, readStatus: { complete: true, read: 1 } });
    expect(answer.data.totals.companies).toBe(1);
    expect(answer.data.totals.byTier[tier]).toBe(1);
    expect(answer.data.movers.since.slice(0, 10)).toBe('2025-01-01');
  });

  test('a portfolio call with parameters outside the contract is 400 with the field named', async () => {
    const response = await appCall(FUNCTION_NAMES.portfolioAnalysis, { parameters: { listLimit: 0 } });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'input.invalid', issues: [expect.objectContaining({ path: 'listLimit' })] },
    });
  });

  test('a signed pin by an admin pins the tier; by another user it is 403 and the company is untouched', async () => {
    const before = await outputsOf(emulator);
    const [companyId, otherId] = Object.keys(before) as [string, string];
    const pin = (id: string) => ({
      parameters: {
        action: 'set',
        tier: 'key',
        reason: 'signed framework agreement',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        adminKey: 'typed-by-the-user',
        actingUser: { userId: '1', email: 'claimed@acme-industries.com' },
      },
      propertiesToSend: { hs_object_id: id },
    });

    const refused = await appCall(FUNCTION_NAMES.pinTier, pin(otherId), { userId: OTHER_ID });
    expect(refused.status).toBe(403);
    expect((await outputsOf(emulator))[otherId]).toEqual(before[otherId]);

    const pinned = await appCall(FUNCTION_NAMES.pinTier, pin(companyId));
    expect(pinned.status).toBe(200);
    expect(await pinned.json()).toMatchObject({ ok: true, companyId, tier: 'key' });
    expect((await outputsOf(emulator))[companyId]?.kam_tier).toBe('key');
  });

  test('a replayed signed request is refused; an unknown operation is 404', async () => {
    const timestamp = Date.now();
    expect((await appCall(FUNCTION_NAMES.getModel, { parameters: {} }, { timestamp })).status).toBe(200);
    expect((await appCall(FUNCTION_NAMES.getModel, { parameters: {} }, { timestamp })).status).toBe(401);
    expect((await appCall('keystone_drop_everything', {})).status).toBe(404);
  });
});
