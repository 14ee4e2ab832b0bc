import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hubspotValues, type GroundTruth } from '../../emulator/generator';
import * as enums from '../../src/engine/core/enums';
import {
  COMPANY_INPUT_PROPERTIES,
  CONTACT_INPUT_PROPERTIES,
  DEAL_INPUT_PROPERTIES,
  MEETING_INPUT_PROPERTIES,
  TICKET_INPUT_PROPERTIES,
  portfolioSnapshotSchema,
  type PortfolioSnapshot,
} from '../../src/engine/core';
import { runKam } from '../../tests/support/cli';
import * as generate from './generate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-generate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const kam = (...argv: string[]) => runKam([generate], argv);

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const NOW = ['--now', '2025-06-30T00:00:00.000Z'];

test('writes the snapshot and, next to it, the ground truth', async () => {
  const out = join(dir, 'portfolio.json');
  const result = await kam('generate', '--companies', '60', '--seed', '42', '--out', out, ...NOW);
  expect(result).toMatchObject({ code: 0, err: '' });
  expect(result.out).toMatch(/wrote .*portfolio\.json: 60 companies, \d+ deals/);
  expect(result.out).toMatch(/wrote .*portfolio\.truth\.json: strategic_partner \d+,/);
  const snapshot = readJson<PortfolioSnapshot>(out);
  const truth = readJson<GroundTruth>(join(dir, 'portfolio.truth.json'));
  expect(snapshot.companies).toHaveLength(60);
  expect(truth).toMatchObject({ seed: 42, companies: 60, now: '2025-06-30T00:00:00.000Z' });
  expect(Object.keys(truth.archetypes)).toEqual(snapshot.companies.map((company) => company.id));
  expect(existsSync(`${out}.partial`)).toBe(false);
});

test('the same flags write byte-identical files; another seed does not', async () => {
  const files = ['a', 'b', 'c'].map((name) => join(dir, `${name}.json`));
  for (const [file, seed] of [
    [files[0], '7'],
    [files[1], '7'],
    [files[2], '8'],
  ] as const) {
    await kam(
      'generate',
      '--companies',
      '40',
      '--seed',
      seed,
      '--out',
      file ?? '',
      '--truth',
      `${file}.truth`,
      ...NOW,
    );
  }
  const [a, b, c] = files.map((file) => readFileSync(file, 'utf8'));
  expect(a).toBe(b);
  expect(a).not.toBe(c);
});

test('the snapshot meets the core contract: schema, input property names and enumeration values', async () => {
  const out = join(dir, 'contract.json');
  await kam('generate', '--companies', '200', '--seed', '5', '--out', out, ...NOW);
  const snapshot = portfolioSnapshotSchema.parse(readJson(out));
  const missing = (records: { properties: Record<string, unknown> }[], names: readonly string[]): string[] =>
    records.flatMap((record) => names.filter((name) => !(name in record.properties)));
  const all = <K extends 'deals' | 'tickets' | 'meetings' | 'contacts'>(kind: K) =>
    snapshot.companies.flatMap((company) => company[kind]);
  expect(missing(snapshot.companies, COMPANY_INPUT_PROPERTIES)).toEqual([]);
  expect(missing(all('deals'), DEAL_INPUT_PROPERTIES)).toEqual([]);
  expect(missing(all('tickets'), TICKET_INPUT_PROPERTIES)).toEqual([]);
  expect(missing(all('meetings'), MEETING_INPUT_PROPERTIES)).toEqual([]);
  expect(missing(all('contacts'), CONTACT_INPUT_PROPERTIES)).toEqual([]);
});

// The emulator keeps its own copies (it imports nothing from src/engine); they must not drift.
test.each([
  ['BUYING_ROLES', 'HUBSPOT_BUYING_ROLES'],
  ['MEETING_OUTCOMES', 'HUBSPOT_MEETING_OUTCOMES'],
  ['TICKET_PRIORITIES', 'HUBSPOT_TICKET_PRIORITIES'],
  ['REPUTATION_LEVELS', 'REPUTATION_LEVELS'],
  ['INPUT_LEVELS', 'INPUT_LEVELS'],
  ['PERCEPTION_LEVELS', 'PERCEPTION_LEVELS'],
  ['PAYMENT_DISCIPLINE', 'PAYMENT_DISCIPLINE'],
  ['LOSS_REASONS', 'LOSS_REASONS'],
  ['POSITION_INPUT_LEVELS', 'POSITION_INPUT_LEVELS'],
] as const)("the generator's %s equal the engine's %s", (generatorName, engineName) => {
  expect(hubspotValues[generatorName]).toEqual(enums[engineName]);
});

test('--shape and --migrated are recorded in the ground truth, and a migrated company was created at the import', async () => {
  const out = join(dir, 'migrated.json');
  const { code } = await kam(
    'generate',
    '--companies',
    '40',
    '--seed',
    '3',
    '--out',
    out,
    '--shape',
    'steady',
    '--migrated',
    ...NOW,
  );
  expect(code).toBe(0);
  const truth = JSON.parse(readFileSync(generate.defaultTruthPath(out), 'utf8')) as {
    shape: string;
    migrated: boolean;
  };
  expect(truth).toMatchObject({ shape: 'steady', migrated: true });
  const snapshot = JSON.parse(readFileSync(out, 'utf8')) as {
    takenAt: string;
    companies: {
      properties: { createdate: string };
      deals: { properties: { closedate: string | null } }[];
    }[];
  };
  const takenAt = Date.parse(snapshot.takenAt);
  for (const company of snapshot.companies) {
    expect(takenAt - Date.parse(company.properties.createdate)).toBeLessThanOrEqual(31 * 86_400_000);
  }
  const closes = snapshot.companies.flatMap((c) =>
    c.deals.map((d) => Date.parse(d.properties.closedate ?? '')),
  );
  expect(Math.min(...closes.filter(Number.isFinite))).toBeLessThan(takenAt - 3 * 365 * 86_400_000);
});

test('an explicit --truth path is used', async () => {
  const truth = join(dir, 'answers.json');
  await kam(
    'generate',
    '--companies',
    '5',
    '--seed',
    '1',
    '--out',
    join(dir, 's.json'),
    '--truth',
    truth,
    ...NOW,
  );
  expect(readJson<GroundTruth>(truth).companies).toBe(5);
});

test('--progress prints progress lines on stderr', async () => {
  const { code, err } = await kam(
    'generate',
    '--companies',
    '20',
    '--seed',
    '1',
    '--out',
    join(dir, 'p.json'),
    '--progress',
    ...NOW,
  );
  expect(code).toBe(0);
  expect(err.split('\n')).toEqual(
    Array.from({ length: 10 }, (_, i) => `generated ${(i + 1) * 2}/20 companies (${(i + 1) * 10}%)`),
  );
});

test('--now defaults to today at 00:00 UTC', async () => {
  const out = join(dir, 'today.json');
  await kam('generate', '--companies', '1', '--seed', '1', '--out', out);
  const today = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString();
  expect(readJson<PortfolioSnapshot>(out).takenAt).toBe(today);
});

test.each([
  [['--companies', '-3'], /--companies must be a non-negative integer, got "-3"/],
  [['--companies', 'ten'], /--companies must be a non-negative integer, got "ten"/],
  [['--companies', '2.5'], /--companies must be a non-negative integer/],
  [['--seed', 'abc'], /--seed must be an integer, got "abc"/],
  [['--seed', '1e3'], /--seed must be an integer/],
  [['--now', 'yesterday'], /--now must be a valid ISO 8601 date or date-time, got "yesterday"/],
  [['--deals-per-company', '-1'], /--deals-per-company must be a non-negative number/],
  [['--shape', 'round'], /--shape must be one of concentrated, flat, steady, got "round"/],
])('rejects %j with exit code 2 and a clear message', async (flags, message) => {
  const base: Record<string, string> = { '--companies': '10', '--seed': '1', '--out': join(dir, 'x.json') };
  for (let i = 0; i < flags.length; i += 2) base[flags[i] as string] = flags[i + 1] as string;
  const { code, err } = await kam(
    'generate',
    ...Object.entries(base).flat(),
    ...(flags[0] === '--now' ? [] : NOW),
  );
  expect(code).toBe(2);
  expect(err).toMatch(message);
  expect(err).toContain('[input.invalid]');
  expect(existsSync(join(dir, 'x.json'))).toBe(false);
});

test('an unwritable --out is an input error', async () => {
  const { code, err } = await kam(
    'generate',
    '--companies',
    '1',
    '--seed',
    '1',
    '--out',
    join(dir, 'no', 'such', 'dir.json'),
    ...NOW,
  );
  expect(code).toBe(2);
  expect(err).toMatch(/cannot write .*dir\.json\.partial/);
});

test('--help describes the flags', async () => {
  const { code, out } = await kam('generate', '--help');
  expect(code).toBe(0);
  for (const flag of [
    '--companies',
    '--seed',
    '--out',
    '--truth',
    '--now',
    '--deals-per-company',
    '--progress',
    '--shape',
    '--migrated',
  ]) {
    expect(out).toContain(flag);
  }
  expect(out).toContain('today at 00:00 UTC');
});
