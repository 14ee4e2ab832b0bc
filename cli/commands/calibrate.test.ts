import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLatentCompanies } from '../../emulator/generator/latent-health';
import { validateModel } from '../../src/engine/settings';
import { runKam } from '../../tests/support/cli';
import * as calibrate from './calibrate';

const NOW = new Date('2026-06-30T00:00:00.000Z');
let dir: string;

function snapshotOf(companies: number): string {
  const file = join(dir, `latent-${companies}.json`);
  const records = [...generateLatentCompanies({ companies, seed: 7, now: NOW })].map((g) => g.company);
  writeFileSync(
    file,
    JSON.stringify({ schemaVersion: 1, takenAt: NOW.toISOString(), homeCurrency: 'USD', companies: records }),
  );
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-calibrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kam = (argv: string[]) => runKam([calibrate], argv);

test('writes a draft model and prints active and draft side by side with the reliability table', async () => {
  const draftFile = join(dir, 'draft.json');
  const result = await kam(['calibrate', '--snapshot', snapshotOf(300), '--out', draftFile]);
  expect(result).toMatchObject({ code: 0, err: '' });
  expect(result.out).toMatch(/^Calibration of the risk weights on \d+ as-of dates/);
  expect(result.out).toMatch(/decline AUC, out of time\s+\d\.\d{3}\s+\d\.\d{3}/);
  expect(result.out).toMatch(/Brier score, out of time\s+\d\.\d{3}\s+\d\.\d{3}/);
  expect(result.out).toMatch(/risk levels that change today\s+\d+ of 300/);
  expect(result.out).toMatch(/level\s+accounts\s+declined\s+predicted\s+observed/);
  expect(result.out).toMatch(/purchase_silence\s+\d+\.\d{2} → \d+\.\d{2}/);
  const draft = validateModel(JSON.parse(readFileSync(draftFile, 'utf8')));
  expect(draft.ok).toBe(true);
  if (draft.ok) expect(draft.value.riskScore.calibration?.method).toBe('monotone-logistic-l2');
});

test('refuses with the counts and writes nothing when the history has too few declines', async () => {
  const draftFile = join(dir, 'none.json');
  const result = await kam(['calibrate', '--snapshot', snapshotOf(20), '--out', draftFile]);
  expect(result.code).not.toBe(0);
  expect(result.err).toMatch(/not enough history to calibrate; nothing was written/);
  expect(result.err).toMatch(/\d+ declines in \d+ account-dates .* at least 140 are needed/);
  expect(() => readFileSync(draftFile)).toThrow();
});

test('rejects a decline share outside 0–1', async () => {
  const result = await kam(['calibrate', '--snapshot', 'x.json', '--out', 'y.json', '--decline-share', '2']);
  expect(result.code).not.toBe(0);
  expect(result.err).toMatch(/--decline-share must be between 0 and 1/);
});
