import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { company, contact, deal, meeting, NOW } from '../../tests/arbitraries/company-builders';
import { parseSnapshot, scorePortfolio, type PortfolioScore } from '../../src/engine/core';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import type { CliIo } from '../output';
import { runCli } from '../program';
import { runKam } from '../../tests/support/cli';
import * as scoreFile from './score-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-score-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const kam = (...argv: string[]) => runKam([scoreFile], argv);

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const snapshot = {
  schemaVersion: 1,
  takenAt: NOW.toISOString(),
  homeCurrency: 'EUR',
  companies: [
    company({
      id: 'acme',
      properties: { name: 'Acme', kam_market_reputation: 'industry_leader', kam_tier: 'important' },
      deals: [deal({ amount: 90_000, closedDaysAgo: 20 }), deal({ amount: 60_000, closedDaysAgo: 400 })],
      meetings: [meeting()],
      contacts: [contact(['DECISION_MAKER', 'CHAMPION'])],
    }),
    company({ id: 'small', properties: { name: 'Small Co' }, deals: [deal({ amount: 'n/a' })] }),
  ],
};

test('prints a table, best score first, with a summary', async () => {
  const result = await kam('score-file', writeJson('snapshot.json', snapshot));
  expect(result).toMatchObject({ code: 0, err: '' });
  const lines = result.out.split('\n');
  expect(lines[0]).toMatch(
    /^Company\s+Score\s+Tier\s+Attr\s+Str\s+Conf\s+KAISM\s+Strategy\s+P\s+Risk\s+Issues\s+Top recommendation$/,
  );
  expect(lines[2]).toMatch(/^Acme\s/);
  expect(lines[3]).toMatch(/^Small Co\s/);
  expect(result.out).toContain(
    `2 companies scored at ${NOW.toISOString()} with model ${DEFAULT_SCORING_MODEL.version}`,
  );
  expect(result.out).toMatch(/Data issues: 1 unusable value\(s\) in 1 company \(details with --json\)\./);
});

test('--json prints every result for programs, scored at the snapshot time by default', async () => {
  const result = await kam('score-file', writeJson('snapshot.json', snapshot), '--json');
  expect(result.code).toBe(0);
  const portfolio = JSON.parse(result.out) as PortfolioScore;
  expect(portfolio).toMatchObject({
    modelVersion: DEFAULT_SCORING_MODEL.version,
    scoredAt: NOW.toISOString(),
  });
  expect(portfolio.results.map((score) => score.companyId)).toEqual(['acme', 'small']);
  expect(portfolio.results[0]).toMatchObject({ previousTier: 'important', paretoClass: 'A' });
  expect(portfolio.results[1]!.dataIssues).toEqual([
    {
      recordType: 'deal',
      recordId: expect.any(String),
      field: 'amount',
      rawValue: 'n/a',
      kind: 'not_a_number',
    },
  ]);
});

test.each([
  ['a portfolio', () => snapshot.companies],
  ['no companies', () => []],
])(
  '--json writes, in pieces, exactly the text of the whole result pretty-printed (%s)',
  async (_, companies) => {
    // the pieces as processIo writes them: a newline added to a piece without one
    let written = '';
    const io: CliIo = {
      out: (text) => (written += text.endsWith('\n') ? text : `${text}\n`),
      err: () => undefined,
      isTty: false,
      env: {},
    };
    const path = writeJson('snapshot.json', { ...snapshot, companies: companies() });
    expect(await runCli(['score-file', path, '--json'], io, [scoreFile])).toBe(0);
    const parsed = parseSnapshot({ ...snapshot, companies: companies() });
    if (!parsed.ok) throw new Error('the test snapshot is invalid');
    const portfolio = scorePortfolio({
      companies: parsed.value.companies,
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
      homeCurrency: 'EUR',
    });
    expect(written).toBe(`${JSON.stringify(portfolio, null, 2)}\n`);
  },
);

test('--progress prints the read and each step on stderr, leaving stdout the table', async () => {
  const result = await kam('score-file', writeJson('snapshot.json', snapshot), '--progress');
  expect(result.code).toBe(0);
  expect(result.err.split('\n').map((line) => line.replace(/ · [\d.]+ s$/, ' · T'))).toEqual([
    expect.stringMatching(/^read .*snapshot\.json: 0\.0 MB, 2 companies · T$/),
    'parsed and measured 2/2 companies (100%) · T',
    'scored 2/2 companies (100%) · T',
  ]);
  expect(result.out).toMatch(/^Company\s+Score/);
});

test('progress lines appear by themselves from 10,000 companies, about ten per step, and --no-progress hides them', async () => {
  const many = {
    schemaVersion: 1,
    takenAt: NOW.toISOString(),
    companies: Array.from({ length: 10_000 }, (_, index) => ({ id: `c${index}`, properties: {} })),
  };
  const path = writeJson('many.json', many);
  const shown = await kam('score-file', path);
  expect(shown.code).toBe(0);
  const lines = shown.err.split('\n');
  expect(lines[0]).toMatch(/^read .*many\.json: [\d.]+ MB, 10,000 companies · [\d.]+ s$/);
  for (const word of ['parsed and measured', 'scored']) {
    const ofStep = lines.filter((line) => line.startsWith(`${word} `));
    expect(ofStep.length).toBeGreaterThanOrEqual(9);
    expect(ofStep.length).toBeLessThanOrEqual(11);
    expect(ofStep.at(-1)).toMatch(new RegExp(`^${word} 10,000/10,000 companies \\(100%\\)`));
  }
  expect((await kam('score-file', path, '--no-progress')).err).toBe('');
  expect((await kam('score-file', writeJson('small.json', snapshot))).err).toBe('');
});

test('companies are validated as they are scored; every bad one after the first is named too', async () => {
  const good = snapshot.companies[0]!;
  const path = writeJson('mixed.json', {
    schemaVersion: 1,
    companies: [good, { id: 'x', properties: { amount: 5 } }, good, { properties: {} }],
  });
  const result = await kam('score-file', path);
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.err).toContain('[snapshot.invalid]');
  expect(result.err).toMatch(/companies\.1\.properties\.amount: must be a string or null/);
  expect(result.err).toMatch(/companies\.3\.id: /);
  expect(result.err).not.toMatch(/companies\.[02]/);
});

test('--now and --model change the time and the model', async () => {
  const model = { ...DEFAULT_SCORING_MODEL, version: 'custom-7' };
  const result = await kam(
    'score-file',
    writeJson('snapshot.json', snapshot),
    '--model',
    writeJson('model.json', model),
    '--now',
    '2027-01-01T00:00:00Z',
    '--json',
  );
  expect(result.code).toBe(0);
  expect(JSON.parse(result.out)).toMatchObject({
    modelVersion: 'custom-7',
    scoredAt: '2027-01-01T00:00:00.000Z',
  });
});

test.each<[string, () => string[], string, RegExp]>([
  [
    'a missing snapshot file',
    () => ['score-file', join(dir, 'nope.json')],
    'snapshot.not_found',
    /cannot read snapshot .*nope\.json: no such file/,
  ],
  [
    'a directory given as the snapshot',
    () => ['score-file', dir],
    'snapshot.not_found',
    /cannot read snapshot .*: EISDIR/,
  ],
  [
    'a snapshot that is not JSON',
    () => ['score-file', writeJson('bad.json', '{ nope')],
    'snapshot.invalid_json',
    /snapshot .*bad\.json is not JSON/,
  ],
  [
    'a snapshot of the wrong shape',
    () => [
      'score-file',
      writeJson('shape.json', { schemaVersion: 1, companies: [{ id: 'x', properties: { amount: 5 } }] }),
    ],
    'snapshot.invalid',
    /companies\.0\.properties\.amount: must be a string or null/,
  ],
  [
    'a missing model file',
    () => ['score-file', writeJson('snapshot.json', snapshot), '--model', join(dir, 'none.json')],
    'settings.not_found',
    /cannot read model file/,
  ],
  [
    'an invalid model',
    () => [
      'score-file',
      writeJson('snapshot.json', snapshot),
      '--model',
      writeJson('model.json', { ...DEFAULT_SCORING_MODEL, tiers: { key: 30, important: 60, hysteresis: 5 } }),
    ],
    'settings.invalid',
    /model file .* is invalid:\n {2}tiers\.key: must be greater than tiers\.important \(60\)/,
  ],
  [
    'a bad --now',
    () => ['score-file', writeJson('snapshot.json', snapshot), '--now', 'tomorrow'],
    'input.invalid',
    /--now must be an ISO date or time/,
  ],
])('%s is a clear error with exit code 2', async (_label, argv, code, message) => {
  const result = await kam(...argv());
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.err).toMatch(message);
  expect(result.err).toContain(`[${code}]`);
});

test('has --help', async () => {
  const result = await kam('score-file', '--help');
  expect(result.out).toMatch(/Usage: kam score-file \[options\] <snapshot>/);
  expect(result.out).toContain('--model <file>');
});
