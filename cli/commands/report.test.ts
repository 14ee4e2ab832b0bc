import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEmulator } from '../../tests/support/emulator';
import { generatePortfolio } from '../../emulator/generator';
import { createGateway, ensureKamProperties } from '../../src/engine/hubspot';
import type { PortfolioAnalysis } from '../../src/engine/portfolio';
import { runKam } from '../../tests/support/cli';
import * as report from './report';

const NOW = '2026-03-01T00:00:00.000Z';
let dir: string;
let snapshotFile: string;
const repoCwd = process.cwd();

// run in a temporary directory: a report written to the default path (kam-report.html) lands there
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-report-'));
  process.chdir(dir);
  snapshotFile = join(dir, 'portfolio.json');
  const { snapshot } = generatePortfolio({ companies: 120, seed: 5, now: new Date(NOW) });
  writeFileSync(snapshotFile, JSON.stringify(snapshot));
});
afterAll(() => {
  process.chdir(repoCwd);
  rmSync(dir, { recursive: true, force: true });
});

const kam = (argv: string[], env: NodeJS.ProcessEnv = {}) => runKam([report], argv, env);

test('scores a snapshot locally and writes a self-contained HTML report', async () => {
  const out = join(dir, 'report.html');
  const result = await kam(['report', '--snapshot', snapshotFile, '--out', out]);
  expect(result).toMatchObject({ code: 0, err: '' });
  expect(result.out).toMatch(
    /^wrote .*report\.html \(\d+\.\d MB\): 120 companies, \d+ key accounts( \(of \d+ places\))?, \d+ at risk, \d+ declining$/,
  );
  const html = readFileSync(out, 'utf8');
  expect(html).toContain(`scored locally with model`);
  expect(html).toContain('id="chart-kaism"');
  expect(html.length).toBeGreaterThan(1_000_000); // ECharts is inlined
});

test('--json prints the analysis alone on stdout and writes no file unless --out is given', async () => {
  const cwdFile = join(process.cwd(), report.DEFAULT_REPORT_FILE);
  const existedBefore = existsSync(cwdFile);
  const result = await kam([
    'report',
    '--snapshot',
    snapshotFile,
    '--json',
    '--since',
    '2025-12-01',
    '--years',
    '3',
  ]);
  expect(result).toMatchObject({ code: 0, err: '' });
  const analysis = JSON.parse(result.out) as PortfolioAnalysis;
  expect(analysis.analysedAt).toBe(NOW);
  expect(analysis.totals.companies).toBe(120);
  expect(analysis.movers.since).toBe('2025-12-01T00:00:00.000Z');
  expect(analysis.declining.years.length).toBeLessThanOrEqual(3);
  // the shipped model's "sharp decline" share is the default threshold for a snapshot
  expect(analysis.declining.options.declineThreshold).toBe(0.3);
  // issue #21: a snapshot holds no plans, so the local scoring says "no plan" for every key account;
  // the gaps come from the same scoring
  expect(analysis.plans.keyAccounts).toBe(analysis.totals.byTier.key);
  expect(analysis.plans.counts).toMatchObject({ none: analysis.plans.keyAccounts, not_computed: 0 });
  expect(analysis.buyingCentre.keyAccounts).toBe(analysis.totals.byTier.key);
  expect(analysis.buyingCentre.withGaps).toBeGreaterThan(0);
  expect(analysis.buyingCentre.accounts).toHaveLength(analysis.buyingCentre.withGaps);
  expect(existsSync(cwdFile)).toBe(existedBefore);
});

test.each([
  [['--decline-threshold', '1.5'], '--decline-threshold'],
  [['--years', 'four'], '--years must be a number'],
  [['--since', 'last week'], '--since must be an ISO date'],
  [['--acquisition-cost-per-revenue', '-1'], '--acquisition-cost-per-revenue'],
  [['--portal-id', 'acme'], '--portal-id must be a HubSpot account id'],
])('rejects %j with exit code 2 and a message naming the flag', async (flags, message) => {
  const result = await kam(['report', '--snapshot', snapshotFile, '--json', ...flags]);
  expect(result.code).toBe(2);
  expect(result.err).toContain(message);
  expect(result.out).toBe('');
});

test.each([
  [['--snapshot', 'any.json', '--from', '2026-01-01', '--to', '2026-02-01'], '--from/--to need HubSpot'],
  [['--from', '2026-01-01'], '--from and --to go together'],
  [['--from', 'January', '--to', '2026-02-01'], '--from must be an ISO date'],
  [['--from', '2026-01-01', '--to', '2026-02-30x'], '--to must be an ISO date'],
  [['--from', '2026-01-01', '--to', '2026-02-30'], '--to must be an ISO date'],
  [['--from', '2026-02-01', '--to', '2026-01-01'], '--from must be before --to'],
  [['--from', '2026-02-01', '--to', '2026-02-01'], '--from must be before --to'],
])('rejects --from/--to %j before reading anything (exit 2, input.invalid)', async (flags, message) => {
  const result = await kam(['report', '--json', ...flags]);
  expect(result.code).toBe(2);
  expect(result.err).toContain(message);
  expect(result.err).toContain('[input.invalid]');
  expect(result.out).toBe('');
});

test('a missing or malformed snapshot is a clear input error', async () => {
  const missing = await kam(['report', '--snapshot', join(dir, 'nope.json')]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/cannot read snapshot .*nope\.json.*\[snapshot\.not_found]/);
  const wrongShape = join(dir, 'wrong.json');
  writeFileSync(wrongShape, JSON.stringify({ schemaVersion: 1, companies: [{ id: 7 }] }));
  const invalid = await kam(['report', '--snapshot', wrongShape]);
  expect(invalid.code).toBe(2);
  expect(invalid.err).toContain('is invalid');
  expect(invalid.err).toContain('companies.0.id');
});

describe('reading HubSpot', () => {
  const harness = useEmulator({ token: 'right-token' }, { resetEachTest: false });
  const env = () => ({ HUBSPOT_ACCESS_TOKEN: 'right-token', HUBSPOT_BASE_URL: harness.emulator.url });

  test('without HUBSPOT_ACCESS_TOKEN it says what to set (exit 3)', async () => {
    const result = await kam(['report', '--json']);
    expect(result.code).toBe(3);
    expect(result.err).toContain('HUBSPOT_ACCESS_TOKEN is not set');
  });

  test('a rejected token fails with HubSpot’s status and never prints the token', async () => {
    const result = await kam(['report', '--json', '--no-progress'], {
      HUBSPOT_ACCESS_TOKEN: 'wrong-secret-token',
      HUBSPOT_BASE_URL: harness.emulator.url,
    });
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/companies\/search: HTTP 401.*\[auth\.unauthorized\]/);
    expect(`${result.out}${result.err}`).not.toContain('wrong-secret-token');
  });

  test('a portal where `kam setup` never ran says so', async () => {
    harness.emulator.reset();
    const result = await kam(['report', '--json', '--no-progress'], env());
    expect(result.code).toBe(4);
    expect(result.err).toContain('run `kam setup`, then `kam sync` [hubspot.not_set_up]');
  });

  test('a set-up portal with nothing scored gives an empty analysis, not an error', async () => {
    harness.emulator.reset();
    await ensureKamProperties(createGateway({ accessToken: 'right-token', basePath: harness.emulator.url }));
    const result = await kam(['report', '--json', '--no-progress'], env());
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as PortfolioAnalysis).totals.companies).toBe(0);
  });
});
