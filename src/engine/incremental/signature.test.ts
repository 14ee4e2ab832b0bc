import { createHash, createHmac } from 'node:crypto';
import { Signature } from '@hubspot/api-client';
import {
  computeV1Signature,
  computeV2Signature,
  computeV3Signature,
  MAX_SIGNATURE_AGE_MS,
  normaliseV3Uri,
  verifyHubSpotSignature,
  type SignedRequest,
} from './signature';

// HubSpot's request-validation docs use this secret, URI and body for their v1/v2 examples.
const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const URI = 'https://www.example.com/webhook_uri';
const DOC_BODY =
  '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
const TIMESTAMP = '1564113600000';
const NOW = Number(TIMESTAMP) + 1_000;

describe('known vectors', () => {
  // developers.hubspot.com/docs/faq/v1-request-validation: the documented resulting hash
  test('v1 reproduces HubSpot’s documented example hash', () => {
    expect(computeV1Signature(SECRET, DOC_BODY)).toBe(
      '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de',
    );
  });

  // developers.hubspot.com/docs/faq/v2-request-validation: the documented GET and POST examples
  test.each([
    ['GET', '', 'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e'],
    [
      'POST',
      '{"example_field":"example_value"}',
      '9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900',
    ],
  ])('v2 reproduces HubSpot’s documented %s example hash', (method, body, expected) => {
    expect(computeV2Signature(SECRET, method, URI, body)).toBe(expected);
  });

  test('v3 is base64 HMAC-SHA256 of method + uri + body + timestamp (pinned vector)', () => {
    expect(computeV3Signature(SECRET, 'POST', URI, DOC_BODY, TIMESTAMP)).toBe(
      'DxmVAjFNa2xfF3YgQjdZP6TNcok9k1oaH7UXombPtvw=',
    );
  });

  test('v3 agrees with an independent node:crypto computation of the documented algorithm', () => {
    const independent = createHmac('sha256', SECRET)
      .update(`POST${URI}${DOC_BODY}${TIMESTAMP}`)
      .digest('base64');
    expect(computeV3Signature(SECRET, 'POST', URI, DOC_BODY, TIMESTAMP)).toBe(independent);
  });

  test('v1, v2 and v3 agree with @hubspot/api-client’s Signature helper', () => {
    const options = {
      signature: '',
      clientSecret: SECRET,
      url: URI,
      requestBody: DOC_BODY,
      timestamp: Number(TIMESTAMP),
    };
    expect(computeV1Signature(SECRET, DOC_BODY)).toBe(Signature.getSignature('POST', 'v1', options));
    expect(computeV2Signature(SECRET, 'POST', URI, DOC_BODY)).toBe(
      Signature.getSignature('POST', 'v2', options),
    );
    expect(computeV3Signature(SECRET, 'POST', URI, DOC_BODY, TIMESTAMP)).toBe(
      Signature.getSignature('POST', 'v3', options),
    );
  });

  test('v2 is the plain SHA-256 hex of secret + method + uri + body', () => {
    const independent = createHash('sha256').update(`${SECRET}POST${URI}${DOC_BODY}`).digest('hex');
    expect(computeV2Signature(SECRET, 'POST', URI, DOC_BODY)).toBe(independent);
  });
});

describe('v3 URI normalisation', () => {
  // HubSpot decodes exactly these escapes before signing; others stay encoded
  test.each([
    ['%3A', ':'],
    ['%2F', '/'],
    ['%3F', '?'],
    ['%40', '@'],
    ['%21', '!'],
    ['%24', '$'],
    ['%27', "'"],
    ['%28', '('],
    ['%29', ')'],
    ['%2A', '*'],
    ['%2C', ','],
    ['%3B', ';'],
  ])('decodes %s to %s', (escape, character) => {
    expect(normaliseV3Uri(`https://x.io/a?q=${escape}`)).toBe(`https://x.io/a?q=${character}`);
    expect(normaliseV3Uri(`https://x.io/a?q=${escape.toLowerCase()}`)).toBe(`https://x.io/a?q=${character}`);
  });

  test('keeps other escapes such as a space or an ampersand encoded', () => {
    expect(normaliseV3Uri('https://x.io/a?q=a%20b%26c')).toBe('https://x.io/a?q=a%20b%26c');
  });

  test('signs a URI with encoded characters as HubSpot does: decoded', () => {
    const encoded = 'https://x.io/hook?next=https%3A%2F%2Fy.io%2Fa';
    const expected = createHmac('sha256', SECRET)
      .update(`POSThttps://x.io/hook?next=https://y.io/a{}${TIMESTAMP}`)
      .digest('base64');
    expect(computeV3Signature(SECRET, 'POST', encoded, '{}', TIMESTAMP)).toBe(expected);
  });
});

const v3Request = (overrides: Partial<SignedRequest> = {}, timestamp = TIMESTAMP): SignedRequest => ({
  method: 'POST',
  uri: URI,
  body: DOC_BODY,
  headers: {
    'X-HubSpot-Signature-v3': computeV3Signature(SECRET, 'POST', URI, DOC_BODY, timestamp),
    'X-HubSpot-Request-Timestamp': timestamp,
  },
  ...overrides,
});

const verifyV3 = (request: SignedRequest, nowMs = NOW, clientSecret = SECRET) =>
  verifyHubSpotSignature(request, { clientSecret, nowMs, accept: ['v3'] });

describe('verifyHubSpotSignature with v3', () => {
  test('accepts an untampered request inside the window', () => {
    expect(verifyV3(v3Request())).toEqual({ ok: true, versions: ['v3'], timestampMs: Number(TIMESTAMP) });
  });

  test('reads header names in any case', () => {
    const headers = {
      'x-hubspot-signature-v3': computeV3Signature(SECRET, 'POST', URI, DOC_BODY, TIMESTAMP),
      'X-HUBSPOT-REQUEST-TIMESTAMP': TIMESTAMP,
    };
    expect(verifyV3(v3Request({ headers })).ok).toBe(true);
  });

  test.each([
    ['a changed body', v3Request({ body: DOC_BODY.replace('"objectId":123', '"objectId":124') }), 'mismatch'],
    ['a changed URI', v3Request({ uri: 'https://www.example.com/other_uri' }), 'mismatch'],
    ['a changed method', v3Request({ method: 'PUT' }), 'mismatch'],
    [
      'a changed timestamp',
      v3Request({ headers: { ...v3Request().headers, 'X-HubSpot-Request-Timestamp': String(NOW) } }),
      'mismatch',
    ],
    [
      'no signature header',
      v3Request({ headers: { 'X-HubSpot-Request-Timestamp': TIMESTAMP } }),
      'missing_signature',
    ],
    ['no timestamp header', v3Request({ headers: { 'X-HubSpot-Signature-v3': 'abc' } }), 'missing_timestamp'],
    [
      'a non-numeric timestamp',
      v3Request({
        headers: { 'X-HubSpot-Signature-v3': 'abc', 'X-HubSpot-Request-Timestamp': '2019-07-26T04:00:00Z' },
      }),
      'invalid_timestamp',
    ],
    ['no headers at all', v3Request({ headers: {} }), 'missing_signature'],
  ])('rejects %s', (_label, request, reason) => {
    expect(verifyV3(request)).toMatchObject({ ok: false, reason });
  });

  test('rejects the wrong client secret', () => {
    expect(verifyV3(v3Request(), NOW, 'another-secret')).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  test('rejects when no client secret is configured', () => {
    expect(verifyV3(v3Request(), NOW, '')).toMatchObject({ ok: false, reason: 'missing_secret' });
  });

  test('rejects a timestamp older than 5 minutes, accepts one exactly 5 minutes old', () => {
    const signedAt = Number(TIMESTAMP);
    expect(verifyV3(v3Request(), signedAt + MAX_SIGNATURE_AGE_MS).ok).toBe(true);
    expect(verifyV3(v3Request(), signedAt + MAX_SIGNATURE_AGE_MS + 1)).toMatchObject({
      ok: false,
      reason: 'stale_timestamp',
    });
  });

  test('rejects a timestamp more than a minute in the future', () => {
    expect(verifyV3(v3Request(), Number(TIMESTAMP) - 60_001)).toMatchObject({
      ok: false,
      reason: 'future_timestamp',
    });
  });

  test('ignores a v1 signature when only v3 is accepted', () => {
    const headers = {
      'X-HubSpot-Signature': computeV1Signature(SECRET, DOC_BODY),
      'X-HubSpot-Signature-Version': 'v1',
    };
    expect(verifyV3(v3Request({ headers }))).toMatchObject({ ok: false, reason: 'missing_signature' });
  });
});

describe('verifyHubSpotSignature with v2 (workflow actions)', () => {
  const body = '{"callbackId":"ap-1","object":{"objectId":7,"objectType":"COMPANY"}}';
  const v2Headers = (secret = SECRET) => ({
    'X-HubSpot-Signature': computeV2Signature(secret, 'POST', URI, body),
    'X-HubSpot-Signature-Version': 'v2',
  });
  const verify = (request: SignedRequest) =>
    verifyHubSpotSignature(request, { clientSecret: SECRET, nowMs: NOW, accept: ['v3', 'v2'] });

  test('accepts a valid v2 signature without a timestamp', () => {
    expect(verify({ method: 'POST', uri: URI, body, headers: v2Headers() })).toEqual({
      ok: true,
      versions: ['v2'],
      timestampMs: null,
    });
  });

  test('accepts an upper-case hex v2 signature', () => {
    const headers = {
      ...v2Headers(),
      'X-HubSpot-Signature': v2Headers()['X-HubSpot-Signature'].toUpperCase(),
    };
    expect(verify({ method: 'POST', uri: URI, body, headers }).ok).toBe(true);
  });

  test.each([
    ['a changed body', { body: body.replace('7', '8') }],
    ['a changed URI', { uri: `${URI}?x=1` }],
  ])('rejects %s', (_label, change) => {
    expect(verify({ method: 'POST', uri: URI, body, headers: v2Headers(), ...change })).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  test('rejects a v2 signature made with another secret', () => {
    expect(verify({ method: 'POST', uri: URI, body, headers: v2Headers('other') })).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  test('rejects a v1 signature where v1 is not accepted', () => {
    const headers = {
      'X-HubSpot-Signature': computeV1Signature(SECRET, body),
      'X-HubSpot-Signature-Version': 'v1',
    };
    expect(verify({ method: 'POST', uri: URI, body, headers })).toMatchObject({
      ok: false,
      reason: 'unsupported_version',
    });
  });

  test('requires both to verify when v3 and v2 are present', () => {
    const v3 = {
      'X-HubSpot-Signature-v3': computeV3Signature(SECRET, 'POST', URI, body, TIMESTAMP),
      'X-HubSpot-Request-Timestamp': TIMESTAMP,
    };
    expect(verify({ method: 'POST', uri: URI, body, headers: { ...v3, ...v2Headers() } })).toEqual({
      ok: true,
      versions: ['v3', 'v2'],
      timestampMs: Number(TIMESTAMP),
    });
    expect(
      verify({ method: 'POST', uri: URI, body, headers: { ...v3, ...v2Headers('other') } }),
    ).toMatchObject({
      ok: false,
      version: 'v2',
    });
    const staleV3 = { ...v3, 'X-HubSpot-Request-Timestamp': String(NOW - MAX_SIGNATURE_AGE_MS - 1) };
    expect(verify({ method: 'POST', uri: URI, body, headers: { ...staleV3, ...v2Headers() } })).toMatchObject(
      {
        ok: false,
        version: 'v3',
      },
    );
  });
});
