/**
 * App functions read their configuration from `process.env`, as HubSpot injects it. Tests point
 * them at the emulator with the same variables and restore the environment afterwards. The
 * functions' JSON log lines (stderr, as HubSpot collects them) are captured instead of printed.
 */
const NAMES = [
  'PRIVATE_APP_ACCESS_TOKEN',
  'HUBSPOT_BASE_URL',
  'KEYSTONE_ADMIN_KEY',
  'KEYSTONE_ADMIN_USER_IDS',
] as const;
type Name = (typeof NAMES)[number];

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export function useFunctionEnv(values: () => Partial<Record<Name, string>>): { logLines: () => string[] } {
  const saved: Partial<Record<Name, string | undefined>> = {};
  let logLines: string[] = [];
  let stderr: jest.SpyInstance | undefined;
  beforeAll(() => {
    for (const name of NAMES) saved[name] = process.env[name];
  });
  beforeEach(() => {
    for (const name of NAMES) delete process.env[name];
    Object.assign(process.env, values());
    logLines = [];
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logLines.push(String(chunk).trim());
      return true;
    });
  });
  afterEach(() => stderr?.mockRestore());
  afterAll(() => {
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  return { logLines: () => logLines };
}
