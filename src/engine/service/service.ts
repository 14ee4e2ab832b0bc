/**
 * `kam serve`: Keystone's production runner for any portal, with or without Content Hub
 * Enterprise. One process that
 *
 * - runs the portfolio on a schedule (./scheduler.ts, ./portfolio-runner.ts), one run at a time,
 *   resuming an interrupted one at start-up;
 * - receives HubSpot's webhooks (`POST …/hubspot/webhooks`, signature v3) and workflow-action
 *   calls (`POST …/hubspot/workflow-action`, v2 and v3) with the same handlers as the endpoint
 *   functions (src/engine/incremental), checked against the public URLs of the project profile;
 * - answers `GET /healthz` (200 when HubSpot answers and the last run did not fail, else 503) and
 *   `GET /metrics` (Prometheus text, `keystone_` prefix);
 * - logs JSON lines (never the token) and stops cleanly: `stop()` ends the schedules, lets the
 *   run's in-flight batches land and be journaled, and closes the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrmGateway } from '../hubspot/gateway';
import type { Logger } from '../incremental/engine-port';
import { createFunctionReplayGuard } from '../incremental/function-entry';
import type { HttpResponse } from '../incremental/http-response';
import type { ModelStoreFactory } from '../hubspot/model-store';
import { createKeystoneEngine } from '../incremental/keystone-engine';
import { logInstallation } from '../incremental/self-install';
import type { SignedRequest } from '../incremental/signature';
import { handleWebhookRequest, type WebhookSummary } from '../incremental/webhook-handler';
import { handleWorkflowActionRequest } from '../incremental/workflow-action';
import { SERVE_PATHS } from '../incremental/profile-variables';
import { APP_FETCH_PATH, handleAppFetchRequest, type AppFetchOptions } from './app-fetch';
import { Metrics } from './metrics';
import { PortfolioRunner, type RunKind } from './portfolio-runner';
import { startScheduler, type Schedule, type Scheduler } from './scheduler';

/** HubSpot sends at most 100 events per webhook request; 1 MB is far above it. */
const MAX_BODY_BYTES = 1024 * 1024;
/** How long a /healthz reachability answer is reused. */
const HEALTH_CACHE_MS = 15_000;
/** A webhook delivery is answered within HubSpot's timeout; what is left goes to the next run. */
const WEBHOOK_BUDGET_MS = 20_000;

export type ServiceOptions = {
  port: number;
  host: string;
  /** The URLs HubSpot calls and signs (the project profile's KEYSTONE_WEBHOOK_URL and KEYSTONE_ACTION_URL). */
  publicUrls: { webhookUrl: string; actionUrl: string };
  clientSecret: string;
  accessToken: string;
  basePath: string;
  /** A gateway for portfolio runs and health checks. */
  createGateway: () => CrmGateway;
  /** Identifies the portal for the journal (`kam sync`'s target id). */
  target: string;
  stateDir: string;
  schedules: readonly Schedule[];
  timezone: string;
  logger: Logger;
  now?: () => Date;
  /** Where scoring models are stored for runs and webhooks (the app operations get the same); the custom object unless set. */
  modelStores?: ModelStoreFactory;
  /**
   * The card's and settings page's calls over `hubspot.fetch` (./app-fetch.ts); without it
   * `…/hubspot/app/*` answers 404.
   */
  app?: Omit<AppFetchOptions, 'replayGuard' | 'nowMs' | 'logger'>;
};

export type RunningService = {
  url: string;
  port: number;
  metrics: Metrics;
  runner: PortfolioRunner;
  scheduler: Scheduler;
  /** Ends schedules, waits for the run's in-flight batches, closes the server. Idempotent. */
  stop(): Promise<void>;
  /** Resolves once stopped. */
  readonly stopped: Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: HttpResponse): void {
  response.writeHead(answer.statusCode, answer.headers);
  response.end(answer.body);
}

const json = (statusCode: number, payload: unknown): HttpResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(payload),
});

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const metrics = new Metrics();
  const stopping = new AbortController();
  const replayGuard = createFunctionReplayGuard();
  const runner = new PortfolioRunner({
    createGateway: options.createGateway,
    stateDir: options.stateDir,
    target: options.target,
    now,
    logger,
    metrics,
    signal: stopping.signal,
    ...(options.modelStores ? { modelStores: options.modelStores } : {}),
  });
  for (const [name, help] of [
    ['keystone_webhook_events_received_total', 'Webhook events in verified deliveries'],
    [
      'keystone_webhook_events_coalesced_total',
      'Webhook events merged into another event’s rescore or dropped',
    ],
    ['keystone_webhook_companies_rescored_total', 'Companies rescored because of webhook events'],
    ['keystone_workflow_actions_total', 'Workflow-action calls answered'],
  ] as const)
    metrics.declare(name, help, 'counter');

  const createEngine = () =>
    createKeystoneEngine({
      accessToken: options.accessToken,
      basePath: options.basePath,
      now,
      ...(options.modelStores ? { modelStores: options.modelStores } : {}),
      onInstalled: (report) => logInstallation(logger, report),
    });

  let health: { checkedAt: number; reachable: boolean; reason?: string } | null = null;
  async function hubspotReachable(): Promise<{ reachable: boolean; reason?: string }> {
    if (health && Date.now() - health.checkedAt < HEALTH_CACHE_MS) return health;
    try {
      const gateway = options.createGateway();
      await gateway.send('GET /crm/v3/properties/companies/groups', () =>
        gateway.client.crm.properties.groupsApi.getAllWithHttpInfo('companies'),
      );
      health = { checkedAt: Date.now(), reachable: true };
    } catch (error) {
      health = { checkedAt: Date.now(), reachable: false, reason: (error as Error).message };
    }
    return health;
  }

  function countRejection(endpoint: 'webhook' | 'workflow_action' | 'app', answer: HttpResponse): void {
    if (answer.statusCode < 400 || answer.statusCode >= 500) return;
    let reason = String(answer.statusCode);
    try {
      const body = JSON.parse(answer.body) as { error?: unknown; reason?: unknown };
      if (typeof body.error === 'string') reason = body.error;
      else if (typeof body.error === 'object' && body.error !== null) {
        const { code } = body.error as { code?: unknown };
        if (typeof code === 'string') reason = code;
      }
    } catch {
      // keep the status code as the reason
    }
    metrics.inc(
      'keystone_requests_rejected_total',
      'HubSpot requests refused (bad signature, replay, malformed)',
      1,
      {
        endpoint,
        reason,
      },
    );
  }

  async function hubspotCall(
    request: IncomingMessage,
    publicUrl: string,
    endpoint: 'webhook' | 'workflow_action',
  ): Promise<HttpResponse> {
    const body = await readBody(request);
    if (body === null) return json(413, { error: 'body_too_large' });
    const query = (request.url ?? '').includes('?')
      ? (request.url ?? '').slice((request.url ?? '').indexOf('?'))
      : '';
    const signed: SignedRequest = {
      method: request.method ?? 'POST',
      // HubSpot signs the URL it calls, which a proxy in front of us may have rewritten
      uri: publicUrl + query,
      body,
      headers: request.headers,
    };
    const handlerOptions = {
      clientSecret: options.clientSecret,
      createEngine,
      replayGuard,
      nowMs: () => now().getTime(),
      logger,
    };
    if (endpoint === 'webhook') {
      const answer = await handleWebhookRequest(signed, { ...handlerOptions, budgetMs: WEBHOOK_BUDGET_MS });
      countRejection(endpoint, answer);
      if (answer.statusCode === 200 || answer.statusCode === 500) {
        try {
          const summary = JSON.parse(answer.body) as WebhookSummary;
          if (typeof summary.received === 'number') {
            const rescored = summary.written.length + summary.unchanged;
            metrics.inc(
              'keystone_webhook_events_received_total',
              'Webhook events in verified deliveries',
              summary.received,
            );
            metrics.inc(
              'keystone_webhook_events_coalesced_total',
              'Webhook events merged into another event’s rescore or dropped',
              Math.max(0, summary.received - rescored - summary.failed.length - summary.deferred.length),
            );
            metrics.inc(
              'keystone_webhook_companies_rescored_total',
              'Companies rescored because of webhook events',
              rescored,
            );
          }
        } catch {
          // a 500 without a summary (resolve failed): nothing to count
        }
      }
      logger.info('webhook answered', { status: answer.statusCode });
      return answer;
    }
    const answer = await handleWorkflowActionRequest(signed, handlerOptions);
    countRejection(endpoint, answer);
    if (answer.statusCode === 200)
      metrics.inc('keystone_workflow_actions_total', 'Workflow-action calls answered');
    logger.info('workflow action answered', { status: answer.statusCode });
    return answer;
  }

  async function route(request: IncomingMessage): Promise<HttpResponse> {
    const pathname = new URL(request.url ?? '/', 'http://local').pathname.replace(/\/+$/, '') || '/';
    const method = request.method ?? 'GET';
    const postOnly = (call: () => Promise<HttpResponse>) =>
      method === 'POST'
        ? call()
        : Promise.resolve({
            ...json(405, { error: 'method_not_allowed' }),
            headers: { Allow: 'POST', 'Content-Type': 'application/json' },
          });
    if (pathname.endsWith(SERVE_PATHS.webhook))
      return postOnly(() => hubspotCall(request, options.publicUrls.webhookUrl, 'webhook'));
    if (pathname.endsWith(SERVE_PATHS.action))
      return postOnly(() => hubspotCall(request, options.publicUrls.actionUrl, 'workflow_action'));
    const appAt = pathname.lastIndexOf(APP_FETCH_PATH);
    if (appAt >= 0 && options.app) {
      const app = options.app;
      const operation = pathname.slice(appAt + APP_FETCH_PATH.length);
      return postOnly(async () => {
        const body = await readBody(request);
        if (body === null) return json(413, { error: 'body_too_large' });
        const raw = request.url ?? '';
        const query = raw.includes('?') ? raw.slice(raw.indexOf('?')) : '';
        const answer = await handleAppFetchRequest(
          operation,
          {
            method,
            // HubSpot signs the URL it calls (the permitted fetch URL), not what a proxy forwards
            uri: `${app.publicBaseUrl}${APP_FETCH_PATH}${operation}${query}`,
            body,
            headers: request.headers,
          },
          { ...app, replayGuard, nowMs: () => now().getTime(), logger },
        );
        countRejection('app', answer);
        return answer;
      });
    }
    if (pathname === '/healthz' && method === 'GET') {
      const hubspot = await hubspotReachable();
      const { lastRun, lastSuccess } = runner.state();
      const lastRunFailed = lastRun?.outcome === 'failed';
      const ok = hubspot.reachable && !lastRunFailed;
      return json(ok ? 200 : 503, {
        status: ok ? 'ok' : 'failing',
        hubspot: hubspot.reachable ? 'reachable' : `unreachable: ${hubspot.reason ?? 'unknown'}`,
        running: runner.busy,
        lastRun,
        lastSuccess,
        next: scheduler.next(),
      });
    }
    if (pathname === '/metrics' && method === 'GET') {
      return {
        statusCode: 200,
        headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
        body: metrics.render(),
      };
    }
    return json(404, { error: 'not_found' });
  }

  const server: Server = createServer((request, response) => {
    route(request).then(
      (answer) => send(response, answer),
      (error: unknown) => {
        logger.error('request failed', {
          path: request.url?.split('?')[0],
          reason: (error as Error).message,
        });
        if (!response.headersSent) send(response, json(500, { error: 'internal' }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const fire = (kind: RunKind, reason: string) => {
    runner
      .request(kind, reason)
      ?.catch((error: unknown) => logger.error('run crashed', { reason: (error as Error).message }));
  };
  const scheduler = startScheduler(options.schedules, options.timezone, (kind) => fire(kind, 'schedule'));
  logger.info('kam serve listening', {
    url,
    webhookUrl: options.publicUrls.webhookUrl,
    actionUrl: options.publicUrls.actionUrl,
    next: scheduler.next(),
  });
  const interrupted = runner.interrupted();
  if (interrupted) fire(interrupted, 'resume after restart');

  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping_: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping_ ??= (async () => {
      logger.info('kam serve stopping', { running: runner.busy });
      scheduler.stop();
      stopping.abort();
      await runner.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      logger.info('kam serve stopped');
      resolveStopped();
    })());

  return { url, port, metrics, runner, scheduler, stop, stopped };
}
