/**
 * Runs the same card or settings-page tests over both transports. A test spies on `runFunction(name, options)` as
 * `hubspot.serverless` would be called; with the fetch transport the UI gets
 * `fetchFunctionRunner` over a fake `hubspot.fetch` that checks the request (POST to
 * `<serve URL>/hubspot/app/<name>`, the record id in the body) and hands the spy the call the
 * serverless transport would have made, so every expectation holds for both.
 */
import type { FunctionRunner } from '../../app/functions/contract/client';
import { APP_FETCH_PATH, fetchFunctionRunner, type AppFetch } from '../transport';

export type TestTransport = 'serverless' | 'fetch';
export const TEST_SERVE_URL = 'https://kam.acme-industries.com';

const flag = globalThis as { keystoneTestTransport?: TestTransport };

/** Which transport this test file runs with (the `*.fetch.test.tsx` twins set it). */
export const testTransport = (): TestTransport => flag.keystoneTestTransport ?? 'serverless';
export function useFetchTransport(): void {
  flag.keystoneTestTransport = 'fetch';
}

export function runnerFor(spy: FunctionRunner, recordId: string | number | undefined): FunctionRunner {
  if (testTransport() === 'serverless') return spy;
  const fetch: AppFetch = async (url, { method, body }) => {
    const prefix = `${TEST_SERVE_URL}${APP_FETCH_PATH}`;
    if (method !== 'POST' || !url.startsWith(prefix)) throw new Error(`unexpected request ${method} ${url}`);
    const { parameters, propertiesToSend } = body as {
      parameters?: Parameters<FunctionRunner>[1]['parameters'];
      propertiesToSend?: Record<string, string>;
    };
    if (propertiesToSend !== undefined && propertiesToSend.hs_object_id !== String(recordId))
      throw new Error(`sent record ${propertiesToSend.hs_object_id}, the UI is on ${String(recordId)}`);
    const result = await spy(decodeURIComponent(url.slice(prefix.length)), {
      ...(propertiesToSend === undefined ? {} : { propertiesToSend: Object.keys(propertiesToSend) }),
      ...(parameters === undefined ? {} : { parameters }),
    });
    return { status: 200, json: async () => result };
  };
  return fetchFunctionRunner(fetch, TEST_SERVE_URL, recordId);
}
