import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKam } from '../../tests/support/cli';
import * as configure from './configure';

const kam = (...argv: string[]) => runKam([configure], argv);

const CONTACTS = [
  '--support-email',
  'kam@acme-industries.com',
  '--support-url',
  'https://acme-industries.com/kam',
  '--support-phone',
  '+49 30 1234567',
];

describe('kam configure', () => {
  test('writes the project profile HubSpot’s CLI and kam serve read, with kam serve’s URLs', async () => {
    const srcDir = mkdtempSync(join(tmpdir(), 'kam-configure-'));
    const run = await kam(
      'configure',
      '--src-dir',
      srcDir,
      '--account',
      '12345678',
      '--target',
      'serve',
      '--base-url',
      'https://kam.acme-industries.com',
      ...CONTACTS,
    );
    expect(run).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(join(srcDir, 'hsprofile.prod.json'), 'utf8'))).toEqual({
      accountId: 12345678,
      variables: {
        KEYSTONE_WEBHOOK_URL: 'https://kam.acme-industries.com/hubspot/webhooks',
        KEYSTONE_ACTION_URL: 'https://kam.acme-industries.com/hubspot/workflow-action',
        KEYSTONE_SUPPORT_EMAIL: 'kam@acme-industries.com',
        KEYSTONE_SUPPORT_URL: 'https://acme-industries.com/kam',
        KEYSTONE_DOCUMENTATION_URL: 'https://acme-industries.com/kam',
        KEYSTONE_SUPPORT_PHONE: '+49 30 1234567',
        KEYSTONE_FETCH_URL: 'https://kam.acme-industries.com',
        KEYSTONE_SERVE_URL: 'https://kam.acme-industries.com',
      },
    });
    expect(run.out).toMatch(/npm run deploy -- --profile prod/);
  });

  test('endpoint functions get the /hs/serverless URLs on the portal’s domain', async () => {
    const srcDir = mkdtempSync(join(tmpdir(), 'kam-configure-'));
    const run = await kam(
      'configure',
      '--src-dir',
      srcDir,
      '--profile',
      'eu',
      '--account',
      '42',
      '--target',
      'functions',
      '--base-url',
      'https://www.acme-industries.com',
      ...CONTACTS,
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      accountId: 42,
      variables: {
        KEYSTONE_WEBHOOK_URL: 'https://www.acme-industries.com/hs/serverless/keystone-webhook',
        KEYSTONE_FETCH_URL: 'https://api.hubapi.com',
      },
    });
    expect(JSON.parse(run.out).variables).not.toHaveProperty('KEYSTONE_SERVE_URL');
  });

  test.each([
    [['--account', 'abc', '--target', 'serve', '--base-url', 'https://kam.acme.com'], /--account/],
    [['--account', '1', '--target', 'lambda', '--base-url', 'https://kam.acme.com'], /--target/],
    [['--account', '1', '--target', 'serve', '--base-url', 'http://kam.acme.com'], /https/],
  ])('refuses %j with a clear error and writes nothing', async (flags, message) => {
    const srcDir = mkdtempSync(join(tmpdir(), 'kam-configure-'));
    const run = await kam('configure', '--src-dir', srcDir, ...flags, ...CONTACTS);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(() => readFileSync(join(srcDir, 'hsprofile.prod.json'))).toThrow();
  });
});
