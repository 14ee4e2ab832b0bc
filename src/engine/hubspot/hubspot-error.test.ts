import { classifyFailure, toKeystoneError } from './hubspot-error';

const apiError = (code: number, body: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP-Code: ${code}`), { code, body, headers });

describe('classifyFailure', () => {
  test.each([
    ['ten-secondly 429', apiError(429, { policyName: 'TEN_SECONDLY_ROLLING' }), 'rate_limited'],
    ['secondly 429', apiError(429, { policyName: 'SECONDLY' }), 'rate_limited'],
    ['daily 429', apiError(429, { policyName: 'DAILY' }), 'daily_limit'],
    ['502', apiError(502, 'Bad gateway'), 'server'],
    ['400', apiError(400, { category: 'VALIDATION_ERROR' }), 'client'],
    ['connection reset', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'network'],
  ])('%s is %s', (_label, error, kind) => {
    expect(classifyFailure(error).kind).toBe(kind);
  });

  test('reads Retry-After in seconds, whatever the header case', () => {
    expect(classifyFailure(apiError(429, {}, { 'Retry-After': '3' })).retryAfterMs).toBe(3000);
  });

  test('an error body with no usable fields is tolerated', () => {
    expect(classifyFailure(apiError(500, 'not json at all')).body.message).toBe('not json at all');
  });
});

describe('toKeystoneError', () => {
  test('names the operation, HubSpot category and correlationId', () => {
    const error = toKeystoneError(
      'POST /crm/v3/objects/companies/batch/update',
      apiError(400, {
        message: 'Property values were not valid',
        category: 'VALIDATION_ERROR',
        correlationId: 'abc-123',
      }),
      { ids: 3 },
    );
    expect(error.code).toBe('hubspot.validation');
    expect(error.message).toContain('POST /crm/v3/objects/companies/batch/update: HTTP 400');
    expect(error.details).toMatchObject({
      status: 400,
      category: 'VALIDATION_ERROR',
      correlationId: 'abc-123',
      ids: 3,
    });
  });

  test('the daily limit says when to try again', () => {
    expect(toKeystoneError('op', apiError(429, { policyName: 'DAILY' })).message).toMatch(/daily API limit/);
  });
});
