/**
 * The account-plan store against the emulator, through the real @hubspot/api-client: versions are
 * append-only records of the `kam_account_plan` custom object, associated with their company, with
 * one current version per company and a conflict check against the version the editor started from.
 */
import { isKeystoneError } from '../../../src/engine/errors';
import { useEmulator, useEmulatorPerTest } from '../../support/emulator';
import { createGateway, type CrmGateway } from '../../../src/engine/hubspot/gateway';
import {
  PLAN_OBJECT_NAME,
  createAccountPlanStore,
  ensureAccountPlanSchema,
  type HubSpotAccountPlanStore,
} from '../../../src/engine/hubspot/account-plan-store';
import { planInput, samplePlan } from '../../support/account-plan';
import type { AccountPlan } from '../../../src/engine/core';

const TOKEN = 'plan-store-test-token';
const MANAGER = { userId: '7001', userEmail: 'kam@example.com', note: '' };

const portal = useEmulator({ token: TOKEN, rateLimit: { perTenSeconds: 100_000 } });

let gateway: CrmGateway;
let clock: Date;
let store: HubSpotAccountPlanStore;

const tick = (): Date => {
  clock = new Date(clock.getTime() + 60_000);
  return clock;
};

async function thrown(
  promise: Promise<unknown>,
): Promise<{ code: string; details: Record<string, unknown> }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isKeystoneError(error)) throw new Error(`expected a KeystoneError, got ${String(error)}`);
  return { code: error.code, details: { ...error.details } };
}

async function createCompany(name: string): Promise<string> {
  const created = await portal.client.crm.companies.basicApi.create({
    properties: { name },
    associations: [],
  });
  return created.id;
}

async function planRecordCount(): Promise<number> {
  const { objectTypeId } = await ensureAccountPlanSchema(gateway);
  const page = await portal.client.crm.objects.basicApi.getPage(objectTypeId, 100);
  return page.results.length;
}

const withTitle = (title: string): AccountPlan =>
  samplePlan({ goals: [{ ...planInput().goals[0]!, title }] });

beforeAll(() => {
  gateway = createGateway({ accessToken: TOKEN, basePath: portal.emulator.url });
});

beforeEach(() => {
  clock = new Date('2026-12-02T09:00:00.000Z');
  store = createAccountPlanStore({ gateway, now: tick });
});

describe('account plan store', () => {
  test('with nothing stored a company has no plan and reading creates nothing', async () => {
    const companyId = await createCompany('Acme');
    await expect(store.current(companyId)).resolves.toBeNull();
    await expect(store.history(companyId, 10)).resolves.toEqual([]);
    await expect(store.currentPlans()).resolves.toEqual(new Map());
    await expect(store.isAvailable()).resolves.toBe(true);
    const schemas = await portal.client.crm.schemas.coreApi.getAll();
    expect(schemas.results.map((schema) => schema.name)).not.toContain(PLAN_OBJECT_NAME);
  });

  test('ensureAccountPlanSchema creates the object, associated with companies, once', async () => {
    const first = await ensureAccountPlanSchema(gateway);
    const second = await ensureAccountPlanSchema(gateway);
    expect(first.created).toBe(true);
    expect(second).toEqual({ objectTypeId: first.objectTypeId, created: false });
    const schema = await portal.client.crm.schemas.coreApi.getById(first.objectTypeId);
    expect(schema.properties.map((property) => property.name)).toEqual(
      expect.arrayContaining([
        'company_id',
        'version',
        'plan_json',
        'saved_by_user_id',
        'saved_by_email',
        'saved_at',
        'note',
        'is_current',
        'next_review_on',
      ]),
    );
    expect(schema.associations.map((association) => association.toObjectTypeId)).toContain('0-2');
  });

  test('a first save is v1, current, associated with the company and read back as saved', async () => {
    const companyId = await createCompany('Acme');
    const saved = await store.save(companyId, samplePlan(), {
      ...MANAGER,
      note: 'first plan',
      baseVersionId: null,
    });

    expect(saved).toMatchObject({
      companyId,
      version: 'v1',
      isCurrent: true,
      note: 'first plan',
      savedBy: { userId: '7001', email: 'kam@example.com' },
      savedAt: '2026-12-02T09:01:00.000Z',
    });
    expect(saved.plan).toEqual(samplePlan());
    const current = await createAccountPlanStore({ gateway }).current(companyId);
    expect(current).toEqual({ ok: true, stored: saved });
    // it shows on the company record: HubSpot's own association read finds it
    const associations = await portal.client.crm.associations.v4.basicApi.getPage(
      'companies',
      companyId,
      'p_kam_account_plan',
    );
    expect(associations.results.map((result) => String(result.toObjectId))).toEqual([saved.versionId]);
    const record = await portal.client.crm.objects.basicApi.getById('p_kam_account_plan', saved.versionId, [
      'next_review_on',
      'company_id',
    ]);
    expect(record.properties).toMatchObject({ next_review_on: '2027-03-01', company_id: companyId });
  });

  test('a review saved from v1 becomes v2 and keeps v1 in history, not current', async () => {
    const companyId = await createCompany('Acme');
    const v1 = await store.save(companyId, withTitle('first'), { ...MANAGER, baseVersionId: null });
    const v2 = await store.save(companyId, withTitle('second'), {
      ...MANAGER,
      note: 'Q1 review',
      baseVersionId: v1.versionId,
    });

    expect(v2.version).toBe('v2');
    const history = await store.history(companyId, 10);
    expect(
      history.map(({ versionId, version, isCurrent, isValid }) => ({
        versionId,
        version,
        isCurrent,
        isValid,
      })),
    ).toEqual([
      { versionId: v2.versionId, version: 'v2', isCurrent: true, isValid: true },
      { versionId: v1.versionId, version: 'v1', isCurrent: false, isValid: true },
    ]);
    const current = await store.current(companyId);
    expect(current?.ok && current.stored.plan.goals[0]?.title).toBe('second');
    await expect(store.history(companyId, 1)).resolves.toHaveLength(1);
  });

  test('a save from a stale version is refused with plan.conflict and writes nothing', async () => {
    const companyId = await createCompany('Acme');
    const v1 = await store.save(companyId, withTitle('first'), { ...MANAGER, baseVersionId: null });
    const v2 = await store.save(companyId, withTitle('second'), { ...MANAGER, baseVersionId: v1.versionId });
    const before = await planRecordCount();

    const stale = await thrown(
      store.save(companyId, withTitle('from v1'), { ...MANAGER, baseVersionId: v1.versionId }),
    );
    expect(stale).toMatchObject({
      code: 'plan.conflict',
      details: {
        companyId,
        baseVersionId: v1.versionId,
        currentVersionId: v2.versionId,
        currentVersion: 'v2',
      },
    });
    const fresh = await thrown(store.save(companyId, withTitle('new'), { ...MANAGER, baseVersionId: null }));
    expect(fresh.code).toBe('plan.conflict');

    expect(await planRecordCount()).toBe(before);
    const current = await store.current(companyId);
    expect(current?.ok && current.stored.versionId).toBe(v2.versionId);
  });

  test('of two saves that read the same state at once, the one HubSpot created first stands', async () => {
    const companyId = await createCompany('Acme');
    const v1 = await store.save(companyId, withTitle('first'), { ...MANAGER, baseVersionId: null });
    const slowGateway = createGateway({ accessToken: TOKEN, basePath: portal.emulator.url });
    const other = createAccountPlanStore({ gateway, now: tick });
    let otherSaved = false;
    const send = slowGateway.send.bind(slowGateway);
    // the other manager's whole save lands between this save's check and its create
    jest.spyOn(slowGateway, 'send').mockImplementation(async (endpoint, call, options) => {
      if (endpoint === `POST /crm/v3/objects/${PLAN_OBJECT_NAME}` && !otherSaved) {
        otherSaved = true;
        await other.save(companyId, withTitle('other manager'), {
          userId: '7002',
          userEmail: 'other@example.com',
          note: '',
          baseVersionId: v1.versionId,
        });
      }
      return send(endpoint, call, options);
    });
    const slow = createAccountPlanStore({ gateway: slowGateway, now: tick });

    const refused = await thrown(
      slow.save(companyId, withTitle('mine'), { ...MANAGER, baseVersionId: v1.versionId }),
    );

    expect(refused).toMatchObject({ code: 'plan.conflict', details: { currentVersion: 'v2' } });
    const history = await store.history(companyId, 10);
    expect(history.map(({ version, isCurrent }) => [version, isCurrent])).toEqual([
      ['v2', true],
      ['v1', false],
    ]);
    const current = await store.current(companyId);
    expect(current?.ok && current.stored.plan.goals[0]?.title).toBe('other manager');
    expect(current?.ok && current.stored.savedBy.email).toBe('other@example.com');
  });

  test('an invalid plan is refused with plan.invalid naming every field, before any call', async () => {
    const companyId = await createCompany('Acme');
    const calls = gateway.getStats().totalCalls;
    const bad = {
      ...samplePlan(),
      ownerUserId: 'bob',
      nextReviewOn: 'next spring',
      opportunities: [{ ...samplePlan().opportunities[0]!, kind: 'win_everything' }],
    } as unknown as AccountPlan;

    const refused = await thrown(store.save(companyId, bad, { ...MANAGER, baseVersionId: null }));

    expect(refused.code).toBe('plan.invalid');
    const paths = (refused.details.issues as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['ownerUserId', 'nextReviewOn', 'opportunities.0.kind']));
    expect(gateway.getStats().totalCalls).toBe(calls);
  });

  test('a plan too long for a HubSpot property is refused as invalid, saying why, nothing written', async () => {
    const companyId = await createCompany('Acme');
    const long = 'x'.repeat(4000);
    // built past the schema, as a caller that skipped validation would send it
    const plan = {
      ...samplePlan(),
      opportunities: Array.from({ length: 20 }, (_, index) => ({
        id: `o${index}`,
        title: 'More',
        kind: 'expand_business' as const,
        effort: { time: 'low' as const, money: 'low' as const, people: 'low' as const },
        payoff: 'high' as const,
        notes: long,
      })),
    };
    const refused = await thrown(store.save(companyId, plan, { ...MANAGER, baseVersionId: null }));
    expect(refused.code).toBe('plan.invalid');
    expect(refused.details.issues).toEqual([
      {
        path: '(plan)',
        message: expect.stringMatching(/^the plan is \d+ characters as stored; HubSpot holds at most 65536/),
      },
    ]);
    expect(await planRecordCount()).toBe(0);
  });

  test('an unknown company is refused with hubspot.not_found and nothing is written', async () => {
    await ensureAccountPlanSchema(gateway);
    const refused = await thrown(store.save('987654321', samplePlan(), { ...MANAGER, baseVersionId: null }));
    expect(refused).toMatchObject({ code: 'hubspot.not_found', details: { companyId: '987654321' } });
    expect(await planRecordCount()).toBe(0);
  });

  test('plans of two companies stay apart: versions, current and conflicts are per company', async () => {
    const acme = await createCompany('Acme');
    const globex = await createCompany('Globex');
    const acme1 = await store.save(acme, withTitle('acme one'), { ...MANAGER, baseVersionId: null });
    const globex1 = await store.save(globex, withTitle('globex one'), { ...MANAGER, baseVersionId: null });
    const acme2 = await store.save(acme, withTitle('acme two'), {
      ...MANAGER,
      baseVersionId: acme1.versionId,
    });

    expect(globex1.version).toBe('v1');
    expect(acme2.version).toBe('v2');
    expect((await store.history(globex, 10)).map((version) => version.versionId)).toEqual([
      globex1.versionId,
    ]);
    const globexCurrent = await store.current(globex);
    expect(globexCurrent?.ok && globexCurrent.stored.plan.goals[0]?.title).toBe('globex one');
    const plans = await store.currentPlans();
    expect([...plans.keys()].sort()).toEqual([acme, globex].sort());
    expect(plans.get(acme)).toEqual({ ok: true, stored: acme2 });
    expect(plans.get(globex)).toEqual({ ok: true, stored: globex1 });
  });

  test('a stored version that fails the schema is reported with its fields, never used', async () => {
    const companyId = await createCompany('Acme');
    const v1 = await store.save(companyId, samplePlan(), { ...MANAGER, baseVersionId: null });
    await portal.client.crm.objects.basicApi.update('p_kam_account_plan', v1.versionId, {
      properties: { plan_json: JSON.stringify({ ...samplePlan(), goals: 'many' }) },
    });

    const current = await store.current(companyId);
    expect(current).toMatchObject({ ok: false, version: { versionId: v1.versionId, isValid: false } });
    expect(current?.ok === false && current.version.issues.map((issue) => issue.path)).toEqual(['goals']);
    // what was stored comes along, so the editor opens it rather than a blank plan
    expect(current?.ok === false && current.content).toMatchObject({
      goals: 'many',
      tactics: samplePlan().tactics,
    });
    const [listed] = await store.history(companyId, 10);
    expect(listed).toMatchObject({ isValid: false, issues: [{ path: 'goals' }] });
    expect((await store.currentPlans()).get(companyId)).toMatchObject({ ok: false });
    // the editor starts from the invalid version, so it is the base of the repair
    const repaired = await store.save(companyId, samplePlan(), { ...MANAGER, baseVersionId: v1.versionId });
    expect(repaired.version).toBe('v2');
  });

  test('a current read costs 3 calls and a review save 8 once the object type is known', async () => {
    const companyId = await createCompany('Acme');
    const v1 = await store.save(companyId, samplePlan(), { ...MANAGER, baseVersionId: null });
    const counted = createGateway({ accessToken: TOKEN, basePath: portal.emulator.url });
    const fresh = createAccountPlanStore({ gateway: counted, now: tick });
    await fresh.isAvailable();
    const afterLookup = counted.getStats().totalCalls;

    await fresh.current(companyId);
    const afterRead = counted.getStats().totalCalls;
    await fresh.save(companyId, samplePlan(), { ...MANAGER, baseVersionId: v1.versionId });

    expect(afterLookup).toBe(1);
    // the company's associations, its versions' summaries, the current version's JSON
    expect(afterRead - afterLookup).toBe(3);
    // company exists, associations + summaries, association type, create, associations + summaries again, un-current
    expect(counted.getStats().totalCalls - afterRead).toBe(8);
  });

  test('currentPlans reads 250 plan records over 3 list pages and the JSON of current versions only', async () => {
    const { objectTypeId } = await ensureAccountPlanSchema(gateway);
    const json = JSON.stringify(samplePlan());
    const record = (
      companyId: number,
      version: number,
      isCurrent: boolean,
      savedAt: string,
      planJson = json,
    ) => ({
      properties: {
        company_id: String(companyId),
        version: `v${version}`,
        plan_json: planJson,
        saved_at: savedAt,
        is_current: String(isCurrent),
        saved_by_user_id: '7001',
        saved_by_email: 'kam@example.com',
        note: '',
      },
    });
    const inputs = [
      // 100 companies with an old and a current version
      ...Array.from({ length: 100 }, (_, index) => [
        record(1000 + index, 1, false, '2026-10-01T00:00:00.000Z'),
        record(1000 + index, 2, true, '2026-11-01T00:00:00.000Z'),
      ]).flat(),
      // 48 companies with one current version
      ...Array.from({ length: 48 }, (_, index) => record(2000 + index, 1, true, '2026-11-02T00:00:00.000Z')),
      // an interrupted save left two current versions: the newer wins
      record(3000, 1, true, '2026-11-01T00:00:00.000Z', JSON.stringify({ broken: true })),
      record(3000, 2, true, '2026-11-03T00:00:00.000Z'),
    ];
    expect(inputs).toHaveLength(250);
    await gateway.batchCreate(objectTypeId, inputs);
    const reader = createGateway({ accessToken: TOKEN, basePath: portal.emulator.url });

    const plans = await createAccountPlanStore({ gateway: reader }).currentPlans();

    expect(plans.size).toBe(149);
    expect([...plans.values()].every((plan) => plan.ok)).toBe(true);
    expect(plans.get('1042')).toMatchObject({ ok: true, stored: { version: 'v2', isCurrent: true } });
    expect(plans.get('3000')).toMatchObject({ ok: true, stored: { version: 'v2' } });
    // 1 schema lookup + 3 list pages + 2 batch reads of 149 current versions
    expect(reader.getStats().calls).toEqual({
      'GET /crm/v3/schemas': 1,
      [`GET /crm/v3/objects/${objectTypeId}`]: 3,
      [`POST /crm/v3/objects/${objectTypeId}/batch/read`]: 2,
    });
  });
});

describe('account plan store on a portal without custom objects', () => {
  const start = useEmulatorPerTest();

  test('reads find no plans and a save says plans need custom objects and which scopes', async () => {
    const { emulator, client } = await start({ token: TOKEN, tier: 'professional' });
    const company = await client.crm.companies.basicApi.create({
      properties: { name: 'Acme' },
      associations: [],
    });
    const professional = createAccountPlanStore({
      gateway: createGateway({ accessToken: TOKEN, basePath: emulator.url }),
    });

    await expect(professional.current(company.id)).resolves.toBeNull();
    await expect(professional.history(company.id, 10)).resolves.toEqual([]);
    await expect(professional.currentPlans()).resolves.toEqual(new Map());
    await expect(professional.isAvailable()).resolves.toBe(false);
    const refused = await thrown(
      professional.save(company.id, samplePlan(), { ...MANAGER, baseVersionId: null }),
    );
    expect(refused.code).toBe('plan.store_unavailable');
    const error = await professional
      .save(company.id, samplePlan(), { ...MANAGER, baseVersionId: null })
      .catch((caught: Error) => caught.message);
    expect(error).toMatch(/Enterprise/);
    expect(error).toMatch(/crm\.schemas\.custom\.read\/write/);
  });
});
