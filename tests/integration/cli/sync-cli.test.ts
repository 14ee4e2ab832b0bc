import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import * as demo from '../../../cli/commands/demo';
import * as setup from '../../../cli/commands/setup';
import * as sync from '../../../cli/commands/sync';
import { runCli } from '../../../cli/program';
import { captureIo } from '../../support/cli';
import { KAM_PROPERTIES } from '../../../src/engine/hubspot/kam-properties';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { createCustomObjectModelStore } from '../../../src/engine/hubspot/model-store';
import { fillPortal, gatewayFor, portalWithPortfolio, TOKEN } from '../../support/portal';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(120);
});
beforeEach(() => fillPortal(emulator, 120));
afterAll(() => emulator.close());

const run = (argv: string[], env: NodeJS.ProcessEnv) => {
  const io = captureIo(env);
  return runCli(argv, io, [demo, setup, sync]).then((code) => ({ code, io }));
};

describe('kam sync and kam setup from the command line', () => {
  const checkpointDir = mkdtempSync(join(tmpdir(), 'kam-cli-'));
  const env = () => ({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url });

  test('sync prints a summary with calls and tier changes, and never the token', async () => {
    const { code, io } = await run(['sync', '--checkpoint', join(checkpointDir, 'a.jsonl')], env());
    expect(code).toBe(0);
    const output = [...io.stdout, ...io.stderr].join('\n');
    expect(output).toMatch(/companies scored:\s+120/);
    expect(output).toMatch(/tier changes:\s+0 up, 0 down, 120 first assignments/);
    expect(output).toMatch(/API calls:/);
    expect(output).not.toContain(TOKEN);
  });

  test('--dry-run --json lists the changes and writes nothing', async () => {
    const { code, io } = await run(
      ['sync', '--dry-run', '--json', '--checkpoint', join(checkpointDir, 'b.jsonl')],
      env(),
    );
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout.join('\n'));
    expect(report.summary.dryRun).toBe(true);
    expect(report.writes).toHaveLength(120);
    expect(report.summary.propertiesWritten).toBe(0);
    expect(Object.keys(emulator.requestLog.counts()).some((route) => route.includes('batch/update'))).toBe(
      false,
    );
  });

  test.each([
    [['sync'], {}, /HUBSPOT_ACCESS_TOKEN is not set/, 3],
    [['sync', '--company', 'abc'], undefined, /numeric HubSpot company ids/, 2],
    [['sync', '--since', 'yesterday'], undefined, /--since must be an ISO date/, 2],
    [['sync', '--rate-budget', '500'], undefined, /--rate-budget/, 2],
  ])('%j fails with a clear message', async (argv, envOverride, message, exitCode) => {
    const { code, io } = await run(argv as string[], (envOverride as NodeJS.ProcessEnv | undefined) ?? env());
    expect(io.stderr.join('\n')).toMatch(message);
    expect(code).toBe(exitCode);
  });

  test('a wrong token is an authentication error, not a crash', async () => {
    const { code, io } = await run(['setup'], {
      HUBSPOT_ACCESS_TOKEN: 'wrong-token',
      HUBSPOT_BASE_URL: emulator.url,
    });
    expect(code).toBe(3);
    expect(io.stderr.join('\n')).toMatch(/HTTP 401/);
    expect(io.stderr.join('\n')).not.toContain('wrong-token');
  });

  test('an invalid --model file is rejected with the field path', async () => {
    const modelFile = join(checkpointDir, 'bad-model.json');
    writeFileSync(modelFile, JSON.stringify({ version: '' }));
    const { code, io } = await run(['sync', '--model', modelFile], env());
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/version/);
  });

  test('sync scores with the model an admin saved in the portal', async () => {
    await run(['setup'], env());
    const store = createCustomObjectModelStore({ gateway: gatewayFor(emulator) });
    const saved = await store.save(
      { ...DEFAULT_SCORING_MODEL, tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 90 } },
      { userId: '7', userEmail: 'admin@example.com', note: 'stricter key tier' },
    );
    const { code, io } = await run(['sync', '--json', '--checkpoint', join(checkpointDir, 'c.jsonl')], env());
    expect(code).toBe(0);
    expect(JSON.parse(io.stdout.join('\n')).summary.modelVersion).toBe(saved.model.version);
  });

  test('Ctrl-C stops the run cleanly with a pointer to --resume, which then finishes it', async () => {
    const checkpoint = join(checkpointDir, 'interrupted.jsonl');
    const io = captureIo(env());
    let interrupt: (() => void) | undefined;
    io.onInterrupt = (handler) => {
      interrupt = handler;
      return () => {
        interrupt = undefined;
      };
    };
    const running = runCli(['sync', '--checkpoint', checkpoint], io, [sync]);
    // press Ctrl-C once the first company page has been asked for
    while (!emulator.requestLog.counts()['GET /crm/v3/objects/{objectType}']) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    interrupt?.();
    expect(await running).toBe(6);
    expect(io.stderr.join('\n')).toContain('stopping after the requests in flight');
    expect(io.stderr.join('\n')).toContain('--resume');
    expect(interrupt).toBeUndefined(); // the handler is removed when the command ends
    expect(Object.keys(emulator.requestLog.counts()).some((route) => route.includes('batch/update'))).toBe(
      false,
    );

    const resumed = await run(['sync', '--resume', '--checkpoint', checkpoint], env());
    expect(resumed.code).toBe(0);
    expect(resumed.io.stdout.join('\n')).toMatch(/companies scored:\s+120/);
  });

  test('setup twice: the second run changes nothing', async () => {
    const { io } = await run(['setup'], env());
    expect(io.stdout.join('\n')).toContain(`created: 0, updated: 0, unchanged: ${KAM_PROPERTIES.length}`);
  });
});

describe('kam demo', () => {
  test('runs end to end on its own emulator and shows portfolio, tier changes and a no-op re-sync', async () => {
    const { code, io } = await run(['demo', '--companies', '60', '--seed', '3'], {});
    const output = io.stdout.join('\n');
    expect(code).toBe(0);
    expect(output).toMatch(/kam sync: 60 companies scored/);
    expect(output).toMatch(/Key accounts \(\d+\)/);
    expect(output).toMatch(/Tier changes/);
    // the plan written on day two is read by the next sync and tracked
    expect(output).toMatch(/writes its account development plan: won revenue ≥ [\d,]+ by \d{4}-\d{2}-\d{2}/);
    expect(output).toMatch(
      /Account plan of .+: current, next review \d{4}-\d{2}-\d{2}, \d+% of measured goals on track/,
    );
    expect(output).toMatch(/kam sync on unchanged data: 0 properties written/);
  });
});
