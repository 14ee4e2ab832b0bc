/**
 * Builds the `main` of the two endpoint app functions from the handlers, so each entry file
 * stays a few lines: read the context, check the configuration, hand over to the handler.
 * Secrets come from the function's environment (`secretKeys` in its hsmeta):
 * `KEYSTONE_CLIENT_SECRET` — the app's client secret that HubSpot signs with;
 * `PRIVATE_APP_ACCESS_TOKEN` — injected by HubSpot for static-auth apps.
 */
import type { IncrementalEngine, Logger } from './engine-port';
import { toSignedRequest } from './function-request';
import { jsonResponse, type HttpResponse } from './http-response';
import { createMemoryReplayGuard, type ReplayGuard } from './replay-guard';
import { MAX_CLOCK_SKEW_MS, MAX_SIGNATURE_AGE_MS } from './signature';
import { handleWebhookRequest } from './webhook-handler';
import { handleWorkflowActionRequest } from './workflow-action';

export const CLIENT_SECRET_ENV = 'KEYSTONE_CLIENT_SECRET';
export const ACCESS_TOKEN_ENV = 'PRIVATE_APP_ACCESS_TOKEN';

export type EndpointFunctionOptions = {
  /**
   * The public URL HubSpot calls (and signs): the webhooks `targetUrl` or the action's `actionUrl`,
   * resolved from the project profile; `null` when the build had no profile value for it.
   */
  publicUrl: string | null;
  /** Builds the engine for one request from the access token (called only after verification). */
  createEngine: (accessToken: string) => IncrementalEngine;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  nowMs?: () => number;
  replayGuard?: ReplayGuard;
};

export type EndpointFunction = (context: unknown) => Promise<HttpResponse>;

/** One guard per warm instance: lives as long as the module, as long as the platform keeps it. */
export function createFunctionReplayGuard(): ReplayGuard {
  return createMemoryReplayGuard({ ttlMs: MAX_SIGNATURE_AGE_MS + MAX_CLOCK_SKEW_MS, maxEntries: 5_000 });
}

type Handler = typeof handleWebhookRequest;

function endpointFunction(
  name: string,
  handler: Handler,
  options: EndpointFunctionOptions,
): EndpointFunction {
  const replayGuard = options.replayGuard ?? createFunctionReplayGuard();
  const nowMs = options.nowMs ?? Date.now;
  return async (context) => {
    const clientSecret = options.env[CLIENT_SECRET_ENV] ?? '';
    const accessToken = options.env[ACCESS_TOKEN_ENV] ?? '';
    if (clientSecret === '' || accessToken === '') {
      // never say which value is set; just which names the admin must configure
      options.logger.error(`${name}: missing configuration`, {
        required: [CLIENT_SECRET_ENV, ACCESS_TOKEN_ENV],
      });
      return jsonResponse(500, { error: 'not_configured' });
    }
    if (options.publicUrl === null) {
      options.logger.error(`${name}: no public URL`, {
        fix: 'build with a project profile: npm run deploy -- --profile <name> (docs/deploy.md)',
      });
      return jsonResponse(500, { error: 'not_configured' });
    }
    const request = toSignedRequest(context, options.publicUrl);
    if (request === null) return jsonResponse(400, { error: 'malformed_request' });
    return handler(request, {
      clientSecret,
      createEngine: () => options.createEngine(accessToken),
      replayGuard,
      nowMs,
      logger: options.logger,
    });
  };
}

/** `exports.main` of the webhook endpoint function. */
export function createWebhookFunction(options: EndpointFunctionOptions): EndpointFunction {
  return endpointFunction('webhook', handleWebhookRequest, options);
}

/** `exports.main` of the workflow action endpoint function. */
export function createWorkflowActionFunction(options: EndpointFunctionOptions): EndpointFunction {
  return endpointFunction('workflow action', handleWorkflowActionRequest, options);
}

/** A logger that writes one JSON line per entry (app function logs collect stdout/stderr). */
export function createJsonLineLogger(
  write: (stream: 'out' | 'err', line: string) => void,
  nowMs: () => number = Date.now,
): Logger {
  const line = (level: string, message: string, data?: Record<string, unknown>) =>
    JSON.stringify({ at: new Date(nowMs()).toISOString(), level, message, ...data });
  return {
    info: (message, data) => write('out', line('info', message, data)),
    warn: (message, data) => write('err', line('warn', message, data)),
    error: (message, data) => write('err', line('error', message, data)),
  };
}

/** The logger the deployed functions use: JSON lines on stdout (info) and stderr (warnings, errors). */
export function createProcessLogger(): Logger {
  return createJsonLineLogger((stream, line) => {
    (stream === 'out' ? process.stdout : process.stderr).write(`${line}\n`);
  });
}
