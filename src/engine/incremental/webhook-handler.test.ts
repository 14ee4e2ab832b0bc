import { KeystoneError } from '../errors';
import { createMemoryReplayGuard, type ReplayGuard } from './replay-guard';
import {
  companyAssociation,
  companyChange,
  createOutcome,
  dealChange,
  FakeEngine,
  signedWebhookRequest,
  TEST_CLIENT_SECRET,
  TEST_NOW_MS,
  ticketCreated,
  WEBHOOK_URL,
} from './test-utils/fixtures';
import { handleWebhookRequest, type WebhookSummary } from './webhook-handler';
import type { SignedRequest } from './signature';

const newGuard = (): ReplayGuard => createMemoryReplayGuard({ ttlMs: 360_000, maxEntries: 100 });

async function deliver(
  request: SignedRequest,
  engine: FakeEngine,
  options: { replayGuard?: ReplayGuard; nowMs?: () => number; budgetMs?: number } = {},
) {
  let engineCreations = 0;
  const response = await handleWebhookRequest(request, {
    clientSecret: TEST_CLIENT_SECRET,
    createEngine: () => {
      engineCreations += 1;
      return engine;
    },
    replayGuard: options.replayGuard ?? newGuard(),
    nowMs: options.nowMs ?? (() => TEST_NOW_MS),
    budgetMs: options.budgetMs,
  });
  return { response, summary: JSON.parse(response.body) as WebhookSummary, engineCreations };
}

describe('handleWebhookRequest', () => {
  test('10 events on 3 companies cause exactly 3 rescores', async () => {
    const engine = new FakeEngine({ 'deal:90': ['2'], 'deal:91': ['2', '3'], 'ticket:40': ['3'] });
    const body = JSON.stringify([
      companyChange(1, 'annualrevenue'),
      companyChange(1, 'kam_strategic_fit'),
      dealChange(90, 'amount'),
      dealChange(90, 'dealstage'),
      dealChange(91, 'closedate'),
      ticketCreated(40),
      companyAssociation(3, 'TICKET', 40),
      companyChange(2, 'industry'),
      companyAssociation(1, 'DEAL', 92, true),
      dealChange(91, 'amount_in_home_currency'),
    ]);
    const { response, summary } = await deliver(signedWebhookRequest(body), engine);
    expect(response.statusCode).toBe(200);
    expect(engine.rescoreCalls.sort()).toEqual(['1', '2', '3']);
    expect(engine.resolveCalls).toHaveLength(1);
    expect(engine.resolveCalls[0]).toHaveLength(3);
    expect(summary).toMatchObject({ received: 10, companies: 3, unchanged: 3 });
  });

  test('reports written companies and what they changed', async () => {
    const engine = new FakeEngine({}, async (companyId) =>
      createOutcome({ companyId, changedProperties: ['kam_score'] }),
    );
    const { summary } = await deliver(signedWebhookRequest(JSON.stringify([companyChange(7)])), engine);
    expect(summary.written).toEqual(['7']);
  });

  describe('rejects without side effects', () => {
    const body = JSON.stringify([companyChange(1)]);
    const cases: [string, SignedRequest, number][] = [
      [
        'an unsigned request',
        { ...signedWebhookRequest(body), headers: { 'content-type': 'application/json' } },
        401,
      ],
      ['a badly signed request', signedWebhookRequest(body, { secret: 'wrong-secret' }), 401],
      ['a tampered body', { ...signedWebhookRequest(body), body: JSON.stringify([companyChange(2)]) }, 401],
      [
        'a request signed for another URL',
        { ...signedWebhookRequest(body, { uri: 'https://evil.example.com/hook' }), uri: WEBHOOK_URL },
        401,
      ],
      ['a stale request', signedWebhookRequest(body, { timestampMs: TEST_NOW_MS - 5 * 60_000 - 1 }), 401],
      ['a GET', { ...signedWebhookRequest(body), method: 'GET' }, 405],
      ['a malformed body', signedWebhookRequest('{"not":"an array"}'), 400],
      ['invalid JSON', signedWebhookRequest('[{'), 400],
      ['an event without its envelope', signedWebhookRequest(JSON.stringify([{ objectId: 1 }])), 400],
    ];
    test.each(cases)('%s', async (_label, request, statusCode) => {
      const engine = new FakeEngine();
      const { response, engineCreations } = await deliver(request, engine);
      expect(response.statusCode).toBe(statusCode);
      expect(engineCreations).toBe(0);
      expect(engine.rescoreCalls).toEqual([]);
    });
  });

  test('rejects a replayed request and lets a re-signed retry through', async () => {
    const engine = new FakeEngine();
    const replayGuard = newGuard();
    const body = JSON.stringify([companyChange(1)]);
    const original = signedWebhookRequest(body);
    expect((await deliver(original, engine, { replayGuard })).response.statusCode).toBe(200);
    expect((await deliver(original, engine, { replayGuard })).response.statusCode).toBe(409);
    // HubSpot's retry of the same events carries a new timestamp, hence a new signature
    const retry = signedWebhookRequest(body, { timestampMs: TEST_NOW_MS - 500 });
    expect((await deliver(retry, engine, { replayGuard })).response.statusCode).toBe(200);
    expect(engine.rescoreCalls).toEqual(['1', '1']);
  });

  test('answers 200 without building an engine when every event is dropped', async () => {
    const engine = new FakeEngine();
    const body = JSON.stringify([
      companyChange(1, 'kam_score'),
      companyChange(1, 'kam_tier'),
      companyChange(2, 'hs_lastmodifieddate'),
    ]);
    const { response, summary, engineCreations } = await deliver(signedWebhookRequest(body), engine);
    expect(response.statusCode).toBe(200);
    expect(engineCreations).toBe(0);
    expect(summary.dropped).toEqual({ keystone_output: 2, not_a_score_input: 1 });
  });

  test('answers 500 so HubSpot retries when a rescore hits a rate limit', async () => {
    const engine = new FakeEngine({}, async (companyId) => {
      if (companyId === '2')
        throw new KeystoneError('hubspot.rate_limited', 'batch read: 429 TEN_SECONDLY_ROLLING');
      return createOutcome({ companyId });
    });
    const { response, summary } = await deliver(
      signedWebhookRequest(JSON.stringify([companyChange(1), companyChange(2)])),
      engine,
    );
    expect(response.statusCode).toBe(500);
    expect(summary.failed).toEqual([{ companyId: '2', code: 'hubspot.rate_limited', retryable: true }]);
  });

  test('answers 200 for failures a retry cannot fix, and for deleted companies', async () => {
    const engine = new FakeEngine({}, async (companyId) => {
      if (companyId === '1') throw new KeystoneError('hubspot.not_found', 'read company 1: HTTP 404');
      throw new KeystoneError('hubspot.validation', 'update company 2: HTTP 400');
    });
    const { response, summary } = await deliver(
      signedWebhookRequest(JSON.stringify([companyChange(1), companyChange(2)])),
      engine,
    );
    expect(response.statusCode).toBe(200);
    expect(summary.notFound).toEqual(['1']);
    expect(summary.failed).toEqual([{ companyId: '2', code: 'hubspot.validation', retryable: false }]);
  });

  test('answers 500 when resolving related companies hits a transient failure', async () => {
    const engine = new FakeEngine();
    engine.resolveCompanyIds = async () => {
      throw new KeystoneError('hubspot.server_error', 'associations batch read: HTTP 502');
    };
    const { response } = await deliver(signedWebhookRequest(JSON.stringify([dealChange(9)])), engine);
    expect(response.statusCode).toBe(500);
    expect(engine.rescoreCalls).toEqual([]);
  });

  test('starts no rescore after the time budget and reports the rest as deferred', async () => {
    let clock = TEST_NOW_MS;
    const engine = new FakeEngine({}, async (companyId) => {
      clock += 4_000;
      return createOutcome({ companyId });
    });
    const body = JSON.stringify([1, 2, 3, 4, 5].map((id) => companyChange(id)));
    const { response, summary } = await deliver(signedWebhookRequest(body), engine, {
      nowMs: () => clock,
      budgetMs: 10_000,
    });
    expect(response.statusCode).toBe(200);
    expect(engine.rescoreCalls.length).toBeLessThan(5);
    expect(summary.deferred.length + engine.rescoreCalls.length).toBe(5);
  });
});
