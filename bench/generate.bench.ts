/**
 * Portfolio generator benchmark (issue #3: "print how long it takes to fill 10k and 100k
 * companies"). For each size: streaming a snapshot file as `kam generate` does, building the
 * portfolio in memory with `generatePortfolio`, and filling the emulator with `loadSnapshot`;
 * wall and CPU time, peak heap and RSS (sampled while running), and heap still held afterwards.
 *
 * Run: npm run bench:generate [-- 10000 100000]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { writeSnapshotFile } from '../cli/commands/generate';
import { startEmulator } from '../emulator';
import { generateCompanies, generateSnapshotBatches, type CompanyRecord } from '../emulator/generator';

const NOW = new Date('2025-06-30T00:00:00.000Z');
const SEED = 1;
const YEAR_MS = 365 * 86_400_000;
const MB = 1024 * 1024;

// a forced collection before each stage makes "held afterwards" mean live data, not garbage
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

interface Measurement {
  wallMs: number;
  cpuMs: number;
  peakHeapMb: number;
  peakRssMb: number;
}

class Sampler {
  private peakHeap = 0;
  private peakRss = 0;
  private readonly startedAt = performance.now();
  private readonly cpuAtStart = process.cpuUsage();

  sample(): void {
    const { heapUsed, rss } = process.memoryUsage();
    this.peakHeap = Math.max(this.peakHeap, heapUsed);
    this.peakRss = Math.max(this.peakRss, rss);
  }

  finish(): Measurement {
    this.sample();
    const cpu = process.cpuUsage(this.cpuAtStart);
    return {
      wallMs: performance.now() - this.startedAt,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakHeapMb: this.peakHeap / MB,
      peakRssMb: this.peakRss / MB,
    };
  }
}

function heldMb(baseline: number): number {
  collectGarbage();
  return (process.memoryUsage().heapUsed - baseline) / MB;
}

const rows: string[][] = [];
function report(size: number, stage: string, m: Measurement, held: string, note: string): void {
  rows.push([
    size.toLocaleString('en-US'),
    stage,
    `${(m.wallMs / 1000).toFixed(1)} s`,
    `${(m.cpuMs / 1000).toFixed(1)} s`,
    `${m.peakHeapMb.toFixed(0)} MB`,
    `${m.peakRssMb.toFixed(0)} MB`,
    held,
    note,
  ]);
  console.log(rows.at(-1)?.join(' | '));
}

function paretoTop20Share(companies: readonly CompanyRecord[]): number {
  const now = NOW.getTime();
  const revenue = companies.map((company) =>
    company.deals.reduce((sum, deal) => {
      const closedAt = Date.parse(deal.properties.closedate ?? '');
      const amount = Number(deal.properties.amount_in_home_currency);
      const counts =
        deal.properties.hs_is_closed_won === 'true' && closedAt > now - YEAR_MS && closedAt <= now;
      return counts && Number.isFinite(amount) ? sum + amount : sum;
    }, 0),
  );
  const sorted = revenue.sort((a, b) => b - a);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return sorted.slice(0, Math.round(sorted.length * 0.2)).reduce((sum, value) => sum + value, 0) / total;
}

async function benchSize(size: number, dir: string): Promise<void> {
  const options = { companies: size, seed: SEED, now: NOW };

  collectGarbage();
  let baseline = process.memoryUsage().heapUsed;
  let sampler = new Sampler();
  const file = join(dir, `portfolio-${size}.json`);
  writeSnapshotFile(file, options, (done) => done % 500 === 0 && sampler.sample());
  report(
    size,
    'kam generate → file',
    sampler.finish(),
    `${heldMb(baseline).toFixed(0)} MB`,
    `${(statSync(file).size / MB).toFixed(0)} MB file`,
  );
  rmSync(file);

  collectGarbage();
  baseline = process.memoryUsage().heapUsed;
  sampler = new Sampler();
  // generatePortfolio's own loop, sampled every 500 companies (the figures are the same without sampling)
  const companies: CompanyRecord[] = [];
  for (const generated of generateCompanies(options)) {
    companies.push(generated.company);
    if (generated.index % 500 === 0) sampler.sample();
  }
  const generated = sampler.finish();
  const deals = companies.reduce((sum, company) => sum + company.deals.length, 0);
  report(
    size,
    'generatePortfolio (in memory)',
    generated,
    `${heldMb(baseline).toFixed(0)} MB`,
    `${(deals / size).toFixed(1)} deals/company, top 20% hold ${(100 * paretoTop20Share(companies)).toFixed(1)}% of T12M won`,
  );

  // the portfolio in memory would sit next to the emulator's copy: drop it, and fill in batches
  // as a 100k-company emulator has to (generation time is included in this stage)
  companies.length = 0;
  collectGarbage();
  baseline = process.memoryUsage().heapUsed;
  const emulator = await startEmulator();
  try {
    sampler = new Sampler();
    let records = 0;
    let associations = 0;
    for (const batch of generateSnapshotBatches(options, 5_000)) {
      const summary = emulator.loadSnapshot(batch);
      records += summary.records;
      associations += summary.associations;
      sampler.sample();
    }
    report(
      size,
      'emulator fill (generate + loadSnapshot, 5k batches)',
      sampler.finish(),
      `${heldMb(baseline).toFixed(0)} MB store`,
      `${records.toLocaleString('en-US')} records, ${associations.toLocaleString('en-US')} associations`,
    );
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const dir = mkdtempSync(join(os.tmpdir(), 'kam-bench-'));
  console.log(
    `generator bench: Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}, ` +
      `heap limit ${(v8.getHeapStatistics().heap_size_limit / MB).toFixed(0)} MB, seed ${SEED}, now ${NOW.toISOString()}`,
  );
  console.log('size | stage | wall | cpu | peak heap | peak rss | held after | notes');
  try {
    for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) await benchSize(size, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\n| ${['size', 'stage', 'wall', 'cpu', 'peak heap', 'peak RSS', 'held after', 'notes'].join(' | ')} |`,
  );
  console.log(`|${' --- |'.repeat(8)}`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

void main();
