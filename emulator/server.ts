/**
 * The emulator's HTTP server (node:http on 127.0.0.1). Each request goes through the same steps
 * HubSpot's edge applies: route lookup (501 for anything not emulated), bearer authentication
 * (401), daily / ten-secondly / search-secondly limits (429 with `policyName`), injected faults,
 * then the route. Admin routes under /__emulator/ are not HubSpot: no auth, no limits, no counts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZodError } from 'zod';
import { adminRoutes, type EmulatorControl } from './admin';
import { HubSpotHttpError, errorBody, validationError, type HubSpotErrorBody } from './http/errors';
import { Router, type RouteReply } from './http/router';
import { FaultInjector, type FaultRates } from './limits/faults';
import {
  BatchFailureInjector,
  TIER_RATE_LIMITS,
  customObjectsForbidden,
  type FidelityKnobs,
  type PortalTier,
} from './limits/fidelity';
import { TokenLimits, rateLimitBody, type RateLimitSettings } from './limits/rate-limiter';
import { RequestCounter } from './request-log';
import { hubspotRoutes } from './routes';
import { CrmStore } from './store/crm-store';
import {
  loadSnapshot,
  loadSnapshotIntoStore,
  type EmulatorSnapshot,
  type LoadOptions,
  type LoadSummary,
} from './store/snapshot-loader';

/** How long an idle keep-alive connection stays open: longer than Node's client keeps one (5 s). */
const IDLE_CONNECTION_MS = 65_000;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Always 127.0.0.1: the emulator never listens beyond loopback. */
  host?: '127.0.0.1';
  /** When set, only `Authorization: Bearer <token>` is accepted; otherwise any non-empty bearer. */
  token?: string;
  rateLimit?: Partial<RateLimitSettings>;
  /** Search requests per second per token (HubSpot: 5). */
  searchPerSecond?: number;
  /** Added to every HubSpot API response, in milliseconds. */
  latencyMs?: number;
  faults?: Partial<FaultRates>;
  /** Seeds fault injection. */
  seed?: number;
  /** Called with one line per request; nothing is logged without it. */
  log?: (line: string) => void;
  portalId?: number;
  /** Clock for record timestamps and limits; tests may pin it. */
  now?: () => number;
  /**
   * The portal's subscription (default enterprise). Professional answers 403 on the custom object
   * schemas API and has Professional's daily limit (unless `rateLimit` says otherwise).
   */
  tier?: PortalTier;
  /** How long a write takes to reach search, in ms (default 0: at once; HubSpot: a few seconds). */
  searchLagMs?: number;
  /** Share of property batch create and object batch update inputs that fail in a 207 (default 0), seeded. */
  batchFailureRate?: number;
}

const DEFAULT_PORTAL_ID = 4_410_000;

interface ParsedRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
}

export class EmulatorServer implements EmulatorControl {
  store: CrmStore;
  readonly requestLog = new RequestCounter();
  private readonly router = new Router(hubspotRoutes);
  private readonly admin: Router;
  private readonly server: Server;
  private readonly faults: FaultInjector;
  private readonly limitsByToken = new Map<string, TokenLimits>();
  private readonly rateLimit: RateLimitSettings;
  private readonly searchPerSecond: number;
  private readonly now: () => number;
  private readonly tier: PortalTier;
  private readonly batchFailures: BatchFailureInjector;
  private latencyMs: number;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.store = this.freshStore();
    this.faults = new FaultInjector(options.seed ?? 1, options.faults);
    this.tier = options.tier ?? 'enterprise';
    this.batchFailures = new BatchFailureInjector(options.seed ?? 1, options.batchFailureRate ?? 0);
    this.rateLimit = { ...TIER_RATE_LIMITS[this.tier], ...options.rateLimit };
    this.searchPerSecond = options.searchPerSecond ?? 5;
    this.latencyMs = options.latencyMs ?? 0;
    this.admin = new Router(adminRoutes(this));
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.write(response, 500, errorBody('INTERNAL_ERROR', `Emulator failure: ${String(error)}`), {});
      });
    });
    // Node's server drops an idle keep-alive connection after 5 s, the same moment Node's client
    // does. The two race, and a client that reuses the socket just as the server closes it gets a
    // reset. A 100k sync hit this five times, after the ~10 s of scoring between its last read and
    // its first write. Servers like HubSpot's keep idle connections longer than their clients.
    this.server.keepAliveTimeout = IDLE_CONNECTION_MS;
  }

  private freshStore(): CrmStore {
    return new CrmStore({
      portalId: this.options.portalId ?? DEFAULT_PORTAL_ID,
      now: this.now,
      searchLagMs: this.options.searchLagMs ?? 0,
    });
  }

  async listen(): Promise<{ url: string; port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, port };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Keep-alive sockets from the client would hold close() open; HubSpot clients use them.
      this.server.closeAllConnections();
    });
  }

  // EmulatorControl — what the programmatic API and the admin routes can change.

  reset(): void {
    this.store = this.freshStore();
    this.requestLog.clear();
    this.limitsByToken.clear();
    this.faults.reseed();
    this.batchFailures.reseed();
  }

  /** Untrusted JSON (admin API): zod-parsed first. */
  loadSnapshot(snapshot: unknown): LoadSummary {
    return loadSnapshot(this.store, snapshot);
  }

  /** A typed in-process snapshot (the generator's): loaded without a per-record parse. */
  loadTypedSnapshot(snapshot: EmulatorSnapshot, options?: LoadOptions): LoadSummary {
    return loadSnapshotIntoStore(this.store, snapshot, options);
  }

  setFaults(rates: Partial<FaultRates>): void {
    this.faults.set(rates);
  }

  faultRates(): FaultRates {
    return this.faults.current();
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  latency(): number {
    return this.latencyMs;
  }

  setBatchFailureRate(rate: number): void {
    this.batchFailures.set(rate);
  }

  fidelity(): FidelityKnobs {
    return {
      tier: this.tier,
      searchLagMs: this.options.searchLagMs ?? 0,
      batchFailureRate: this.batchFailures.current(),
    };
  }

  // Request handling.

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedMs = Date.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const parsed: ParsedRequest = {
      method: request.method ?? 'GET',
      pathname: url.pathname,
      query: url.searchParams,
    };
    const rawBody = await readBody(request);
    if (parsed.pathname.startsWith('/__emulator/')) {
      const reply = this.dispatch(this.admin, parsed, rawBody);
      this.write(response, reply.status, reply.body, {});
      return;
    }
    const { status, body, headers } = this.handleHubSpot(parsed, request.headers.authorization, rawBody);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    this.write(response, status, body, headers);
    this.options.log?.(
      `${new Date(startedMs).toISOString()} ${parsed.method} ${parsed.pathname}${url.search} ${status} ${Date.now() - startedMs}ms`,
    );
  }

  private handleHubSpot(
    request: ParsedRequest,
    authorization: string | undefined,
    rawBody: string,
  ): RouteReply & { headers: Record<string, string> } {
    const match = this.router.match(request.method, request.pathname);
    this.requestLog.record(
      match ? `${request.method} ${match.route.pattern}` : `UNMATCHED ${request.method} ${request.pathname}`,
    );
    if (!match) {
      // The emulator is loud about gaps: a 501 naming exactly what was asked for.
      const message = `The Keystone emulator does not implement ${request.method} ${request.pathname}. Add a route in emulator/routes/ or change the caller.`;
      return { status: 501, body: errorBody('NOT_IMPLEMENTED', message), headers: {} };
    }
    const token = bearerToken(authorization);
    if (token === null || (this.options.token !== undefined && token !== this.options.token)) {
      return { status: 401, body: authenticationError(token === null), headers: {} };
    }
    const nowMs = this.now();
    const limits = this.limitsFor(token);
    const refused = limits.admit(nowMs, match.route.isSearch === true);
    // HubSpot's search endpoints do not send the X-HubSpot-RateLimit headers (search guide, "Limitations").
    const headers = match.route.isSearch ? {} : limits.headers(nowMs);
    if (refused) return { status: 429, body: rateLimitBody(refused), headers };
    const fault = this.faults.draw();
    if (fault) return { ...fault, headers };
    // Custom objects are an Enterprise feature: a Professional portal refuses the schemas API.
    if (this.tier === 'professional' && match.route.pattern.includes('/schemas')) {
      return { status: 403, body: customObjectsForbidden(), headers };
    }
    return { ...this.dispatch(this.router, request, rawBody, match), headers };
  }

  private dispatch(
    router: Router,
    request: ParsedRequest,
    rawBody: string,
    known = router.match(request.method, request.pathname),
  ): RouteReply {
    if (!known) {
      return {
        status: 501,
        body: errorBody('NOT_IMPLEMENTED', `No emulator admin route ${request.method} ${request.pathname}`),
      };
    }
    try {
      const body = parseJson(rawBody);
      return known.route.handle({
        store: this.store,
        params: known.params,
        query: request.query,
        body,
        failBatchInput: () => this.batchFailures.fails(),
      });
    } catch (error) {
      if (error instanceof HubSpotHttpError) return { status: error.status, body: error.body };
      if (error instanceof ZodError) {
        return {
          status: 400,
          body: validationError(
            error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
          ).body,
        };
      }
      return {
        status: 500,
        body: errorBody(
          'INTERNAL_ERROR',
          `Emulator failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
      };
    }
  }

  private limitsFor(token: string): TokenLimits {
    let limits = this.limitsByToken.get(token);
    if (!limits) {
      limits = new TokenLimits(this.rateLimit, this.searchPerSecond);
      this.limitsByToken.set(token, limits);
    }
    return limits;
  }

  private write(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string>,
  ): void {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (status === 204 || body === undefined) {
      response.writeHead(status);
      response.end();
      return;
    }
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'Content-Type': 'application/json;charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    response.end(text);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw validationError(`Invalid input JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}

/** HubSpot's 401 (category INVALID_AUTHENTICATION) for a missing or unknown token. */
function authenticationError(isMissing: boolean): HubSpotErrorBody {
  return errorBody(
    'INVALID_AUTHENTICATION',
    isMissing
      ? 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'
      : 'The access token provided is not valid for this portal (the Keystone emulator was started with --token).',
  );
}
