/**
 * HubSpot request signatures (developers.hubspot.com/docs/apps/developer-platform/build-apps/
 * authentication/request-validation). Every request HubSpot sends to a webhook target or a
 * custom workflow action URL carries them; an endpoint app function is a public URL, so nothing
 * it receives is believed before one of these checks passes.
 *
 * - v1: hex SHA-256 of `clientSecret + body` (CRM webhooks, legacy).
 * - v2: hex SHA-256 of `clientSecret + method + uri + body` (workflow actions, CRM cards).
 * - v3: base64 HMAC-SHA256 keyed with the client secret over `method + uri + body + timestamp`,
 *   with `X-HubSpot-Request-Timestamp` in epoch milliseconds; older than 5 minutes is rejected.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_VERSIONS = ['v1', 'v2', 'v3'] as const;
export type SignatureVersion = (typeof SIGNATURE_VERSIONS)[number];

/** HubSpot: "reject the request if the timestamp is older than 5 minutes". */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;
/** A timestamp this far in the future is not a clock skew we accept either. */
export const MAX_CLOCK_SKEW_MS = 60 * 1000;

export const SIGNATURE_HEADERS = {
  v3: 'x-hubspot-signature-v3',
  timestamp: 'x-hubspot-request-timestamp',
  legacy: 'x-hubspot-signature',
  legacyVersion: 'x-hubspot-signature-version',
} as const;

/** What a signature covers: the request exactly as HubSpot sent it. */
export type SignedRequest = {
  method: string;
  /** The full URL HubSpot called, protocol and query string included. */
  uri: string;
  /** The raw body, byte for byte (UTF-8); empty string when there is none. */
  body: string;
  /** Header names in any case. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
};

export type SignatureFailure =
  | 'missing_signature'
  | 'missing_timestamp'
  | 'invalid_timestamp'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'unsupported_version'
  | 'mismatch'
  | 'missing_secret';

export type SignatureCheck =
  | { ok: true; versions: readonly SignatureVersion[]; timestampMs: number | null }
  | { ok: false; reason: SignatureFailure; version: SignatureVersion | null };

/**
 * The characters HubSpot decodes in the URI before computing v3 (its request-validation page
 * lists exactly these); every other escape stays as it is.
 */
const V3_DECODED_ESCAPES: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The URI as HubSpot's v3 source string has it. */
export function normaliseV3Uri(uri: string): string {
  return uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (escape) => V3_DECODED_ESCAPES[escape.toUpperCase()] ?? escape,
  );
}

const sha256Hex = (source: string): string => createHash('sha256').update(source, 'utf8').digest('hex');

/** v1: `sha256hex(clientSecret + body)`. */
export function computeV1Signature(clientSecret: string, body: string): string {
  return sha256Hex(clientSecret + body);
}

/** v2: `sha256hex(clientSecret + method + uri + body)`. */
export function computeV2Signature(clientSecret: string, method: string, uri: string, body: string): string {
  return sha256Hex(clientSecret + method.toUpperCase() + uri + body);
}

/**
 * v3: `base64(hmacSha256(clientSecret, method + uri + body + timestamp))`.
 * @example computeV3Signature(secret, 'POST', 'https://example.com/hook', '[]', '1700000000000')
 */
export function computeV3Signature(
  clientSecret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: string,
): string {
  return createHmac('sha256', clientSecret)
    .update(method.toUpperCase() + normaliseV3Uri(uri) + body + timestamp, 'utf8')
    .digest('base64');
}

/** Case-insensitive header read; the first value when a header repeats. */
export function readHeader(headers: SignedRequest['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    const first = typeof value === 'string' ? value : value[0];
    return first === undefined ? undefined : first.trim();
  }
  return undefined;
}

function constantTimeEquals(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  // timingSafeEqual needs equal lengths; compare against itself to keep the time flat
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

export type VerifyOptions = {
  clientSecret: string;
  /** Epoch milliseconds; the function's clock (passed in so tests can fix it). */
  nowMs: number;
  /**
   * Which signatures this endpoint accepts. Every accepted signature that is present must
   * verify, and at least one must be present. Webhooks: `['v3']`; workflow actions: `['v3', 'v2']`.
   */
  accept: readonly SignatureVersion[];
  maxAgeMs?: number;
};

function verifyV3(request: SignedRequest, options: VerifyOptions, signature: string): SignatureCheck {
  const timestamp = readHeader(request.headers, SIGNATURE_HEADERS.timestamp);
  if (timestamp === undefined || timestamp === '')
    return { ok: false, reason: 'missing_timestamp', version: 'v3' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'invalid_timestamp', version: 'v3' };
  const timestampMs = Number(timestamp);
  const ageMs = options.nowMs - timestampMs;
  if (ageMs > (options.maxAgeMs ?? MAX_SIGNATURE_AGE_MS))
    return { ok: false, reason: 'stale_timestamp', version: 'v3' };
  if (-ageMs > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'future_timestamp', version: 'v3' };
  const expected = computeV3Signature(
    options.clientSecret,
    request.method,
    request.uri,
    request.body,
    timestamp,
  );
  return constantTimeEquals(expected, signature)
    ? { ok: true, versions: ['v3'], timestampMs }
    : { ok: false, reason: 'mismatch', version: 'v3' };
}

function verifyLegacy(request: SignedRequest, options: VerifyOptions, signature: string): SignatureCheck {
  const declared = (readHeader(request.headers, SIGNATURE_HEADERS.legacyVersion) ?? 'v1').toLowerCase();
  if ((declared !== 'v1' && declared !== 'v2') || !options.accept.includes(declared)) {
    return {
      ok: false,
      reason: 'unsupported_version',
      version: declared === 'v1' || declared === 'v2' ? declared : null,
    };
  }
  const expected =
    declared === 'v2'
      ? computeV2Signature(options.clientSecret, request.method, request.uri, request.body)
      : computeV1Signature(options.clientSecret, request.body);
  return constantTimeEquals(expected, signature.toLowerCase())
    ? { ok: true, versions: [declared], timestampMs: null }
    : { ok: false, reason: 'mismatch', version: declared };
}

/**
 * Checks a request against HubSpot's signatures. Fails closed: a missing secret, a missing or
 * unparseable header, a stale timestamp or any mismatch is a rejection, never a pass.
 * @example verifyHubSpotSignature(request, { clientSecret, nowMs: Date.now(), accept: ['v3'] })
 */
export function verifyHubSpotSignature(request: SignedRequest, options: VerifyOptions): SignatureCheck {
  if (options.clientSecret === '') return { ok: false, reason: 'missing_secret', version: null };
  const v3 = options.accept.includes('v3') ? readHeader(request.headers, SIGNATURE_HEADERS.v3) : undefined;
  const legacy =
    options.accept.includes('v2') || options.accept.includes('v1')
      ? readHeader(request.headers, SIGNATURE_HEADERS.legacy)
      : undefined;
  if (!v3 && !legacy) return { ok: false, reason: 'missing_signature', version: null };

  const passed: SignatureVersion[] = [];
  let timestampMs: number | null = null;
  if (v3) {
    const check = verifyV3(request, options, v3);
    if (!check.ok) return check;
    passed.push('v3');
    timestampMs = check.timestampMs;
  }
  if (legacy) {
    const check = verifyLegacy(request, options, legacy);
    if (!check.ok) return check;
    passed.push(...check.versions);
  }
  return { ok: true, versions: passed, timestampMs };
}
