/**
 * `npm run deploy` (scripts/deploy.ts) as a user runs it, in a child process: the build, the
 * checks, the file list, the refusal while a placeholder is left, and the clear error when the
 * HubSpot CLI holds no account. The bundles it leaves behind carry the profile's public URLs. It
 * runs in a copy of the project, since a deploy builds into the project it is run from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeV3Signature, SIGNATURE_HEADERS, type HttpResponse } from '../../../src/engine/incremental';
import { createWebhookEvent } from '../../../src/engine/incremental/test-utils/fixtures';
import { copyProject, REPOSITORY_ROOT } from '../../support/project-copy';

const project = copyProject();
const ROOT = project.root;
const TSX = path.join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx');
const WEBHOOK_URL = 'https://kam.acme-industries.com/hubspot/webhooks';
const PROFILE = {
  accountId: 12345678,
  variables: {
    KEYSTONE_WEBHOOK_URL: WEBHOOK_URL,
    KEYSTONE_ACTION_URL: 'https://kam.acme-industries.com/hubspot/workflow-action',
    KEYSTONE_SUPPORT_EMAIL: 'kam@acme-industries.com',
    KEYSTONE_SUPPORT_URL: 'https://acme-industries.com/kam',
    KEYSTONE_DOCUMENTATION_URL: 'https://acme-industries.com/kam/docs',
    KEYSTONE_SUPPORT_PHONE: '+49 30 1234567',
    // permittedUrls.fetch; no KEYSTONE_SERVE_URL, so the build leaves the UI's transport-config.ts as committed
    KEYSTONE_FETCH_URL: 'https://kam.acme-industries.com',
  },
};

type Plan = {
  profile: string | null;
  files: string[];
  entrypoints: { uid: string; entrypoint: string; exists: boolean }[];
  problems: string[];
};

function deploy(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(TSX, ['scripts/deploy.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, ...env },
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'keystone-deploy-test-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  project.remove();
});

function profileFile(contents: unknown): string {
  const file = path.join(work, 'hsprofile.acme.json');
  writeFileSync(file, JSON.stringify(contents));
  return file;
}

describe('npm run deploy', () => {
  test('--dry-run with a complete profile builds, passes every check and lists every file and entrypoint', () => {
    const run = deploy(['--dry-run', '--json', '--profile-file', profileFile(PROFILE)]);
    expect(run.stderr).not.toMatch(/deploy: (?!.*dry run)/);
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.problems).toEqual([]);
    expect(plan.entrypoints.length).toBeGreaterThanOrEqual(15);
    for (const entry of plan.entrypoints) {
      expect(entry.exists).toBe(true);
      expect(plan.files).toContain(entry.entrypoint.slice(1));
    }
    expect(plan.files).toContain('app/functions/dist/webhook-rescore.js');
    expect(plan.files).toContain('app/app-hsmeta.json');
    expect(plan.files.some((file) => file.includes('node_modules') || /(^|\/)\./.test(file))).toBe(false);
  });

  test('--dry-run with a serve profile checks the serve build and leaves the transport files as committed', () => {
    const transportFiles = ['cards', 'settings', 'pages'].map((folder) =>
      path.join(ROOT, 'src', 'app', folder, 'transport-config.ts'),
    );
    const before = transportFiles.map((file) => readFileSync(file, 'utf8'));
    const serve = {
      ...PROFILE,
      variables: { ...PROFILE.variables, KEYSTONE_SERVE_URL: 'https://kam.acme-industries.com' },
    };
    const run = deploy(['--dry-run', '--json', '--profile-file', profileFile(serve)]);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Plan).problems).toEqual([]);
    expect(transportFiles.map((file) => readFileSync(file, 'utf8'))).toEqual(before);
  });

  test('the built webhook function verifies signatures against the profile’s URL', async () => {
    // the previous test built the bundles with PROFILE
    const bundle = path.join(ROOT, 'src/app/functions/dist/webhook-rescore.js');
    const saved = { ...process.env };
    process.env.KEYSTONE_CLIENT_SECRET = 'deploy-test-secret';
    process.env.PRIVATE_APP_ACCESS_TOKEN = 'unused: an empty delivery reads nothing';
    // the function's JSON log lines go to stderr, as HubSpot collects them
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { main } = (await import(bundle)) as { main: (context: unknown) => Promise<HttpResponse> };
      // a change of Keystone's own output: verified, parsed, then dropped without any CRM call
      const events = [
        createWebhookEvent({
          subscriptionType: 'company.propertyChange',
          objectId: 1,
          propertyName: 'kam_score',
          occurredAt: Date.now() - 1_000,
        }),
      ];
      const body = JSON.stringify(events);
      const call = (signedUrl: string) => {
        const timestamp = String(Date.now());
        return main({
          method: 'POST',
          body: events,
          headers: {
            [SIGNATURE_HEADERS.v3]: computeV3Signature(
              'deploy-test-secret',
              'POST',
              signedUrl,
              body,
              timestamp,
            ),
            [SIGNATURE_HEADERS.timestamp]: timestamp,
          },
        });
      };
      await expect(call(WEBHOOK_URL)).resolves.toMatchObject({ statusCode: 200 });
      await expect(call('https://other.acme-industries.com/hubspot/webhooks')).resolves.toMatchObject({
        statusCode: 401,
      });
    } finally {
      stderr.mockRestore();
      process.env = saved;
    }
  });

  test('refuses while a profile value is missing or a placeholder, naming each', () => {
    const incomplete = {
      accountId: 1,
      variables: {
        ...PROFILE.variables,
        KEYSTONE_SUPPORT_EMAIL: 'support@example.com',
        KEYSTONE_ACTION_URL: undefined,
      },
    };
    const run = deploy(['--dry-run', '--profile-file', profileFile(incomplete)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/placeholder left: .*supportEmail: support@example\.com/);
    expect(run.stderr).toMatch(/KEYSTONE_ACTION_URL/);
    expect(run.stderr).toMatch(/refused .* nothing was uploaded/);
  });

  test('an upload without an authenticated HubSpot CLI stops with the command to run', () => {
    const name = `jest-deploy-${process.pid}`;
    const file = path.join(ROOT, 'src', `hsprofile.${name}.json`);
    writeFileSync(file, JSON.stringify(PROFILE));
    try {
      const home = mkdtempSync(path.join(work, 'home-'));
      const run = deploy(['--profile', name], { HOME: home, USERPROFILE: home });
      expect(run.status).toBe(3);
      expect(run.stderr).toMatch(/not authenticated for account 12345678.*npx hs account auth/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
