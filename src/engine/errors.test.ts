import { KEYSTONE_ERROR_CODES, KeystoneError, isKeystoneError } from './errors';

describe('KeystoneError codes', () => {
  test('each code is listed once, as namespace.snake_case', () => {
    expect(new Set(KEYSTONE_ERROR_CODES).size).toBe(KEYSTONE_ERROR_CODES.length);
    for (const code of KEYSTONE_ERROR_CODES) expect(code).toMatch(/^[a-z]+\.[a-z]+(_[a-z]+)*$/);
  });

  test('an error carries its code and details, and is recognised by name', () => {
    const error = new KeystoneError('sync.aborted', 'sync stopped', { companies: 3 });
    expect(isKeystoneError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'KeystoneError', code: 'sync.aborted', details: { companies: 3 } });
    expect(isKeystoneError(new Error('plain'))).toBe(false);
  });
});
