import { computeV3Signature, SIGNATURE_HEADERS } from '../incremental/signature';
import { createMemoryReplayGuard } from '../incremental/replay-guard';
import { handleAppFetchRequest, parseAdminUserIds, type AppFetchOptions } from './app-fetch';

const SECRET = 'app-fetch-secret';
const BASE = 'https://kam.acme-industries.com';
const NOW = 1_800_000_000_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function setUp(overrides: Partial<AppFetchOptions> = {}) {
  const runs: unknown[] = [];
  const options: AppFetchOptions = {
    publicBaseUrl: BASE,
    clientSecret: SECRET,
    adminUserIds: new Set(['7001']),
    portalId: '123',
    operations: {
      read: { admin: false, run: async (call) => (runs.push(call), { ok: true }) },
      write: { admin: true, run: async (call) => (runs.push(call), { ok: true }) },
      refuse: {
        admin: false,
        run: async () => ({ ok: false, error: { code: 'input.invalid', message: 'no' } }),
      },
    },
    replayGuard: createMemoryReplayGuard({ ttlMs: 360_000, maxEntries: 100 }),
    nowMs: () => NOW,
    logger: quiet,
    ...overrides,
  };
  const call = (operation: string, query: string, body: string) => {
    const uri = `${BASE}/hubspot/app/${operation}?${query}`;
    const timestamp = String(NOW - 1_000);
    return handleAppFetchRequest(
      operation,
      {
        method: 'POST',
        uri,
        body,
        headers: {
          [SIGNATURE_HEADERS.v3]: computeV3Signature(SECRET, 'POST', uri, body, timestamp),
          [SIGNATURE_HEADERS.timestamp]: timestamp,
        },
      },
      options,
    );
  };
  return { call, runs };
}

const codeOf = (answer: { body: string }) =>
  (JSON.parse(answer.body) as { error?: { code: string } }).error?.code;

describe('handleAppFetchRequest', () => {
  test('passes the signed user and the body to the operation', async () => {
    const { call, runs } = setUp();
    const answer = await call(
      'write',
      'userId=7001&portalId=123&userEmail=a%40acme.com',
      '{"parameters":{"x":1}}',
    );
    expect(answer.statusCode).toBe(200);
    expect(runs).toEqual([
      { parameters: { x: 1 }, propertiesToSend: undefined, user: { userId: '7001', email: 'a@acme.com' } },
    ]);
  });

  test.each([
    ['no user id', 'read', 'portalId=123', '{}', 401, 'auth.no_user'],
    ['another portal', 'read', 'userId=7001&portalId=999', '{}', 403, 'auth.other_portal'],
    ['a non-admin on an admin operation', 'write', 'userId=7002&portalId=123', '{}', 403, 'auth.forbidden'],
    ['an unknown operation', 'drop', 'userId=7001&portalId=123', '{}', 404, 'input.unknown_operation'],
    ['a body that is not an object', 'read', 'userId=7001&portalId=123', '[1]', 400, 'input.invalid'],
    ['an operation refusing its input', 'refuse', 'userId=7001&portalId=123', '{}', 400, 'input.invalid'],
  ])('%s → %i %s, and no operation runs', async (_name, operation, query, body, status, code) => {
    const { call, runs } = setUp();
    const answer = await call(operation, query, body);
    expect({ status: answer.statusCode, code: codeOf(answer) }).toEqual({ status, code });
    expect(runs).toEqual([]);
  });

  test('nobody may run admin operations with an empty admin list', async () => {
    const { call, runs } = setUp({ adminUserIds: new Set() });
    expect((await call('write', 'userId=7001&portalId=123', '{}')).statusCode).toBe(403);
    expect(runs).toEqual([]);
  });
});

describe('parseAdminUserIds', () => {
  test('reads comma-separated ids and refuses anything else', () => {
    expect([...parseAdminUserIds(' 123, 456 ,')]).toEqual(['123', '456']);
    expect(parseAdminUserIds('').size).toBe(0);
    expect(() => parseAdminUserIds('123,admin@acme.com')).toThrow(/not ids: admin@acme.com/);
  });
});
