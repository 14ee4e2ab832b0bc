/**
 * Shared setup for the emulator contract tests: one emulator per file on 127.0.0.1, port 0,
 * reset before each test, and a real @hubspot/api-client pointed at it through `basePath`.
 */
import { Client } from '@hubspot/api-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator';

export const TOKEN = 'test-token';

export interface Harness {
  emulator: RunningEmulator;
  client: Client;
}

/** Registers beforeAll/beforeEach/afterAll; read `harness.emulator` and `harness.client` inside tests. */
export function useEmulator(options: EmulatorOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emulator = await startEmulator(options);
    harness.client = new Client({
      accessToken: TOKEN,
      basePath: harness.emulator.url,
      numberOfApiCallRetries: 0,
    });
  });
  beforeEach(() => harness.emulator.reset());
  afterAll(async () => {
    await harness.emulator.close();
  });
  return harness;
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
