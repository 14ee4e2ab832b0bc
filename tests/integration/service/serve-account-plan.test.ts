/**
 * `kam serve` as the card's backend for account plans: a signed `hubspot.fetch` call saves a plan
 * for any user of the card (not only Keystone admins), recorded as saved by the signed user
 * whatever the page claimed, and the plan reads back through the same transport.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import { serveCommand } from '../../../cli/commands/serve';
import type { CliIo } from '../../../cli/output';
import { FUNCTION_NAMES } from '../../../src/app/functions/contract/common';
import {
  getAccountPlanResultSchema,
  saveAccountPlanResultSchema,
} from '../../../src/app/functions/contract/plan';
import { computeV3Signature, SIGNATURE_HEADERS } from '../../../src/engine/incremental';
import type { RunningService } from '../../../src/engine/service/service';
import { planInput } from '../../support/account-plan';
import { outputsOf, portalWithPortfolio, TOKEN } from '../../support/portal';

const SECRET = 'serve-account-plan-client-secret';
const PUBLIC = 'https://kam.acme-industries.com';
const ADMIN_ID = '7001';
const MANAGER_ID = '7002';

let emulator: RunningEmulator;
let service: RunningService;

beforeAll(async () => {
  emulator = await portalWithPortfolio(2);
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
    stateDir: mkdtempSync(join(tmpdir(), 'kam-serve-plan-')),
    rateBudget: '150',
    adminUserIds: ADMIN_ID,
  });
});
afterAll(async () => {
  await service.stop();
  await emulator.close();
});

/** What HubSpot sends for `hubspot.fetch(<PUBLIC>/hubspot/app/<operation>, { method: 'POST', body })`. */
async function appCall(operation: string, body: unknown, userId: string): Promise<unknown> {
  const query = new URLSearchParams({
    userId,
    userEmail: 'manager@acme-industries.com',
    portalId: '123456',
    appId: '42',
  });
  const path = `/hubspot/app/${operation}?${query.toString()}`;
  const text = JSON.stringify(body);
  const timestamp = String(Date.now());
  const response = await fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.v3]: computeV3Signature(SECRET, 'POST', `${PUBLIC}${path}`, text, timestamp),
      [SIGNATURE_HEADERS.timestamp]: timestamp,
    },
    body: text,
  });
  expect(response.status).toBe(200);
  return response.json();
}

test('a manager who is not an admin saves a plan over kam serve, recorded as the signed user', async () => {
  const [companyId] = Object.keys(await outputsOf(emulator));
  const record = { propertiesToSend: { hs_object_id: companyId } };

  const saved = saveAccountPlanResultSchema.parse(
    await appCall(
      FUNCTION_NAMES.saveAccountPlan,
      {
        ...record,
        parameters: {
          plan: planInput(),
          baseVersionId: null,
          note: 'kick-off',
          actingUser: { userId: '1', email: 'claimed@acme-industries.com' },
        },
      },
      MANAGER_ID,
    ),
  );

  expect(saved).toMatchObject({
    ok: true,
    companyId,
    saved: {
      version: 'v1',
      note: 'kick-off',
      savedBy: { userId: MANAGER_ID, email: 'manager@acme-industries.com' },
    },
  });
  const read = getAccountPlanResultSchema.parse(
    await appCall(FUNCTION_NAMES.getAccountPlan, { ...record, parameters: {} }, MANAGER_ID),
  );
  expect(read).toMatchObject({ ok: true, storeAvailable: true, plan: { version: 'v1' } });
  expect(read.ok && saved.ok && read.plan).toEqual(saved.ok && saved.saved);
});
