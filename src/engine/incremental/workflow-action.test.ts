import { KeystoneError } from '../errors';
import { createMemoryReplayGuard, type ReplayGuard } from './replay-guard';
import {
  createActionBody,
  createOutcome,
  FakeEngine,
  signedActionRequest,
  TEST_CLIENT_SECRET,
  TEST_NOW_MS,
} from './test-utils/fixtures';
import type { SignedRequest } from './signature';
import { handleWorkflowActionRequest } from './workflow-action';

const newGuard = (): ReplayGuard => createMemoryReplayGuard({ ttlMs: 360_000, maxEntries: 100 });

async function execute(request: SignedRequest, engine: FakeEngine, replayGuard: ReplayGuard = newGuard()) {
  const response = await handleWorkflowActionRequest(request, {
    clientSecret: TEST_CLIENT_SECRET,
    createEngine: () => engine,
    replayGuard,
    nowMs: () => TEST_NOW_MS,
  });
  return { response, body: JSON.parse(response.body) as Record<string, unknown> };
}

const body = JSON.stringify(createActionBody());

describe('handleWorkflowActionRequest', () => {
  test('rescores the enrolled company and returns tier, score and risk as output fields', async () => {
    const engine = new FakeEngine({}, async (companyId) =>
      createOutcome({
        companyId,
        tier: 'important',
        score: 61,
        riskLevel: 'at_risk',
        changedProperties: ['kam_tier'],
      }),
    );
    const { response, body: answer } = await execute(signedActionRequest(body), engine);
    expect(response.statusCode).toBe(200);
    expect(engine.rescoreCalls).toEqual(['501']);
    expect(answer).toEqual({
      outputFields: {
        kam_tier: 'important',
        kam_score: 61,
        kam_risk_level: 'at_risk',
        hs_execution_state: 'SUCCESS',
      },
    });
  });

  test('accepts a request signed with v2 only', async () => {
    const { response } = await execute(signedActionRequest(body, { v2Only: true }), new FakeEngine());
    expect(response.statusCode).toBe(200);
  });

  test('omits output fields the engine could not determine', async () => {
    const engine = new FakeEngine({}, async (companyId) =>
      createOutcome({ companyId, score: null, tier: null, riskLevel: null }),
    );
    const { body: answer } = await execute(signedActionRequest(body), engine);
    expect(answer).toEqual({ outputFields: { hs_execution_state: 'SUCCESS' } });
  });

  describe('rejects without side effects', () => {
    const unsigned = signedActionRequest(body);
    const cases: [string, SignedRequest, number][] = [
      ['an unsigned request', { ...unsigned, headers: {} }, 401],
      ['a wrong secret', signedActionRequest(body, { secret: 'nope' }), 401],
      [
        'a tampered body',
        { ...signedActionRequest(body, { v2Only: true }), body: body.replace('501', '502') },
        401,
      ],
      [
        'a changed URI',
        { ...signedActionRequest(body, { v2Only: true }), uri: 'https://keystone.example.com/other' },
        401,
      ],
      ['a stale v3 timestamp', signedActionRequest(body, { timestampMs: TEST_NOW_MS - 400_000 }), 401],
      ['a GET', { ...unsigned, method: 'GET' }, 405],
      ['invalid JSON', signedActionRequest('{"callbackId":'), 400],
      ['a missing object', signedActionRequest(JSON.stringify(createActionBody({ object: undefined }))), 400],
      [
        'a missing callbackId',
        signedActionRequest(JSON.stringify(createActionBody({ callbackId: '' }))),
        400,
      ],
      [
        'a contact',
        signedActionRequest(
          JSON.stringify(createActionBody({ object: { objectId: 5, objectType: 'CONTACT' } })),
        ),
        400,
      ],
    ];
    test.each(cases)('%s', async (_label, request, statusCode) => {
      const engine = new FakeEngine();
      const { response } = await execute(request, engine);
      expect(response.statusCode).toBe(statusCode);
      expect(engine.rescoreCalls).toEqual([]);
    });
  });

  test('rejects an identical v3-signed request replayed while the instance is warm', async () => {
    const engine = new FakeEngine();
    const guard = newGuard();
    const request = signedActionRequest(body);
    expect((await execute(request, engine, guard)).response.statusCode).toBe(200);
    expect((await execute(request, engine, guard)).response.statusCode).toBe(409);
    expect(engine.rescoreCalls).toHaveLength(1);
  });

  test('lets HubSpot’s v2-only retries through (their signature repeats by design)', async () => {
    const engine = new FakeEngine();
    const guard = newGuard();
    const request = signedActionRequest(body, { v2Only: true });
    await execute(request, engine, guard);
    expect((await execute(request, engine, guard)).response.statusCode).toBe(200);
  });

  test('answers 503 on a transient failure so HubSpot retries', async () => {
    const engine = new FakeEngine({}, async () => {
      throw new KeystoneError('hubspot.network', 'read company 501: network error');
    });
    expect((await execute(signedActionRequest(body), engine)).response.statusCode).toBe(503);
  });

  test('lets the workflow continue (FAIL_CONTINUE) when the company is gone', async () => {
    const engine = new FakeEngine({}, async () => {
      throw new KeystoneError('hubspot.not_found', 'read company 501: HTTP 404');
    });
    const { response, body: answer } = await execute(signedActionRequest(body), engine);
    expect(response.statusCode).toBe(200);
    expect(answer).toEqual({ outputFields: { hs_execution_state: 'FAIL_CONTINUE' } });
  });
});
