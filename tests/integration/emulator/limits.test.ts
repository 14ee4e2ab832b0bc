import { failureOf, rawRequest, TOKEN, useEmulatorPerTest } from '../../support/emulator';
import { Client } from '@hubspot/api-client';

// Each test starts its own emulator: the limits under test are options of startEmulator.
const start = useEmulatorPerTest();

describe('emulator: authentication', () => {
  test('a request without a bearer token is a 401 INVALID_AUTHENTICATION', async () => {
    const { emulator } = await start({});
    const response = await rawRequest(`${emulator.url}/crm/v3/objects/companies`, { token: null });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  test('with a configured token, another bearer is a 401 and the configured one passes', async () => {
    const { emulator } = await start({ token: 'the-one' });
    expect(
      (await rawRequest(`${emulator.url}/crm/v3/objects/companies`, { token: 'test-token' })).status,
    ).toBe(401);
    expect((await rawRequest(`${emulator.url}/crm/v3/objects/companies`, { token: 'the-one' })).status).toBe(
      200,
    );
  });
});

describe('emulator: rate limits', () => {
  test('past the ten-second limit comes a 429 TEN_SECONDLY_ROLLING with the X-HubSpot-RateLimit headers', async () => {
    const { client } = await start({ rateLimit: { perTenSeconds: 5, daily: 1_000 }, now: () => 5_000 });
    const first = await client.crm.companies.basicApi.getPageWithHttpInfo(1);
    expect(first.headers).toMatchObject({
      'x-hubspot-ratelimit-max': '5',
      'x-hubspot-ratelimit-remaining': '4',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-daily': '1000',
      'x-hubspot-ratelimit-daily-remaining': '999',
    });
    for (let index = 0; index < 4; index++) await client.crm.companies.basicApi.getPage(1);
    const failure = await failureOf(client.crm.companies.basicApi.getPage(1));
    expect(failure.code).toBe(429);
    // The fields @hubspot/api-client's RetryDecorator reads: e.code and e.body.policyName.
    expect(failure.body).toMatchObject({
      status: 'error',
      category: 'RATE_LIMITS',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
    expect(failure.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the window rolls: requests are accepted again once the oldest leave the last 10 s', async () => {
    let clock = 1_000_000;
    const { client } = await start({ rateLimit: { perTenSeconds: 2 }, now: () => clock });
    await client.crm.companies.basicApi.getPage(1);
    clock += 6_000;
    await client.crm.companies.basicApi.getPage(1);
    expect((await failureOf(client.crm.companies.basicApi.getPage(1))).code).toBe(429);
    clock += 4_001;
    await expect(client.crm.companies.basicApi.getPage(1)).resolves.toBeDefined();
  });

  test('search has its own per-second limit, answered with the SECONDLY policy the client retries on', async () => {
    // A pinned clock: on a busy machine three real calls may not fall in one second.
    const { client } = await start({ searchPerSecond: 2, now: () => 5_000 });
    await client.crm.companies.searchApi.doSearch({ limit: 1 });
    await client.crm.companies.searchApi.doSearch({ limit: 1 });
    const failure = await failureOf(client.crm.companies.searchApi.doSearch({ limit: 1 }));
    expect(failure.code).toBe(429);
    expect(failure.body).toMatchObject({
      policyName: 'SECONDLY',
      message: 'You have reached your secondly limit.',
    });
    // Other endpoints are not held back by the search limit.
    await expect(client.crm.companies.basicApi.getPage(1)).resolves.toBeDefined();
  });

  test('the daily quota answers 429 DAILY once used up', async () => {
    const { client } = await start({ rateLimit: { daily: 2 } });
    await client.crm.companies.basicApi.getPage(1);
    await client.crm.companies.basicApi.getPage(1);
    const failure = await failureOf(client.crm.companies.basicApi.getPage(1));
    expect(failure.code).toBe(429);
    expect(failure.body.policyName).toBe('DAILY');
  });
});

describe('emulator: knobs', () => {
  test('injected faults are deterministic for a seed and reset replays them', async () => {
    const { emulator, client } = await start({ seed: 42, faults: { rate429: 0.2, rate5xx: 0.2 } });
    const outcomes = async () => {
      const codes: number[] = [];
      for (let index = 0; index < 30; index++) {
        codes.push(
          await client.crm.companies.basicApi.getPage(1).then(
            () => 200,
            (error: { code: number }) => error.code,
          ),
        );
      }
      return codes;
    };
    const first = await outcomes();
    emulator.reset();
    const second = await outcomes();
    expect(second).toEqual(first);
    expect(first.filter((code) => code === 429).length).toBeGreaterThan(0);
    expect(first.filter((code) => code >= 500).length).toBeGreaterThan(0);
    emulator.setFaults({ rate429: 0, rate5xx: 0 });
    await expect(client.crm.companies.basicApi.getPage(1)).resolves.toBeDefined();
  });

  test('an injected 5xx is retried by the real client, which then succeeds', async () => {
    const { emulator } = await start({ seed: 7 });
    // The client's RetryDecorator announces each retry on console.error; keep the test log clean.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const retrying = new Client({ accessToken: TOKEN, basePath: emulator.url, numberOfApiCallRetries: 3 });
    emulator.setFaults({ rate5xx: 1 });
    const call = retrying.crm.companies.basicApi.getPage(1);
    setTimeout(() => emulator.setFaults({ rate5xx: 0 }), 50);
    await expect(call).resolves.toBeDefined();
    quiet.mockRestore();
    expect(emulator.requestLog.counts()['GET /crm/v3/objects/{objectType}']).toBeGreaterThan(1);
  });

  test('latency is added to every call', async () => {
    const { emulator, client } = await start({});
    emulator.setLatency(120);
    const started = Date.now();
    await client.crm.companies.basicApi.getPage(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  test('the request log counts per method and route pattern, and clears', async () => {
    const { emulator, client } = await start({});
    const { id } = await client.crm.companies.basicApi.create({
      properties: { name: 'x' },
      associations: [],
    });
    await client.crm.companies.basicApi.getById(id);
    await client.crm.deals.basicApi.getPage(1);
    await client.crm.companies.batchApi.read({ inputs: [{ id }], properties: [], propertiesWithHistory: [] });
    expect(emulator.requestLog.counts()).toEqual({
      'GET /crm/v3/objects/{objectType}': 1,
      'GET /crm/v3/objects/{objectType}/{objectId}': 1,
      'POST /crm/v3/objects/{objectType}': 1,
      'POST /crm/v3/objects/{objectType}/batch/read': 1,
    });
    expect(emulator.requestLog.total()).toBe(4);
    emulator.requestLog.clear();
    expect(emulator.requestLog.total()).toBe(0);
  });

  test('a route the emulator lacks is a 501 naming the method and path', async () => {
    const { emulator } = await start({});
    const response = await rawRequest(`${emulator.url}/crm/v3/objects/companies/batch/upsert`, {
      method: 'POST',
      body: { inputs: [] },
    });
    expect(response.status).toBe(501);
    expect(JSON.stringify(response.body)).toContain('POST /crm/v3/objects/companies/batch/upsert');
  });

  test('the log option gets one line per request', async () => {
    const lines: string[] = [];
    const { client } = await start({ log: (line) => lines.push(line) });
    await client.crm.companies.basicApi.getPage(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/GET \/crm\/v3\/objects\/companies\?limit=3 200 \d+ms$/);
  });

  test('the admin API under /__emulator/ resets, loads snapshots, sets knobs and reports counts', async () => {
    const { emulator, client } = await start({});
    const loaded = await rawRequest(`${emulator.url}/__emulator/snapshot`, {
      method: 'POST',
      body: {
        schemaVersion: 1,
        companies: [{ id: '11', properties: { name: 'Via admin' }, deals: [{ id: '12', properties: {} }] }],
      },
    });
    expect(loaded.body).toMatchObject({ companies: 1, records: 2, associations: 1 });
    expect((await client.crm.companies.basicApi.getById('11')).properties.name).toBe('Via admin');
    const requests = await rawRequest(`${emulator.url}/__emulator/requests`);
    expect(requests.body).toMatchObject({ total: 1 });
    expect(
      (await rawRequest(`${emulator.url}/__emulator/faults`, { method: 'PUT', body: { rate5xx: 0.5 } })).body,
    ).toEqual({ rate429: 0, rate5xx: 0.5 });
    expect(
      (await rawRequest(`${emulator.url}/__emulator/latency`, { method: 'PUT', body: { ms: 5 } })).body,
    ).toEqual({ latencyMs: 5 });
    expect(
      (await rawRequest(`${emulator.url}/__emulator/faults`, { method: 'PUT', body: { rate5xx: 2 } })).status,
    ).toBe(400);
    await rawRequest(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    const health = await rawRequest(`${emulator.url}/__emulator/health`);
    expect(health.body).toMatchObject({ status: 'ok', objects: { companies: 0 } });
  });

  test('a malformed JSON body is a 400', async () => {
    const { emulator } = await start({});
    const response = await rawRequest(`${emulator.url}/crm/v3/objects/companies`, {
      method: 'POST',
      body: '{"properties":',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ category: 'VALIDATION_ERROR' });
  });
});
