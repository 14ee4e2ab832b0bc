/**
 * `kam calibrate` on a generated portfolio with a latent health (issue #17): writes the snapshot,
 * runs the real CLI on it in a child process under /usr/bin/time (wall time and peak RSS), and
 * prints the active (shipped) and calibrated models' out-of-time decline AUC next to the oracle's
 * on the same evaluation dates. Goal: 10,000 companies with four years of history in under 60 s
 * and 2 GB; a calibrated model within 0.05 of the oracle.
 *
 *   npm run bench:calibrate [-- --companies 10000 --seed 21] [--keep latent.json]
 *
 * `--keep` also writes the generated snapshot there, for `kam calibrate` or `kam backtest` by hand.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateLatentCompanies,
  oracleRiskAt,
  type LatentHealth,
} from '../emulator/generator/latent-health';
import type { CalibrateResult } from '../src/engine/backtest/calibrate';
import { areaUnderCurve } from '../src/engine/backtest/auc';
import { riskExamplesAt } from '../src/engine/backtest/risk-examples';
import type { CompanyRecord } from '../src/engine/core/snapshot';
import { DEFAULT_SCORING_MODEL } from '../src/engine/settings';

const NOW = new Date('2026-06-30T00:00:00.000Z');

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const companiesCount = Number(flag('companies', '10000'));
const seed = Number(flag('seed', '21'));
const dir = mkdtempSync(join(tmpdir(), 'kam-calibrate-bench-'));
try {
  const latent = new Map<string, LatentHealth>();
  const companies: CompanyRecord[] = [];
  for (const generated of generateLatentCompanies({ companies: companiesCount, seed, now: NOW })) {
    companies.push(generated.company as CompanyRecord);
    latent.set(generated.company.id, generated.latent);
  }
  const snapshotFile = join(dir, 'portfolio.json');
  writeFileSync(
    snapshotFile,
    JSON.stringify({ schemaVersion: 1, takenAt: NOW.toISOString(), homeCurrency: 'USD', companies }),
  );
  const keep = flag('keep', '');
  if (keep !== '') copyFileSync(snapshotFile, keep);
  const draftFile = join(dir, 'draft.json');
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      'bin/kam.cjs',
      'calibrate',
      '--snapshot',
      snapshotFile,
      '--out',
      draftFile,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`kam calibrate failed:\n${run.stderr}`);
  const [seconds, kilobytes] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  const result = JSON.parse(run.stdout) as CalibrateResult;
  // the oracle on the same evaluation dates, pooled as the calibration pools them
  const points: { score: number; isPositive: boolean }[] = [];
  for (const date of result.evaluationDates) {
    const asOf = new Date(`${date}T00:00:00.000Z`);
    for (const example of riskExamplesAt({
      companies,
      asOf,
      horizonMonths: 12,
      declineShare: 0.5,
      model: DEFAULT_SCORING_MODEL,
    })) {
      points.push({
        score: oracleRiskAt(latent.get(example.companyId)!, asOf.getTime(), 12),
        isPositive: example.declined,
      });
    }
  }
  const f = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
  console.log(
    `latent health, seed ${seed}, ${companiesCount} companies: kam calibrate ${seconds!.toFixed(1)} s, peak RSS ${(kilobytes! / 1024).toFixed(0)} MB`,
  );
  console.log(
    `  ${result.asOfDates.length} as-of dates, ${result.examples} account-dates, ${result.declines} declined; judged out of time on ${result.evaluationDates.join(', ')}`,
  );
  console.log(
    `  decline AUC out of time: shipped ${f(result.active.crossValidatedAuc)}, calibrated ${f(result.draft.crossValidatedAuc)}, oracle ${f(areaUnderCurve(points))}; Brier shipped ${f(result.active.brierScore)}, calibrated ${f(result.draft.brierScore)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
