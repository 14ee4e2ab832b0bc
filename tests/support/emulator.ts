/**
 * The emulator for integration tests, as style §7 asks: on 127.0.0.1, port 0, started in
 * beforeAll, reset before each test and closed in afterAll, with a real @hubspot/api-client
 * pointed at it through `basePath`. A portal filled with a generated portfolio is in `portal.ts`.
 */
import { Client } from '@hubspot/api-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';

export const TOKEN = 'test-token';

export interface Harness {
  emulator: RunningEmulator;
  client: Client;
}

/** A client for `emulator` that never retries, so each test sees HubSpot's first answer. */
export function clientFor(emulator: RunningEmulator, token = TOKEN): Client {
  return new Client({ accessToken: token, basePath: emulator.url, numberOfApiCallRetries: 0 });
}

/**
 * Registers beforeAll/beforeEach/afterAll; read `harness.emulator` and `harness.client` inside
 * tests. `resetEachTest: false` keeps what one test wrote for the next (a portal filled once in
 * beforeAll and read by every test).
 */
export function useEmulator(
  options: EmulatorOptions = {},
  { resetEachTest = true }: { resetEachTest?: boolean } = {},
): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emulator = await startEmulator(options);
    harness.client = clientFor(harness.emulator, options.token ?? TOKEN);
  });
  if (resetEachTest) beforeEach(() => harness.emulator.reset());
  afterAll(async () => {
    await harness.emulator.close();
  });
  return harness;
}

/**
 * For tests whose subject is an option of the emulator itself (a limit, a tier, a failure rate):
 * returns `start(options)`, which a test calls for an emulator of its own; each is closed after
 * its test.
 */
export function useEmulatorPerTest(): (options?: EmulatorOptions) => Promise<Harness> {
  const running: RunningEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });
  return async (options = {}) => {
    const emulator = await startEmulator(options);
    running.push(emulator);
    return { emulator, client: clientFor(emulator, options.token ?? TOKEN) };
  };
}

/** The HubSpot error a client call rejected with: HTTP status and parsed body. */
export async function failureOf(
  call: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const { code, body } = error as { code: number; body: unknown };
    const parsed =
      typeof body === 'string'
        ? (JSON.parse(body) as Record<string, unknown>)
        : (body as Record<string, unknown>);
    return { code, body: parsed };
  }
  throw new Error('expected the call to fail');
}

/** Raw HTTP for what the client cannot send (no token, malformed bodies). */
export async function rawRequest(
  url: string,
  init: { method?: string; token?: string | null; body?: unknown } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? TOKEN}`;
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
