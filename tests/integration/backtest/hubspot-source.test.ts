/**
 * `kam backtest` reading HubSpot (the emulator on 127.0.0.1) sees the same portfolio and the same
 * outcomes as the snapshot it was filled from. Scores may differ: contacts come without their
 * creation date from the sync's reads and are kept with today's roles (README, Backtest limits).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEmulator } from '../../support/emulator';
import { generatePortfolio } from '../../../emulator/generator';
import * as backtest from '../../../cli/commands/backtest';
import { runCli } from '../../../cli/program';
import { captureIo } from '../../support/cli';
import type { BacktestResult } from '../../../src/engine/backtest';

const TOKEN = 'backtest-token';
const NOW = '2026-06-30T00:00:00.000Z';
const harness = useEmulator({ token: TOKEN }, { resetEachTest: false });
let dir: string;
let snapshotFile: string;

beforeAll(async () => {
  const { snapshot } = generatePortfolio({ companies: 120, seed: 4, now: new Date(NOW) });
  harness.emulator.loadSnapshot(snapshot);
  dir = mkdtempSync(join(tmpdir(), 'kam-backtest-hs-'));
  snapshotFile = join(dir, 'portfolio.json');
  writeFileSync(snapshotFile, JSON.stringify(snapshot));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

async function kamJson(argv: string[]): Promise<BacktestResult> {
  const io = captureIo({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: harness.emulator.url });
  const code = await runCli([...argv, '--json', '--no-progress', '--as-of', '2025-06-30', '--now', NOW], io, [
    backtest,
  ]);
  expect({ code, err: io.stderr.filter((line) => !line.startsWith('scoring model:')) }).toEqual({
    code: 0,
    err: [],
  });
  return JSON.parse(io.stdout.join('\n')) as BacktestResult;
}

test('reads the whole portfolio from HubSpot and judges the same outcomes as the snapshot', async () => {
  const fromHubspot = await kamJson(['backtest']);
  const fromFile = await kamJson(['backtest', '--snapshot', snapshotFile]);
  const outcomes = (result: BacktestResult) =>
    result.accounts
      .map((a) => [a.companyId, a.outcome, a.revenueBefore, a.revenueInHorizon])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  expect(fromHubspot.companiesAtAsOf).toBe(fromFile.companiesAtAsOf);
  expect(outcomes(fromHubspot)).toEqual(outcomes(fromFile));
  expect(fromHubspot.revenueBaselineDeclineAuc).toBeCloseTo(fromFile.revenueBaselineDeclineAuc!, 10);
  expect(fromHubspot.active.modelVersion).toBe('keystone-default-1');
});
