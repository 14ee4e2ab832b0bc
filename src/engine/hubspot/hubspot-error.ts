/**
 * The only place that reads raw API errors: it turns `@hubspot/api-client` exceptions (and
 * network failures) into KeystoneErrors. HubSpot documents that every field of its error body
 * may be missing, so each one is optional here.
 */
import { z } from 'zod';
import { KeystoneError, type KeystoneErrorCode } from '../errors';

const errorBodySchema = z
  .object({
    status: z.string().optional(),
    message: z.string().optional(),
    correlationId: z.string().optional(),
    category: z.string().optional(),
    policyName: z.string().optional(),
    errors: z.array(z.object({ message: z.string().optional() }).passthrough()).optional(),
  })
  .passthrough();
export type HubspotErrorBody = z.infer<typeof errorBodySchema>;

export type ClassifiedFailure = {
  kind: 'rate_limited' | 'daily_limit' | 'server' | 'network' | 'client';
  status: number | null;
  body: HubspotErrorBody;
  headers: Record<string, string>;
  /** From Retry-After, when HubSpot sent one. */
  retryAfterMs: number | null;
};

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

function parseBody(raw: unknown): HubspotErrorBody {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { message: raw.slice(0, 300) };
    }
  }
  const parsed = errorBodySchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

function lowerCaseHeaders(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === 'string') headers[key.toLowerCase()] = value;
    }
  }
  return headers;
}

/** Sorts a thrown value into what the retry loop needs to decide. */
export function classifyFailure(error: unknown): ClassifiedFailure {
  const candidate = error as {
    code?: unknown;
    body?: unknown;
    headers?: unknown;
    cause?: { code?: unknown };
  };
  const status = typeof candidate?.code === 'number' ? candidate.code : null;
  const body = parseBody(candidate?.body);
  const headers = lowerCaseHeaders(candidate?.headers);
  const retryAfterSeconds = Number(headers['retry-after']);
  const retryAfterMs =
    Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0 ? retryAfterSeconds * 1000 : null;
  if (status === null) {
    const code = typeof candidate?.code === 'string' ? candidate.code : candidate?.cause?.code;
    const isNetwork =
      (typeof code === 'string' && NETWORK_CODES.has(code)) ||
      (error instanceof Error && /fetch failed|socket|network|ECONN/i.test(error.message));
    return { kind: isNetwork ? 'network' : 'client', status, body, headers, retryAfterMs };
  }
  if (status === 429) {
    const kind = body.policyName === 'DAILY' ? 'daily_limit' : 'rate_limited';
    return { kind, status, body, headers, retryAfterMs };
  }
  if (status >= 500) return { kind: 'server', status, body, headers, retryAfterMs };
  return { kind: 'client', status, body, headers, retryAfterMs };
}

const CODE_BY_STATUS: Record<number, KeystoneErrorCode> = {
  400: 'hubspot.validation',
  401: 'auth.unauthorized',
  403: 'auth.forbidden',
  404: 'hubspot.not_found',
  409: 'hubspot.conflict',
};

/** A KeystoneError saying what failed and on what, with HubSpot's status, category and correlationId. */
export function toKeystoneError(
  operation: string,
  error: unknown,
  context: Record<string, unknown> = {},
): KeystoneError {
  const failure = classifyFailure(error);
  const details = {
    ...context,
    operation,
    status: failure.status,
    category: failure.body.category,
    correlationId: failure.body.correlationId,
    policyName: failure.body.policyName,
  };
  const said = failure.body.message ? `: ${failure.body.message}` : '';
  switch (failure.kind) {
    case 'daily_limit':
      return new KeystoneError(
        'hubspot.daily_limit',
        `${operation}: 429 DAILY — the portal's daily API limit is used up; run again after midnight (portal time)${said}`,
        details,
        { cause: error },
      );
    case 'rate_limited':
      return new KeystoneError(
        'hubspot.rate_limited',
        `${operation}: 429 ${failure.body.policyName ?? ''}${said}`,
        details,
        {
          cause: error,
        },
      );
    case 'server':
      return new KeystoneError(
        'hubspot.server_error',
        `${operation}: HTTP ${failure.status}${said}`,
        details,
        { cause: error },
      );
    case 'network':
      return new KeystoneError(
        'hubspot.network',
        `${operation}: network error${error instanceof Error ? ` (${error.message.split('\n')[0]})` : ''}`,
        details,
        { cause: error },
      );
    default: {
      const code = (failure.status !== null && CODE_BY_STATUS[failure.status]) || 'hubspot.request_failed';
      const statusText = failure.status !== null ? `HTTP ${failure.status}` : 'request failed';
      return new KeystoneError(code, `${operation}: ${statusText}${said}`, details, { cause: error });
    }
  }
}
