import { createJsonLineLogger, createWebhookFunction, createWorkflowActionFunction } from './function-entry';
import { toSignedRequest } from './function-request';
import {
  ACTION_URL,
  companyChange,
  createActionBody,
  FakeEngine,
  signedActionRequest,
  signedWebhookRequest,
  TEST_CLIENT_SECRET,
  TEST_NOW_MS,
  WEBHOOK_URL,
} from './test-utils/fixtures';
import { silentLogger } from './engine-port';

const env = { KEYSTONE_CLIENT_SECRET: TEST_CLIENT_SECRET, PRIVATE_APP_ACCESS_TOKEN: 'pat-test' };

describe('toSignedRequest', () => {
  test('prefers the raw body and an absolute URL from the context', () => {
    const request = toSignedRequest(
      { method: 'post', rawBody: '[ ]', body: [], url: 'https://a.io/x', headers: { A: '1' } },
      WEBHOOK_URL,
    );
    expect(request).toEqual({ method: 'POST', uri: 'https://a.io/x', body: '[ ]', headers: { A: '1' } });
  });

  test('re-serialises a parsed body compactly and falls back to the configured URL plus query', () => {
    const request = toSignedRequest({ body: [{ a: 1 }], query: { b: '2' } }, WEBHOOK_URL);
    expect(request).toMatchObject({ method: 'POST', uri: `${WEBHOOK_URL}?b=2`, body: '[{"a":1}]' });
  });

  test('gives null for a context that is not an object', () => {
    expect(toSignedRequest('nope', WEBHOOK_URL)).toBeNull();
  });
});

describe('endpoint functions', () => {
  test('the webhook function verifies the request as the runtime hands it over (parsed body)', async () => {
    const engine = new FakeEngine();
    const events = [companyChange(31)];
    const signed = signedWebhookRequest(JSON.stringify(events));
    const main = createWebhookFunction({
      publicUrl: WEBHOOK_URL,
      createEngine: (token) => {
        expect(token).toBe('pat-test');
        return engine;
      },
      env,
      logger: silentLogger,
      nowMs: () => TEST_NOW_MS,
    });
    const response = await main({ method: 'POST', headers: signed.headers, body: events });
    expect(response.statusCode).toBe(200);
    expect(engine.rescoreCalls).toEqual(['31']);
  });

  test('the workflow action function answers with output fields', async () => {
    const body = createActionBody();
    const signed = signedActionRequest(JSON.stringify(body));
    const main = createWorkflowActionFunction({
      publicUrl: ACTION_URL,
      createEngine: () => new FakeEngine(),
      env,
      logger: silentLogger,
      nowMs: () => TEST_NOW_MS,
    });
    const response = await main({ headers: signed.headers, body });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      outputFields: { kam_tier: 'key', hs_execution_state: 'SUCCESS' },
    });
  });

  test.each([
    ['the client secret', { PRIVATE_APP_ACCESS_TOKEN: 'pat-test' }],
    ['the access token', { KEYSTONE_CLIENT_SECRET: TEST_CLIENT_SECRET }],
  ])('answers 500 and logs the required names when %s is missing', async (_label, partialEnv) => {
    const lines: string[] = [];
    const main = createWebhookFunction({
      publicUrl: WEBHOOK_URL,
      createEngine: () => new FakeEngine(),
      env: partialEnv,
      logger: createJsonLineLogger(
        (_stream, line) => lines.push(line),
        () => TEST_NOW_MS,
      ),
    });
    const response = await main({ body: [] });
    expect(response.statusCode).toBe(500);
    expect(lines.join('\n')).toContain('KEYSTONE_CLIENT_SECRET');
    expect(lines.join('\n')).not.toContain('pat-test');
  });
});
