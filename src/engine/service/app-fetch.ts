/**
 * `kam serve` as the card's and settings page's backend over `hubspot.fetch` (docs/deploy.md,
 * "kam serve as the cards' backend"). A UI extension calls `POST <base>/hubspot/app/<operation>`
 * with the body `{ parameters, propertiesToSend }`, the same thing `hubspot.serverless` hands an app
 * function, and gets the same answer the function gives (`{ ok: true, … } | { ok: false, error }`,
 * src/app/functions/contract).
 *
 * Nothing in the request is believed before HubSpot's v3 signature over method + URL (with the
 * query string HubSpot adds) + body + timestamp checks out against the app's client secret and the
 * serve's public base URL, not the Host header. The user is the signed `userId` query parameter;
 * operations marked `admin` (saving or rolling back the model, pinning) run only for a user id in
 * the admin list given to `kam serve`. A refused request reaches no operation, so nothing changes.
 *
 * The operations themselves are injected (cli/commands/serve.ts builds them from the app
 * functions), so this module knows HTTP and authorization, never what an operation does.
 */
import { KeystoneError } from '../errors';
import type { Logger } from '../incremental/engine-port';
import type { HttpResponse } from '../incremental/http-response';
import type { ReplayGuard } from '../incremental/replay-guard';
import {
  readHeader,
  SIGNATURE_HEADERS,
  verifyHubSpotSignature,
  type SignedRequest,
} from '../incremental/signature';

/** Where the UI's calls arrive: `<public base URL>/hubspot/app/<operation>`. */
export const APP_FETCH_PATH = '/hubspot/app/';

/** The HubSpot user a signed request names (its `userId` and `userEmail` query parameters). */
export type SignedUser = { userId: string; email: string };

export type AppOperationCall = {
  parameters: unknown;
  propertiesToSend: Readonly<Record<string, unknown>> | undefined;
  user: SignedUser;
};

export type AppOperation = {
  /** Only users in the admin list may run it (docs/decisions/0003, 0004). */
  admin: boolean;
  /** Answers like the app function: `{ ok: true, … }` or `{ ok: false, error: { code, message } }`. */
  run: (call: AppOperationCall) => Promise<unknown>;
};

export type AppFetchOptions = {
  /** Serve's public base URL, as listed in the app's permitted fetch URLs (no trailing slash). */
  publicBaseUrl: string;
  clientSecret: string;
  /** HubSpot user ids allowed to run `admin` operations. Empty: nobody may. */
  adminUserIds: ReadonlySet<string>;
  /** When set, a signed request naming another portal is refused. */
  portalId?: string;
  operations: Readonly<Record<string, AppOperation>>;
  replayGuard: ReplayGuard;
  nowMs: () => number;
  logger: Logger;
};

const answer = (statusCode: number, payload: unknown): HttpResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(payload),
});

const failure = (statusCode: number, code: string, message: string): HttpResponse =>
  answer(statusCode, { ok: false, error: { code, message } });

const USER_ID = /^\d{1,20}$/;

type ParsedBody = { parameters: unknown; propertiesToSend: Record<string, unknown> | undefined };

function parseBody(body: string): ParsedBody | null {
  if (body.trim() === '') return { parameters: {}, propertiesToSend: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { parameters, propertiesToSend } = parsed as Record<string, unknown>;
  if (
    propertiesToSend !== undefined &&
    (typeof propertiesToSend !== 'object' || propertiesToSend === null || Array.isArray(propertiesToSend))
  )
    return null;
  return {
    parameters: parameters ?? {},
    propertiesToSend: propertiesToSend as Record<string, unknown> | undefined,
  };
}

/** HTTP status for an operation's answer; the body is the answer itself. */
function statusOf(result: unknown): number {
  if (typeof result !== 'object' || result === null) return 500;
  const { ok, error } = result as { ok?: unknown; error?: { code?: unknown } };
  if (ok === true) return 200;
  const code = typeof error?.code === 'string' ? error.code : '';
  if (code.startsWith('auth.')) return 403;
  if (code.startsWith('input.') || code.startsWith('settings.') || code.startsWith('task.')) return 400;
  return 500;
}

/**
 * Answers one `hubspot.fetch` call. `operation` is the path segment after `/hubspot/app/`;
 * `request.uri` must be the public URL HubSpot called (base URL + path + query string).
 * @example await handleAppFetchRequest('keystone_save_model', signed, options)
 */
export async function handleAppFetchRequest(
  operation: string,
  request: SignedRequest,
  options: AppFetchOptions,
): Promise<HttpResponse> {
  const { logger } = options;
  const nowMs = options.nowMs();
  const check = verifyHubSpotSignature(request, {
    clientSecret: options.clientSecret,
    nowMs,
    accept: ['v3'],
  });
  if (!check.ok) {
    logger.warn('app call refused', { operation, reason: check.reason });
    return failure(401, 'auth.bad_signature', `the request is not signed by HubSpot (${check.reason})`);
  }
  const signature = readHeader(request.headers, SIGNATURE_HEADERS.v3) ?? '';
  if (options.replayGuard.seen(`app:${signature}`, nowMs)) {
    logger.warn('app call refused', { operation, reason: 'replayed' });
    return failure(401, 'auth.replayed', 'this signed request was already answered');
  }
  const query = new URL(request.uri).searchParams;
  const userId = query.get('userId') ?? '';
  if (!USER_ID.test(userId)) {
    logger.warn('app call refused', { operation, reason: 'no_user' });
    return failure(401, 'auth.no_user', 'the signed request names no HubSpot user (userId)');
  }
  const portalId = query.get('portalId');
  if (options.portalId !== undefined && portalId !== options.portalId) {
    logger.warn('app call refused', { operation, reason: 'other_portal', portalId });
    return failure(403, 'auth.other_portal', `this kam serve answers portal ${options.portalId} only`);
  }
  const known = Object.hasOwn(options.operations, operation) ? options.operations[operation] : undefined;
  if (known === undefined) return failure(404, 'input.unknown_operation', `no operation "${operation}"`);
  if (known.admin && !options.adminUserIds.has(userId)) {
    logger.warn('app call refused', { operation, reason: 'not_admin', userId });
    return failure(
      403,
      'auth.forbidden',
      `HubSpot user ${userId} is not a Keystone admin (kam serve --admin-user-ids); ask a Keystone admin`,
    );
  }
  const body = parseBody(request.body);
  if (body === null)
    return failure(400, 'input.invalid', 'the body must be a JSON object { parameters, propertiesToSend }');
  const user: SignedUser = { userId, email: (query.get('userEmail') ?? '').slice(0, 254) };
  const result = await known.run({ ...body, user });
  const statusCode = statusOf(result);
  logger.info('app call answered', { operation, status: statusCode, userId });
  return answer(statusCode, result);
}

/** `--admin-user-ids 123,456` as a set; anything but HubSpot user ids is an error. */
export function parseAdminUserIds(list: string): Set<string> {
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const bad = ids.filter((id) => !USER_ID.test(id));
  if (bad.length > 0)
    throw new KeystoneError(
      'input.invalid',
      `--admin-user-ids takes HubSpot user ids separated by commas; not ids: ${bad.join(', ')}`,
    );
  return new Set(ids);
}
