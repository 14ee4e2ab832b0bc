/**
 * `keystone_get_account_plan` and `keystone_save_account_plan` end to end: `main(context)` with the
 * record id HubSpot sends in `propertiesToSend`, against the emulator through the real client. A
 * save installs what is missing, stores a version of the `kam_account_plan` object and rescores the
 * company the way Recalculate does.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { main as getPlan } from '../../../src/app/functions/handlers/get-account-plan';
import { main as savePlan, saveAccountPlan } from '../../../src/app/functions/handlers/save-account-plan';
import {
  getAccountPlanResultSchema,
  saveAccountPlanResultSchema,
} from '../../../src/app/functions/contract/plan';
import { KeystoneError } from '../../../src/engine/errors';
import { forgetInstallations } from '../../../src/engine/incremental/self-install';
import type { ModelStoreFactory } from '../../../src/engine/hubspot';
import { fillPortal, gatewayFor, outputsOf, portalWithPortfolio, TOKEN } from '../../support/portal';
import { planInput } from '../../support/account-plan';
import { useFunctionEnv } from './function-env';

const COMPANIES = 3;
const MANAGER = { userId: '7001', email: 'kam@example.com' };
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(async () => {
  forgetInstallations();
  await fillPortal(emulator, COMPANIES);
});
afterAll(() => emulator.close());

const env = useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

async function companyIds(): Promise<string[]> {
  return Object.keys(await outputsOf(emulator));
}

const onRecord = (companyId: string, parameters: Record<string, unknown> = {}) => ({
  propertiesToSend: { hs_object_id: companyId },
  parameters,
});

const saveParams = (baseVersionId: string | null, overrides: Record<string, unknown> = {}) => ({
  plan: planInput(),
  baseVersionId,
  note: '',
  actingUser: MANAGER,
  ...overrides,
});

async function saved(companyId: string, baseVersionId: string | null, title: string) {
  const result = saveAccountPlanResultSchema.parse(
    await savePlan(
      onRecord(
        companyId,
        saveParams(baseVersionId, { plan: planInput({ goals: [{ ...planInput().goals[0]!, title }] }) }),
      ),
    ),
  );
  if (!result.ok) throw new Error(`save failed: ${result.error.code} ${result.error.message}`);
  return result;
}

async function planRecords(): Promise<number> {
  const schemas = await gatewayFor(emulator).client.crm.schemas.coreApi.getAll();
  const plan = schemas.results.find((schema) => schema.name === 'kam_account_plan');
  if (!plan?.objectTypeId) return 0;
  const page = await gatewayFor(emulator).client.crm.objects.basicApi.getPage(plan.objectTypeId, 100);
  return page.results.length;
}

describe('keystone_get_account_plan', () => {
  test('a company without a plan answers no plan, no versions, store available', async () => {
    const [companyId] = await companyIds();
    const result = getAccountPlanResultSchema.parse(await getPlan(onRecord(companyId!)));
    expect(result).toEqual({
      ok: true,
      companyId,
      plan: null,
      invalidCurrent: null,
      versions: [],
      storeAvailable: true,
    });
  });
});

describe('keystone_save_account_plan', () => {
  test('the first save installs the plan object, stores v1 by the acting user and rescores the company', async () => {
    const [companyId] = await companyIds();

    const result = await saved(companyId!, null, 'Grow won revenue');

    expect(result.saved).toMatchObject({
      companyId,
      version: 'v1',
      isCurrent: true,
      savedBy: { userId: '7001', email: 'kam@example.com' },
    });
    // rescored through Recalculate's path: the generated company gets its kam_* outputs now
    expect(result.changedProperties).toEqual(expect.arrayContaining(['kam_score', 'kam_explanation']));
    expect(result.rescoreError).toBeUndefined();
    const read = getAccountPlanResultSchema.parse(await getPlan(onRecord(companyId!)));
    expect(read).toMatchObject({ ok: true, plan: result.saved, invalidCurrent: null, storeAvailable: true });
    expect(read.ok && read.versions.map((version) => version.version)).toEqual(['v1']);
  });

  test('a review from v1 becomes v2, v1 stays in history; a stale save is refused and writes nothing', async () => {
    const [companyId] = await companyIds();
    const v1 = await saved(companyId!, null, 'first');
    const v2 = await saved(companyId!, v1.saved.versionId, 'second');
    expect(v2.saved.version).toBe('v2');

    const stale = await savePlan(onRecord(companyId!, saveParams(v1.saved.versionId)));

    expect(stale).toMatchObject({ ok: false, error: { code: 'plan.conflict' } });
    expect(!stale.ok && stale.error.message).toMatch(/v2.*reload the plan/);
    expect(await planRecords()).toBe(2);
    const read = getAccountPlanResultSchema.parse(await getPlan(onRecord(companyId!, { historyLimit: 10 })));
    expect(read.ok && read.plan?.plan.goals[0]?.title).toBe('second');
    expect(read.ok && read.versions.map((version) => [version.version, version.isCurrent])).toEqual([
      ['v2', true],
      ['v1', false],
    ]);
  });

  test('an invalid plan is refused naming every field, and nothing is saved', async () => {
    const [companyId] = await companyIds();
    const result = await savePlan(
      onRecord(
        companyId!,
        saveParams(null, { plan: { ...planInput(), ownerUserId: 'bob', lastReviewedOn: 'last week' } }),
      ),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(!result.ok && result.error.issues?.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['plan.ownerUserId', 'plan.lastReviewedOn']),
    );
    expect(await planRecords()).toBe(0);
  });

  test('an unknown company is a clear not-found and nothing is saved', async () => {
    const result = await savePlan(onRecord('987654321', saveParams(null)));
    expect(result).toMatchObject({ ok: false, error: { code: 'hubspot.not_found' } });
    expect(!result.ok && result.error.message).toMatch(/company 987654321 does not exist/);
    expect(await planRecords()).toBe(0);
  });

  test('plans of two companies stay apart', async () => {
    const [first, second] = await companyIds();
    await saved(first!, null, 'first company');
    const other = await saved(second!, null, 'second company');
    expect(other.saved.version).toBe('v1');
    const read = getAccountPlanResultSchema.parse(await getPlan(onRecord(second!)));
    expect(read.ok && read.plan?.plan.goals[0]?.title).toBe('second company');
    expect(read.ok && read.versions).toHaveLength(1);
  });

  test('when rescoring fails after the save, the save stands and the answer says so', async () => {
    const [companyId] = await companyIds();
    const brokenModels: ModelStoreFactory = {
      kind: 'file',
      open: () => ({
        getActive: () => Promise.reject(new KeystoneError('hubspot.server_error', 'model store down')),
        save: () => Promise.reject(new Error('unused')),
        history: () => Promise.resolve([]),
        rollback: () => Promise.reject(new Error('unused')),
      }),
      install: () => Promise.resolve(null),
    };
    const save = saveAccountPlan({ env: process.env, modelStores: brokenModels });

    const result = saveAccountPlanResultSchema.parse(await save(onRecord(companyId!, saveParams(null))));

    expect(result).toMatchObject({
      ok: true,
      saved: { version: 'v1' },
      changedProperties: [],
      rescoreError: { code: 'hubspot.server_error' },
    });
    expect(await planRecords()).toBe(1);
    expect(env.logLines().join('\n')).toMatch(/rescoring after the save failed/);
  });
});
