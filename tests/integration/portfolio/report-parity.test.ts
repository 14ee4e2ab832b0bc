/**
 * The two ways `kam report` gets a portfolio must agree: after `kam sync` has written a generated
 * portfolio's scores into the emulator, the report read back from "HubSpot" (search API, stored
 * kam_* values) equals the report of the same snapshot scored locally.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as report from '../../../cli/commands/report';
import { runCli } from '../../../cli/program';
import { captureIo } from '../../support/cli';
import type { RunningEmulator } from '../../../emulator';
import { generatePortfolio } from '../../../emulator/generator';
import type { PortfolioAnalysis } from '../../../src/engine/portfolio';
import { NOW, TOKEN, gatewayFor, portalWithPortfolio, sync } from '../../support/portal';

const COMPANIES = 150;
const SEED = 11;
let emulator: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES, SEED);
  await sync(gatewayFor(emulator));
  dir = mkdtempSync(join(tmpdir(), 'kam-parity-'));
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

async function reportJson(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<PortfolioAnalysis> {
  const io = captureIo(env);
  const code = await runCli(['report', '--json', '--no-progress', '--now', NOW.toISOString(), ...argv], io, [
    report,
  ]);
  expect({ code, err: io.stderr }).toEqual({ code: 0, err: [] });
  return JSON.parse(io.stdout.join('\n')) as PortfolioAnalysis;
}

test('the report from HubSpot after a sync equals the report of the snapshot scored locally', async () => {
  const fromHubspot = await reportJson([], { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url });
  const snapshotFile = join(dir, 'portfolio.json');
  writeFileSync(
    snapshotFile,
    JSON.stringify(generatePortfolio({ companies: COMPANIES, seed: SEED, now: NOW }).snapshot),
  );
  const fromSnapshot = await reportJson(['--snapshot', snapshotFile]);

  expect(fromHubspot.totals.companies).toBe(COMPANIES);
  expect(fromHubspot).toEqual(fromSnapshot);
});

test('the HTML written from HubSpot links companies to their records when the portal id is given', async () => {
  const out = join(dir, 'from-hubspot.html');
  const io = captureIo({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url });
  const { lines } = io;
  const code = await runCli(['report', '--no-progress', '--out', out, '--portal-id', '4410000'], io, [
    report,
  ]);
  expect(code).toBe(0);
  expect(lines.join('\n')).toMatch(new RegExp(`wrote .*from-hubspot\\.html .*: ${COMPANIES} companies`));
  expect(lines.join('\n')).not.toContain(TOKEN);
  const html = readFileSync(out, 'utf8');
  expect(html).toContain('Data: HubSpot (127.0.0.1:');
  expect(html).toMatch(/<a href="https:\/\/app\.hubspot\.com\/contacts\/4410000\/record\/0-2\/\d+">/);
  expect(html).not.toContain(TOKEN);
});
