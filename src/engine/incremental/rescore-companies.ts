/**
 * Rescores a set of companies through the engine port within the function's time budget. Each
 * company is rescored at most once per request; failures are sorted into "HubSpot should retry
 * the request" (rate limits, server and network errors) and "retrying cannot help".
 */
import { isKeystoneError } from '../errors';
import type { IncrementalEngine } from './engine-port';

/** Keystone error codes (see src/engine/hubspot/hubspot-error.ts) that a later attempt may not hit. */
export const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  'hubspot.rate_limited',
  'hubspot.daily_limit',
  'hubspot.server_error',
  'hubspot.network',
]);

export type CompanyResult =
  | { companyId: string; status: 'written'; changedProperties: readonly string[] }
  | { companyId: string; status: 'unchanged' }
  | { companyId: string; status: 'not_found' }
  | { companyId: string; status: 'failed'; retryable: boolean; code: string; message: string }
  | { companyId: string; status: 'deferred' };

export type FailureVerdict =
  { kind: 'not_found' } | { kind: 'failed'; retryable: boolean; code: string; message: string };

/** Sorts a thrown value: a company that no longer exists, a transient failure, or a permanent one. */
export function classifyRescoreFailure(error: unknown): FailureVerdict {
  if (isKeystoneError(error)) {
    if (error.code === 'hubspot.not_found') return { kind: 'not_found' };
    return {
      kind: 'failed',
      retryable: RETRYABLE_ERROR_CODES.has(error.code),
      code: error.code,
      message: error.message,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', retryable: false, code: 'incremental.unexpected', message };
}

export type RescoreBudget = {
  /** Companies rescored in parallel; the adapter's rate limiter still paces the calls. */
  concurrency: number;
  /** Epoch ms after which no new rescore starts (the function has about 15 s in all). */
  deadlineAtMs: number;
  nowMs: () => number;
};

/**
 * Rescores each company once, at most `concurrency` at a time, starting none after the deadline.
 * Never throws: every company gets a {@link CompanyResult}.
 */
export async function rescoreCompanies(
  companyIds: readonly string[],
  engine: IncrementalEngine,
  budget: RescoreBudget,
): Promise<CompanyResult[]> {
  const results: CompanyResult[] = new Array<CompanyResult>(companyIds.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < companyIds.length) {
      const index = next;
      next += 1;
      const companyId = companyIds[index] as string;
      if (budget.nowMs() >= budget.deadlineAtMs) {
        results[index] = { companyId, status: 'deferred' };
        continue;
      }
      try {
        const outcome = await engine.rescoreCompany(companyId);
        results[index] =
          outcome.changedProperties.length > 0
            ? { companyId, status: 'written', changedProperties: outcome.changedProperties }
            : { companyId, status: 'unchanged' };
      } catch (error) {
        const verdict = classifyRescoreFailure(error);
        results[index] =
          verdict.kind === 'not_found'
            ? { companyId, status: 'not_found' }
            : {
                companyId,
                status: 'failed',
                retryable: verdict.retryable,
                code: verdict.code,
                message: verdict.message,
              };
      }
    }
  };
  const workerCount = Math.max(1, Math.min(budget.concurrency, companyIds.length));
  await Promise.all(Array.from({ length: workerCount }, worker));
  return results;
}
