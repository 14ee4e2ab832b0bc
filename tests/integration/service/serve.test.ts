/**
 * `kam serve` in-process on loopback against the emulator, through the CLI command and the real
 * `@hubspot/api-client`: a signed webhook rescored the company it names; a badly signed one is
 * refused and changes nothing; /healthz and /metrics answer; a scheduled run fires and scores the
 * portfolio. The token never appears in the service's log lines.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import { serveCommand } from '../../../cli/commands/serve';
import type { CliIo } from '../../../cli/output';
import { computeV3Signature, SIGNATURE_HEADERS } from '../../../src/engine/incremental';
import {
  createActionBody,
  createWebhookEvent,
  signedActionRequest,
} from '../../../src/engine/incremental/test-utils/fixtures';
import type { RunningService } from '../../../src/engine/service/service';
import { fillPortal, outputsOf, portalWithPortfolio, TOKEN } from '../../support/portal';

const COMPANIES = 8;
const SECRET = 'serve-test-client-secret';
const PUBLIC = 'https://kam.acme-industries.com';
const WEBHOOK_URL = `${PUBLIC}/hubspot/webhooks`;

let emulator: RunningEmulator;
let service: RunningService | undefined;
let logLines: string[] = [];

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(() => fillPortal(emulator, COMPANIES));
afterEach(async () => {
  await service?.stop();
  service = undefined;
});
afterAll(() => emulator.close());

async function serve(
  crons: { incremental?: string; full?: string } = {},
  baseUrl?: string,
): Promise<RunningService> {
  logLines = [];
  const io: CliIo = {
    out: (text) => logLines.push(text),
    err: (text) => logLines.push(text),
    isTty: false,
    env: {
      HUBSPOT_ACCESS_TOKEN: TOKEN,
      HUBSPOT_BASE_URL: baseUrl ?? emulator.url,
      KEYSTONE_CLIENT_SECRET: SECRET,
    },
  };
  service = await serveCommand(io, {
    port: '0',
    host: '127.0.0.1',
    publicUrl: PUBLIC,
    srcDir: 'src',
    incrementalCron: crons.incremental ?? 'off',
    fullCron: crons.full ?? 'off',
    timezone: 'UTC',
    stateDir: mkdtempSync(join(tmpdir(), 'kam-serve-')),
    rateBudget: '150',
  });
  return service;
}

function webhookPost(running: RunningService, events: unknown[], secret = SECRET) {
  const body = JSON.stringify(events);
  const timestamp = String(Date.now());
  return fetch(`${running.url}/hubspot/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.v3]: computeV3Signature(secret, 'POST', WEBHOOK_URL, body, timestamp),
      [SIGNATURE_HEADERS.timestamp]: timestamp,
    },
    body,
  });
}

const industryChange = (companyId: string) =>
  createWebhookEvent({
    subscriptionType: 'company.propertyChange',
    objectId: Number(companyId),
    propertyName: 'industry',
    propertyValue: 'MACHINERY',
    occurredAt: Date.now() - 1_000,
  });

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('kam serve', () => {
  test('a signed webhook for a changed company rescored that company, and only it', async () => {
    const running = await serve();
    const before = await outputsOf(emulator);
    const [companyId] = Object.keys(before) as [string];
    expect(before[companyId]?.kam_tier).toBeNull();

    const response = await webhookPost(running, [industryChange(companyId)]);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 1, written: [companyId] });
    const after = await outputsOf(emulator);
    expect(after[companyId]?.kam_tier).toMatch(/^(key|important|regular)$/);
    for (const other of Object.keys(before).filter((id) => id !== companyId))
      expect(after[other]).toEqual(before[other]);
    expect(running.metrics.get('keystone_webhook_events_received_total')).toBe(1);
    expect(running.metrics.get('keystone_webhook_companies_rescored_total')).toBe(1);
  });

  test.each([
    [
      'signed with another secret',
      (running: RunningService, id: string) => webhookPost(running, [industryChange(id)], 'wrong'),
    ],
    [
      'not signed at all',
      (running: RunningService, id: string) =>
        fetch(`${running.url}/hubspot/webhooks`, {
          method: 'POST',
          body: JSON.stringify([industryChange(id)]),
        }),
    ],
  ])('a webhook %s gets 401 and changes nothing', async (_label, post) => {
    const running = await serve();
    const before = await outputsOf(emulator);
    const [companyId] = Object.keys(before) as [string];
    emulator.requestLog.clear();

    const response = await post(running, companyId);

    expect(response.status).toBe(401);
    expect(emulator.requestLog.total()).toBe(0);
    expect(await outputsOf(emulator)).toEqual(before);
    expect(
      running.metrics.get('keystone_requests_rejected_total', {
        endpoint: 'webhook',
        reason: 'invalid_signature',
      }),
    ).toBe(1);
  });

  test('/healthz and /metrics answer', async () => {
    const running = await serve();
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      hubspot: 'reachable',
      running: false,
      lastRun: null,
    });

    const metrics = await fetch(`${running.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(/^# HELP keystone_/m);
    expect(text).toMatch(/^# TYPE keystone_webhook_events_received_total counter$/m);
    expect(text).toMatch(/^keystone_run_in_progress 0$/m);
    for (const line of text.trim().split('\n'))
      expect(line).toMatch(
        /^(# (HELP|TYPE) keystone_[a-z0-9_]+ .+|keystone_[a-z0-9_]+(\{[^}]*\})? -?[0-9.e+]+)$/,
      );

    expect((await fetch(`${running.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${running.url}/hubspot/webhooks`)).status).toBe(405);
  });

  test('a scheduled run fires, scores the portfolio and is reported in /metrics', async () => {
    const running = await serve({ full: '* * * * * *' });
    await waitFor(() => running.runner.state().lastSuccess !== null, 15_000);
    await running.stop();

    const outputs = await outputsOf(emulator);
    expect(Object.values(outputs).every((o) => /^(key|important|regular)$/.test(o.kam_tier ?? ''))).toBe(
      true,
    );
    expect(
      running.metrics.get('keystone_runs_total', { kind: 'full', outcome: 'succeeded' }),
    ).toBeGreaterThanOrEqual(1);
    expect(running.metrics.get('keystone_last_run_success', { kind: 'full' })).toBe(1);
    expect(running.metrics.get('keystone_api_calls_total')).toBeGreaterThan(0);
    const lines = logLines.map((line) => JSON.parse(line) as { message: string });
    expect(lines.map((line) => line.message)).toEqual(
      expect.arrayContaining(['run started', 'run finished']),
    );
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  test('a workflow action signed v2 (as HubSpot signs actions) rescored the enrolled company and answers its fields', async () => {
    const running = await serve();
    const [companyId] = Object.keys(await outputsOf(emulator)) as [string];
    const body = JSON.stringify(
      createActionBody({ object: { objectId: Number(companyId), objectType: 'COMPANY' } }),
    );
    const signed = signedActionRequest(body, {
      uri: `${PUBLIC}/hubspot/workflow-action`,
      secret: SECRET,
      timestampMs: Date.now() - 1_000,
      v2Only: true,
    });
    const response = await fetch(`${running.url}/hubspot/workflow-action`, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    expect(response.status).toBe(200);
    const stored = (await outputsOf(emulator))[companyId];
    expect(await response.json()).toMatchObject({ outputFields: { kam_tier: stored?.kam_tier } });
    expect(running.metrics.get('keystone_workflow_actions_total')).toBe(1);
  });

  test('/healthz is 503 while HubSpot cannot be reached', async () => {
    const running = await serve({}, 'http://127.0.0.1:9');
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'failing',
      hubspot: expect.stringMatching(/^unreachable/),
    });
  });
});
