import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from '@hubspot/api-client';
import * as emulatorCommand from '../../../cli/commands/emulator';
import { runEmulator, type EmulatorFlags } from '../../../cli/commands/emulator';
import { runCli } from '../../../cli/program';
import { captureIo } from '../../support/cli';
import type { RunningEmulator } from '../../../emulator';
import { createGateway } from '../../../src/engine/hubspot/gateway';
import { ensureKamProperties } from '../../../src/engine/hubspot/property-setup';

const flags = (overrides: Partial<EmulatorFlags>): EmulatorFlags => ({
  port: 0,
  companies: 0,
  seed: 1,
  now: new Date('2026-01-01T00:00:00Z'),
  tier: 'enterprise',
  searchLagMs: 0,
  batchFailureRate: 0,
  ...overrides,
});

describe('kam emulator', () => {
  test('--companies 0 starts an empty portal, prints how to point kam at it, and stops when asked', async () => {
    const io = captureIo();
    const { lines } = io;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let url = '';
    const running = runEmulator(
      io,
      flags({ token: 'cli-token' }),
      stopped,
      async (emulator: RunningEmulator) => {
        url = emulator.url;
        const client = new Client({ accessToken: 'cli-token', basePath: url, numberOfApiCallRetries: 0 });
        const page = await client.crm.companies.basicApi.getPage(10);
        expect(page.results).toEqual([]);
        stop();
      },
    );
    await running;
    const text = lines.join('\n');
    expect(text).toContain(`HUBSPOT_BASE_URL=${url}`);
    expect(text).toContain('HUBSPOT_ACCESS_TOKEN=cli-token');
    expect(text).toContain('Emulator stopped.');
    await expect(fetch(`${url}/__emulator/health`)).rejects.toThrow();
  });

  test('--companies N fills the portal from the generator and --log prints one line per request', async () => {
    const io = captureIo();
    const { lines } = io;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    await runEmulator(io, flags({ companies: 30, seed: 5, log: true }), stopped, async (emulator) => {
      expect(emulator.store.table(emulator.store.resolveType('companies')).objects.size).toBe(30);
      await fetch(`${emulator.url}/crm/v3/objects/companies?limit=1`, {
        headers: { Authorization: 'Bearer x' },
      });
      stop();
    });
    expect(lines.some((line) => line.startsWith('Filled with 30 companies'))).toBe(true);
    expect(
      lines.filter((line) => / GET \/crm\/v3\/objects\/companies\?limit=1 200 /.test(line)),
    ).toHaveLength(1);
  });

  test("--companies N installs Keystone's properties before the portfolio, so `kam setup` then finds nothing to change", async () => {
    const io = captureIo();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let report: Awaited<ReturnType<typeof ensureKamProperties>> | undefined;
    await runEmulator(
      io,
      flags({ companies: 20, seed: 3, token: 'cli-token' }),
      stopped,
      async (emulator) => {
        try {
          const gateway = createGateway({ accessToken: 'cli-token', basePath: emulator.url });
          report = await ensureKamProperties(gateway, { dryRun: true });
        } finally {
          stop();
        }
      },
    );
    // the generated KAM inputs (a cost to serve, a loss reason…) land in typed properties
    expect(report).toMatchObject({ groupCreated: false, created: [], updated: [], conflicts: [] });
  });

  test('the kam process exits 0 on SIGTERM after closing the server', async () => {
    const child = spawn(
      process.execPath,
      [join(__dirname, '../../../bin/kam.cjs'), 'emulator', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    try {
      await expectCleanStop();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }

    async function expectCleanStop(): Promise<void> {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.on('exit', () => reject(new Error(`kam emulator exited early: ${output}`)));
      });
      expect((await fetch(`${url}/__emulator/health`)).status).toBe(200);
      const exitCode = await new Promise<number | null>((resolve) => {
        child.on('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
      expect(exitCode).toBe(0);
      expect(output).toContain('Emulator stopped.');
    }
  });

  test('the fidelity flags reach the emulator, and a bad one is refused by its flag name', async () => {
    const io = captureIo();
    const { lines } = io;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    await runEmulator(
      io,
      flags({ tier: 'professional', searchLagMs: 1500, batchFailureRate: 0.25 }),
      stopped,
      (emulator) => {
        expect(emulator.fidelity()).toEqual({
          tier: 'professional',
          searchLagMs: 1500,
          batchFailureRate: 0.25,
        });
        stop();
      },
    );
    expect(lines).toContain('Fidelity: professional portal, search lag 1500 ms, batch failure rate 0.25.');

    const refused = captureIo();
    const code = await runCli(['emulator', '--batch-failure-rate', '1.5'], refused, [emulatorCommand]);
    expect(code).toBe(2);
    expect(refused.lines.join('\n')).toContain(
      '--batch-failure-rate must be a number from 0 to 1, got "1.5"',
    );
  });
});
