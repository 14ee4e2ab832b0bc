/**
 * The CRM gateway: every HubSpot call Keystone makes goes through here. It owns the API paths
 * (via `@hubspot/api-client`), the batch limits, the rate budget and the retries, and it
 * zod-parses what comes back. Callers above it see plain records and KeystoneErrors.
 *
 * The client's own retry and limiter are switched off: its retry ignores Retry-After and the
 * daily limit, and its settings are process-wide.
 */
import { Client } from '@hubspot/api-client';
import { z } from 'zod';
import { KeystoneError } from '../errors';
import { classifyFailure, toKeystoneError } from './hubspot-error';
import { RollingWindowLimiter, realClock, type Clock } from './rate-limiter';
import { chunk as chunkOf, mapPool } from '../util/pool';

export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';

// HubSpot's documented limits; the sources are cited in emulator/limits/hubspot-limits.ts
export const BATCH_LIMIT = 100;
export const BATCH_LIMIT_WITH_HISTORY = 50;
export const ASSOCIATION_BATCH_LIMIT = 1000;
export const LIST_PAGE_LIMIT = 100;
export const SEARCH_PAGE_LIMIT = 200;
export const SEARCH_RESULT_CAP = 10_000;

export type CrmObjectType =
  'companies' | 'deals' | 'tickets' | 'meetings' | 'contacts' | 'tasks' | (string & {});

export const crmObjectSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable().optional()).transform((props) => {
    const clean: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(props)) clean[key] = value ?? null;
    return clean;
  }),
});
export type CrmObject = z.infer<typeof crmObjectSchema>;

const historyEntrySchema = z.object({
  value: z.string().nullable().optional(),
  timestamp: z.union([z.string(), z.date()]),
});
const objectWithHistorySchema = crmObjectSchema.extend({
  propertiesWithHistory: z.record(z.string(), z.array(historyEntrySchema)).optional(),
});
export type PropertyHistoryEntry = { value: string | null; timestamp: string };
export type CrmObjectWithHistory = CrmObject & { history: Record<string, PropertyHistoryEntry[]> };

/** A search filter as HubSpot takes it (`operator`: EQ, GTE, HAS_PROPERTY, …). */
export type SearchFilter = {
  propertyName: string;
  operator: string;
  value?: string;
  highValue?: string;
  values?: string[];
};

/** A search: filter groups are ORed, the filters within a group ANDed. */
export type SearchRequest = {
  filterGroups: { filters: SearchFilter[] }[];
  properties: readonly string[];
  sorts?: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }[];
};

const searchPageSchema = z.object({
  total: z.number().int().nonnegative(),
  results: z.array(crmObjectSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

export type SearchPage = { results: CrmObject[]; total: number; after: string | undefined };

/** One error entry of a 207 (every field optional: only what HubSpot sent is read). */
export const batchErrorSchema = z
  .object({
    category: z.string().optional(),
    message: z.string().optional(),
    context: z.record(z.string(), z.array(z.string())).optional(),
  })
  .passthrough();

/** What a batch update's 207 says: the records that were written and the errors of the rest. */
const batchWithErrorsSchema = z
  .object({ results: z.array(z.unknown()), errors: z.array(z.unknown()).default([]) })
  .passthrough();

export type BatchFailure = { ids: string[]; category: string | undefined; message: string | undefined };

export type GatewayOptions = {
  accessToken: string;
  basePath?: string;
  /** Our share of the portal's ten-second budget (HubSpot allows 190 to all apps together). */
  requestsPerTenSeconds?: number;
  /** HubSpot's search endpoints allow about 5 requests per second per portal. */
  searchRequestsPerSecond?: number;
  /** Keep this many requests of the portal's window free for other apps (from X-HubSpot-RateLimit-Remaining). */
  reserveForOtherApps?: number;
  maxRetries?: number;
  /**
   * Reads in flight at once per batch read (default 8; the sync reads four record types side by
   * side). Enough that the rate budget, not the round trips, paces a chunk's reads; more made the
   * emulator queue requests long enough that their arrival, which HubSpot counts, drifted past the
   * limiter's margin (bench/sync.bench.ts).
   */
  concurrency?: number;
  /**
   * Batch updates in flight at once (default 8). A write batch carries up to 100 explanations, so
   * the server spends longer on each: more in flight keeps the budget, not the round trips, the limit.
   */
  writeConcurrency?: number;
  clock?: Clock;
  /** Called once per retry with what happened, for progress output and tests. */
  onRetry?: (event: { endpoint: string; attempt: number; reason: string; waitMs: number }) => void;
};

export type GatewayStats = {
  /** Requests sent, per endpoint label (retries included). */
  calls: Record<string, number>;
  totalCalls: number;
  retries: number;
  rateLimited: number;
  /** The rolling window's safety margin at the end (50 ms unless refusals widened it). */
  safetyMarginMs: number;
};

type HttpInfoLike<T> = { httpStatusCode: number; headers: Record<string, string>; data: T };

export class CrmGateway {
  readonly client: Client;
  private readonly limiter: RollingWindowLimiter;
  private readonly searchLimiter: RollingWindowLimiter;
  private readonly clock: Clock;
  private readonly maxRetries: number;
  private readonly reserve: number;
  private readonly concurrency: number;
  private readonly writeConcurrency: number;
  private readonly stats: Omit<GatewayStats, 'safetyMarginMs'> = {
    calls: {},
    totalCalls: 0,
    retries: 0,
    rateLimited: 0,
  };

  constructor(private readonly options: GatewayOptions) {
    if (!options.accessToken || options.accessToken.trim() === '') {
      throw new KeystoneError('auth.missing_token', 'no HubSpot access token: set HUBSPOT_ACCESS_TOKEN');
    }
    this.clock = options.clock ?? realClock;
    this.client = new Client({
      accessToken: options.accessToken,
      basePath: options.basePath ?? HUBSPOT_API_BASE_URL,
      numberOfApiCallRetries: 0,
    });
    // The margin covers jitter in when requests reach HubSpot (arrival, not sending, is counted);
    // the requests kept free below the portal's 190 absorb any that still land early.
    this.limiter = new RollingWindowLimiter(
      { maxRequests: options.requestsPerTenSeconds ?? 180, windowMs: 10_000, safetyMarginMs: 50 },
      this.clock,
    );
    this.searchLimiter = new RollingWindowLimiter(
      { maxRequests: options.searchRequestsPerSecond ?? 4, windowMs: 1_000, safetyMarginMs: 50 },
      this.clock,
    );
    this.maxRetries = options.maxRetries ?? 6;
    this.reserve = options.reserveForOtherApps ?? 10;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.writeConcurrency = Math.max(1, options.writeConcurrency ?? 8);
  }

  /** A copy of the call counters. */
  getStats(): GatewayStats {
    return { ...this.stats, calls: { ...this.stats.calls }, safetyMarginMs: this.limiter.safetyMarginMs };
  }

  /**
   * Sends one request under the rate budget, retrying 429s (honouring Retry-After), 5xx and
   * network errors with backoff. The daily limit and 4xx errors are not retried.
   */
  async send<T>(
    endpoint: string,
    call: () => Promise<HttpInfoLike<T>>,
    options: { isSearch?: boolean; context?: Record<string, unknown> } = {},
  ): Promise<HttpInfoLike<T>> {
    for (let attempt = 0; ; attempt += 1) {
      await this.limiter.acquire();
      if (options.isSearch) await this.searchLimiter.acquire();
      this.stats.calls[endpoint] = (this.stats.calls[endpoint] ?? 0) + 1;
      this.stats.totalCalls += 1;
      try {
        const response = await call();
        this.observeBudget(response.headers);
        return response;
      } catch (error) {
        const failure = classifyFailure(error);
        this.observeBudget(failure.headers);
        // 501 means "never implemented", not "try again".
        const retryable =
          failure.kind === 'rate_limited' ||
          failure.kind === 'network' ||
          (failure.kind === 'server' && failure.status !== 501);
        if (!retryable || attempt >= this.maxRetries) throw toKeystoneError(endpoint, error, options.context);
        // A ten-secondly refusal without Retry-After means some of our requests reached HubSpot
        // later than our margin allows: widen it, and wait a little longer each time this request
        // is refused again (other apps may be using the window), up to a quarter of it.
        const waitMs =
          failure.kind === 'rate_limited'
            ? (failure.retryAfterMs ?? (options.isSearch ? 1_000 : Math.min(2_500, 250 * 2 ** attempt)))
            : Math.min(8_000, 250 * 2 ** attempt);
        if (failure.kind === 'rate_limited') {
          this.stats.rateLimited += 1;
          if (!options.isSearch && failure.body.policyName === 'TEN_SECONDLY_ROLLING')
            this.limiter.widenMargin();
          (options.isSearch ? this.searchLimiter : this.limiter).pauseUntil(this.clock.now() + waitMs);
        }
        this.stats.retries += 1;
        this.options.onRetry?.({
          endpoint,
          attempt: attempt + 1,
          reason:
            failure.kind === 'rate_limited'
              ? `429 ${failure.body.policyName ?? ''}`.trim()
              : `${failure.status ?? failure.kind}`,
          waitMs,
        });
        if (failure.kind !== 'rate_limited') await this.clock.sleep(waitMs);
      }
    }
  }

  /** Slow down when the portal's window is nearly used up by us and other apps together. */
  private observeBudget(headers: Record<string, string> | undefined): void {
    if (!headers) return;
    const remaining = Number(headers['x-hubspot-ratelimit-remaining']);
    const intervalMs = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
    const max = Number(headers['x-hubspot-ratelimit-max']);
    if (!Number.isFinite(remaining) || !Number.isFinite(intervalMs) || !Number.isFinite(max) || max <= 0)
      return;
    if (remaining < this.reserve) {
      // Wait for the share of the window that frees the missing requests.
      this.limiter.pauseUntil(this.clock.now() + ((this.reserve - remaining) / max) * intervalMs);
    }
  }

  /** One page of objects (100 max) with the given properties. */
  async listPage(
    objectType: CrmObjectType,
    properties: readonly string[],
    after?: string,
  ): Promise<{ results: CrmObject[]; after: string | undefined }> {
    const response = await this.send(`GET /crm/v3/objects/${objectType}`, () =>
      this.client.crm.objects.basicApi.getPageWithHttpInfo(objectType, LIST_PAGE_LIMIT, after, [
        ...properties,
      ]),
    );
    const page = response.data;
    return {
      results: page.results.map((record) => crmObjectSchema.parse(record)),
      after: page.paging?.next?.after,
    };
  }

  /**
   * Reads objects by id in batches of 100 (HubSpot's limit), deduplicating ids. Ids HubSpot
   * does not know are returned in `missing`, not thrown.
   */
  async batchRead(
    objectType: CrmObjectType,
    ids: readonly string[],
    properties: readonly string[],
  ): Promise<{ records: CrmObject[]; missing: string[] }> {
    const unique = [...new Set(ids)];
    const records: CrmObject[] = [];
    const missing: string[] = [];
    await mapPool(chunkOf(unique, BATCH_LIMIT), this.concurrency, async (chunk) => {
      const response = await this.send(
        `POST /crm/v3/objects/${objectType}/batch/read`,
        () =>
          this.client.crm.objects.batchApi.readWithHttpInfo(objectType, {
            inputs: chunk.map((id) => ({ id })),
            properties: [...properties],
            propertiesWithHistory: [],
          }),
        { context: { objectType, ids: chunk.length } },
      );
      for (const record of response.data.results) records.push(crmObjectSchema.parse(record));
      const returned = new Set(response.data.results.map((record) => record.id));
      for (const id of chunk) if (!returned.has(id)) missing.push(id);
    });
    return { records, missing };
  }

  /** Reads objects with the history of some properties, in batches of 50 (HubSpot's limit with history). */
  async batchReadWithHistory(
    objectType: CrmObjectType,
    ids: readonly string[],
    properties: readonly string[],
    propertiesWithHistory: readonly string[],
  ): Promise<CrmObjectWithHistory[]> {
    const unique = [...new Set(ids)];
    const records: CrmObjectWithHistory[] = [];
    for (let start = 0; start < unique.length; start += BATCH_LIMIT_WITH_HISTORY) {
      const chunk = unique.slice(start, start + BATCH_LIMIT_WITH_HISTORY);
      const response = await this.send(`POST /crm/v3/objects/${objectType}/batch/read (history)`, () =>
        this.client.crm.objects.batchApi.readWithHttpInfo(objectType, {
          inputs: chunk.map((id) => ({ id })),
          properties: [...properties],
          propertiesWithHistory: [...propertiesWithHistory],
        }),
      );
      for (const raw of response.data.results) {
        const parsed = objectWithHistorySchema.parse(raw);
        const history: Record<string, PropertyHistoryEntry[]> = {};
        for (const [name, entries] of Object.entries(parsed.propertiesWithHistory ?? {})) {
          history[name] = entries.map((entry) => ({
            value: entry.value ?? null,
            timestamp: entry.timestamp instanceof Date ? entry.timestamp.toISOString() : entry.timestamp,
          }));
        }
        records.push({ id: parsed.id, properties: parsed.properties, history });
      }
    }
    return records;
  }

  /**
   * Associated ids for many objects: v4 batch reads of up to 1,000 ids, following each
   * input's own paging until its list is complete.
   */
  async batchReadAssociations(
    fromType: CrmObjectType,
    toType: CrmObjectType,
    ids: readonly string[],
  ): Promise<Map<string, string[]>> {
    const associated = new Map<string, string[]>();
    let pending: { id: string; after?: string }[] = [...new Set(ids)].map((id) => ({ id }));
    while (pending.length > 0) {
      const next: { id: string; after?: string }[] = [];
      await mapPool(chunkOf(pending, ASSOCIATION_BATCH_LIMIT), this.concurrency, async (chunk) => {
        const response = await this.send(`POST /crm/v4/associations/${fromType}/${toType}/batch/read`, () =>
          this.client.crm.associations.v4.batchApi.getPageWithHttpInfo(fromType, toType, {
            inputs: chunk.map((input) =>
              input.after ? { id: input.id, after: input.after } : { id: input.id },
            ),
          }),
        );
        for (const result of response.data.results) {
          const fromId = String(result._from.id);
          const list = associated.get(fromId) ?? [];
          for (const target of result.to) list.push(String(target.toObjectId));
          associated.set(fromId, list);
          const after = result.paging?.next?.after;
          if (after) next.push({ id: fromId, after });
        }
      });
      pending = next;
    }
    for (const id of ids) if (!associated.has(id)) associated.set(id, []);
    for (const [id, list] of associated) associated.set(id, [...new Set(list)]);
    return associated;
  }

  /**
   * Updates objects in batches of 100. Items a 207 reports as failed are retried one by one
   * (a single bad item must not sink its 99 neighbours); what still fails is returned, never dropped.
   * `beforeBatch` runs before each batch is sent: throwing there (an abort) stops the run between
   * batches, never inside one; batches already in flight still land and are reported.
   */
  async batchUpdate(
    objectType: CrmObjectType,
    inputs: readonly { id: string; properties: Record<string, string> }[],
    onBatchDone?: (ids: string[]) => void | Promise<void>,
    beforeBatch?: () => void,
  ): Promise<{ updated: number; failures: BatchFailure[] }> {
    let updated = 0;
    const failures: BatchFailure[] = [];
    await mapPool(chunkOf(inputs, BATCH_LIMIT), this.writeConcurrency, async (chunk) => {
      beforeBatch?.();
      const response = await this.send(
        `POST /crm/v3/objects/${objectType}/batch/update`,
        () => this.sendBatchUpdate(objectType, chunk),
        { context: { objectType, ids: chunk.length } },
      );
      updated += response.data.updated;
      const failedIds = new Set<string>();
      for (const raw of response.data.errors) {
        const error = batchErrorSchema.safeParse(raw);
        for (const id of (error.success ? error.data.context?.ids : undefined) ?? []) failedIds.add(id);
      }
      const stillFailed = new Set<string>();
      for (const input of chunk.filter((i) => failedIds.has(i.id))) {
        try {
          await this.send(`PATCH /crm/v3/objects/${objectType}/{id}`, () =>
            this.client.crm.objects.basicApi.updateWithHttpInfo(objectType, input.id, {
              properties: input.properties,
            }),
          );
          updated += 1;
        } catch (error) {
          const failure = classifyFailure((error as { cause?: unknown }).cause ?? error);
          failures.push({
            ids: [input.id],
            category: failure.body.category,
            message: failure.body.message ?? String(error),
          });
          stillFailed.add(input.id);
        }
      }
      await onBatchDone?.(chunk.map((i) => i.id).filter((id) => !stillFailed.has(id)));
    });
    return { updated, failures };
  }

  /**
   * One batch update through the client's raw request (`apiRequest`) rather than the typed
   * `batchApi.update`: a batch carries ~450 KB of JSON, mostly explanations in two languages,
   * and HubSpot echoes every written value back. Sent as UTF-8 bytes (fetch need not check a
   * string for lone surrogates), and a 200's echo is read but not decoded, the client's CPU per
   * batch halves (bench/sync.bench.ts). A 207 is decoded for its errors; any other status
   * throws the shape `classifyFailure` reads, as the typed API does.
   */
  private async sendBatchUpdate(
    objectType: CrmObjectType,
    chunk: readonly { id: string; properties: Record<string, string> }[],
  ): Promise<HttpInfoLike<{ updated: number; errors: unknown[] }>> {
    const response = await this.client.apiRequest({
      method: 'POST',
      path: `/crm/v3/objects/${objectType}/batch/update`,
      // only the fields HubSpot takes, as the typed API's serializer would send
      body: Buffer.from(JSON.stringify({ inputs: chunk.map(({ id, properties }) => ({ id, properties })) })),
      defaultJson: false,
      headers: { 'Content-Type': 'application/json' },
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (response.status === 200) {
      await response.arrayBuffer();
      return { httpStatusCode: 200, headers, data: { updated: chunk.length, errors: [] } };
    }
    const text = await response.text();
    if (response.status === 207) {
      const body = batchWithErrorsSchema.parse(JSON.parse(text));
      return { httpStatusCode: 207, headers, data: { updated: body.results.length, errors: body.errors } };
    }
    throw Object.assign(new Error(`HTTP ${response.status}`), { code: response.status, body: text, headers });
  }

  /** Creates objects in batches of 100; returns the created records in input order. */
  async batchCreate(
    objectType: CrmObjectType,
    inputs: readonly {
      properties: Record<string, string>;
      associations?: { toId: string; typeId: number }[];
    }[],
  ): Promise<CrmObject[]> {
    const created: CrmObject[] = [];
    for (let start = 0; start < inputs.length; start += BATCH_LIMIT) {
      const chunk = inputs.slice(start, start + BATCH_LIMIT);
      const response = await this.send(`POST /crm/v3/objects/${objectType}/batch/create`, () =>
        this.client.crm.objects.batchApi.createWithHttpInfo(objectType, {
          inputs: chunk.map((input) => ({
            properties: input.properties,
            associations: (input.associations ?? []).map((a) => ({
              to: { id: a.toId },
              types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: a.typeId }],
            })),
          })),
        }),
      );
      for (const record of response.data.results) created.push(crmObjectSchema.parse(record));
    }
    return created;
  }

  /**
   * One page of the search API (at most 200 objects, its own per-second limit), with the total
   * HubSpot counts and the cursor of the next page.
   * @example await gateway.searchPage('companies', { filterGroups: [], properties: ['name'], limit: 10 })
   */
  async searchPage(
    objectType: CrmObjectType,
    request: SearchRequest & { limit: number; after?: string | undefined },
  ): Promise<SearchPage> {
    const endpoint = `POST /crm/v3/objects/${objectType}/search`;
    // through the raw request: the generated client types `sorts` as strings, HubSpot takes objects
    const body: Record<string, unknown> = {
      filterGroups: request.filterGroups,
      properties: [...request.properties],
      sorts: request.sorts ?? [],
      limit: Math.min(SEARCH_PAGE_LIMIT, Math.max(1, Math.floor(request.limit))),
      ...(request.after === undefined ? {} : { after: request.after }),
    };
    const response = await this.send(
      endpoint,
      () => this.sendJson('POST', `/crm/v3/objects/${objectType}/search`, body),
      {
        isSearch: true,
      },
    );
    const page = searchPageSchema.parse(response.data);
    return { results: page.results, total: page.total, after: page.paging?.next?.after };
  }

  /**
   * Every object matching the filters, paging the search API (200 per page, its own
   * per-second limit). Throws when the query would pass HubSpot's 10,000-result cap; callers
   * partition such queries (e.g. by id ranges).
   */
  async searchAll(objectType: CrmObjectType, request: SearchRequest): Promise<CrmObject[]> {
    const results: CrmObject[] = [];
    let after: string | undefined;
    do {
      const page = await this.searchPage(objectType, { ...request, limit: SEARCH_PAGE_LIMIT, after });
      if (page.total > SEARCH_RESULT_CAP) {
        throw new KeystoneError(
          'hubspot.search_cap',
          `search of ${objectType}: ${page.total} results exceed HubSpot's ${SEARCH_RESULT_CAP}-result cap; narrow the query`,
          { objectType, total: page.total },
        );
      }
      results.push(...page.results);
      after = page.after;
    } while (after);
    return results;
  }

  /** A JSON request through the client's raw request; any status but 200 throws the shape `classifyFailure` reads. */
  private async sendJson(method: 'POST', path: string, body: unknown): Promise<HttpInfoLike<unknown>> {
    const response = await this.client.apiRequest({
      method,
      path,
      body: Buffer.from(JSON.stringify(body)),
      defaultJson: false,
      headers: { 'Content-Type': 'application/json' },
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const text = await response.text();
    if (response.status !== 200)
      throw Object.assign(new Error(`HTTP ${response.status}`), {
        code: response.status,
        body: text,
        headers,
      });
    return { httpStatusCode: response.status, headers, data: JSON.parse(text) as unknown };
  }
}

/** Builds the gateway from `HUBSPOT_ACCESS_TOKEN` and `HUBSPOT_BASE_URL`; the token never leaves it. */
export function createGateway(options: GatewayOptions): CrmGateway {
  return new CrmGateway(options);
}
