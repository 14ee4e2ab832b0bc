/**
 * The webhook endpoint, end to end: verify → reject replays → parse → coalesce → resolve
 * companies → rescore each once. Nothing touches HubSpot (the engine is not even created)
 * before the signature, the replay check and the parse have passed.
 *
 * Status codes (HubSpot retries a webhook batch on anything but 2xx, with a new signature and a
 * higher `attemptNumber`):
 * - 405 not POST · 401 bad or missing signature, stale timestamp · 409 replayed request ·
 *   400 malformed body — all without side effects;
 * - 500 when a rescore failed in a way a retry can fix (rate limit, 5xx, network);
 * - 200 otherwise, with a summary; companies left for lack of time are logged as deferred and
 *   caught by the scheduled recalculation workflow (docs/workflows.md).
 */
import { planRescoring, type DropReason } from './coalesce';
import { silentLogger, type IncrementalEngine, type Logger } from './engine-port';
import { jsonResponse, type HttpResponse } from './http-response';
import type { ReplayGuard } from './replay-guard';
import { classifyRescoreFailure, rescoreCompanies, type CompanyResult } from './rescore-companies';
import { readHeader, SIGNATURE_HEADERS, verifyHubSpotSignature, type SignedRequest } from './signature';
import { parseWebhookBody } from './webhook-events';

/** Leaves room inside the ~15 s function limit for the response and one slow call. */
export const DEFAULT_WEBHOOK_BUDGET_MS = 11_000;
export const DEFAULT_RESCORE_CONCURRENCY = 3;

export type WebhookHandlerOptions = {
  clientSecret: string;
  /** Called only after the request is verified and parsed, so a rejected request builds no API client. */
  createEngine: () => IncrementalEngine;
  replayGuard: ReplayGuard;
  nowMs: () => number;
  budgetMs?: number;
  concurrency?: number;
  logger?: Logger;
};

export type WebhookSummary = {
  received: number;
  dropped: Partial<Record<DropReason, number>>;
  companies: number;
  written: string[];
  unchanged: number;
  notFound: string[];
  failed: { companyId: string; code: string; retryable: boolean }[];
  deferred: string[];
};

function summarise(
  eventCount: number,
  dropped: readonly { reason: DropReason }[],
  results: readonly CompanyResult[],
): WebhookSummary {
  const droppedCounts: Partial<Record<DropReason, number>> = {};
  for (const { reason } of dropped) droppedCounts[reason] = (droppedCounts[reason] ?? 0) + 1;
  const summary: WebhookSummary = {
    received: eventCount,
    dropped: droppedCounts,
    companies: results.length,
    written: [],
    unchanged: 0,
    notFound: [],
    failed: [],
    deferred: [],
  };
  for (const result of results) {
    if (result.status === 'written') summary.written.push(result.companyId);
    else if (result.status === 'unchanged') summary.unchanged += 1;
    else if (result.status === 'not_found') summary.notFound.push(result.companyId);
    else if (result.status === 'deferred') summary.deferred.push(result.companyId);
    else summary.failed.push({ companyId: result.companyId, code: result.code, retryable: result.retryable });
  }
  return summary;
}

/**
 * Handles one webhook delivery.
 * @example await handleWebhookRequest(signedRequest, { clientSecret, createEngine, replayGuard, nowMs: Date.now })
 */
export async function handleWebhookRequest(
  request: SignedRequest,
  options: WebhookHandlerOptions,
): Promise<HttpResponse> {
  const logger = options.logger ?? silentLogger;
  const startedAtMs = options.nowMs();
  if (request.method !== 'POST') return jsonResponse(405, { error: 'method_not_allowed' }, { Allow: 'POST' });

  const check = verifyHubSpotSignature(request, {
    clientSecret: options.clientSecret,
    nowMs: startedAtMs,
    accept: ['v3'],
  });
  if (!check.ok) {
    logger.warn('webhook rejected: signature', { reason: check.reason });
    return jsonResponse(401, { error: 'invalid_signature', reason: check.reason });
  }
  const signature = readHeader(request.headers, SIGNATURE_HEADERS.v3) ?? '';
  if (options.replayGuard.seen(`v3:${signature}`, startedAtMs)) {
    logger.warn('webhook rejected: replayed request', { timestampMs: check.timestampMs });
    return jsonResponse(409, { error: 'replayed_request' });
  }

  const parsed = parseWebhookBody(request.body);
  if (!parsed.ok) {
    logger.warn('webhook rejected: malformed body', { issues: parsed.issues.slice(0, 5) });
    return jsonResponse(400, { error: 'malformed_body', issues: parsed.issues.slice(0, 20) });
  }

  const plan = planRescoring(parsed.value);
  if (plan.companyIds.length === 0 && plan.relatedObjects.length === 0) {
    return jsonResponse(200, summarise(plan.eventCount, plan.dropped, []));
  }

  const engine = options.createEngine();
  const companyIds = new Set(plan.companyIds);
  if (plan.relatedObjects.length > 0) {
    try {
      for (const id of await engine.resolveCompanyIds(plan.relatedObjects)) companyIds.add(id);
    } catch (error) {
      const verdict = classifyRescoreFailure(error);
      const retryable = verdict.kind === 'failed' && verdict.retryable;
      logger.error('webhook: resolving companies failed', { verdict, objects: plan.relatedObjects.length });
      // without the related companies the batch is only half done: let HubSpot send it again
      if (retryable) return jsonResponse(500, { error: 'resolve_failed', retryable });
    }
  }

  const results = await rescoreCompanies([...companyIds], engine, {
    concurrency: options.concurrency ?? DEFAULT_RESCORE_CONCURRENCY,
    deadlineAtMs: startedAtMs + (options.budgetMs ?? DEFAULT_WEBHOOK_BUDGET_MS),
    nowMs: options.nowMs,
  });
  const summary = summarise(plan.eventCount, plan.dropped, results);
  if (summary.deferred.length > 0)
    logger.warn('webhook: companies deferred to the scheduled recalculation', { deferred: summary.deferred });
  if (summary.failed.length > 0) logger.error('webhook: rescoring failed', { failed: summary.failed });
  const shouldRetry = summary.failed.some((failure) => failure.retryable);
  return jsonResponse(shouldRetry ? 500 : 200, summary);
}
