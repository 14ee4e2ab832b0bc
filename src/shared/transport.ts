/**
 * How a card or the settings page reaches Keystone: `hubspot.serverless` (app functions, Enterprise) or
 * `hubspot.fetch` to `kam serve` (`POST <serve URL>/hubspot/app/<function uid>`, signed by HubSpot,
 * docs/deploy.md). Both answer with the same contract (src/app/functions/contract), so
 * the hooks take one `FunctionRunner` and never know which it is. Which one is decided at build
 * time: `KEYSTONE_SERVE_URL` in the folder's transport-config.ts (scripts/build-app.ts writes it
 * from the project profile).
 */
import type { FunctionCallOptions, FunctionRunner } from '../app/functions/contract/client';

/** The part of `hubspot.fetch` the UI uses (no headers: HubSpot allows none but Authorization). */
export type AppFetch = (
  url: string,
  options: { method: 'POST'; timeout: number; body: { [key: string]: unknown } },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export const APP_FETCH_PATH = '/hubspot/app/';
/** Above HubSpot's 15 s default: a recalculation of a large account, or a preview over a sample, may take longer. */
export const APP_FETCH_TIMEOUT_MS = 30_000;

/**
 * A `FunctionRunner` over `hubspot.fetch`. The body is what `hubspot.serverless` hands a function:
 * `parameters`, and `propertiesToSend` with the record's id (the only property a card asks for; the settings page sends none).
 * @example fetchFunctionRunner(hubspot.fetch, 'https://kam.acme.com', context.crm.objectId)
 */
export function fetchFunctionRunner(
  fetch: AppFetch,
  serveUrl: string,
  recordId: string | number | undefined,
): FunctionRunner {
  const base = serveUrl.replace(/\/+$/, '');
  return async (name: string, options: FunctionCallOptions) => {
    const wanted = options.propertiesToSend ?? [];
    const others = wanted.filter((property) => property !== 'hs_object_id');
    if (others.length > 0) throw new Error(`over hubspot.fetch only hs_object_id, not ${others.join(', ')}`);
    const body: { [key: string]: unknown } = {};
    if (options.parameters !== undefined) body.parameters = options.parameters;
    if (wanted.length > 0) {
      if (recordId === undefined) throw new Error('no record id to send');
      body.propertiesToSend = { hs_object_id: String(recordId) };
    }
    const response = await fetch(`${base}${APP_FETCH_PATH}${encodeURIComponent(name)}`, {
      method: 'POST',
      timeout: APP_FETCH_TIMEOUT_MS,
      body,
    });
    try {
      return await response.json();
    } catch {
      throw new Error(`Keystone's server answered ${response.status} without a JSON body`);
    }
  };
}

/**
 * Whether the user types the Keystone admin key. App functions check the typed key
 * (docs/decisions/0003); `kam serve` goes by the HubSpot-signed user id and replaces whatever key
 * arrives, so over serve the UI asks for none and sends `SIGNED_USER_ADMIN_KEY`.
 */
export function asksForAdminKey(serveUrl: string | null): boolean {
  return serveUrl === null || serveUrl === '';
}

/** The `adminKey` the UI sends over `kam serve`: the contract wants a non-empty one; serve overwrites it. */
export const SIGNED_USER_ADMIN_KEY = 'signed-hubspot-user';

/** `hubspot.serverless` when no serve URL is configured, else `hubspot.fetch` to it. */
export function chooseFunctionRunner(
  serveUrl: string | null,
  transports: { serverless: FunctionRunner; fetch: AppFetch; recordId: string | number | undefined },
): FunctionRunner {
  return serveUrl === null || serveUrl === ''
    ? transports.serverless
    : fetchFunctionRunner(transports.fetch, serveUrl, transports.recordId);
}
