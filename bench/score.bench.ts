/**
 * Scoring throughput: generates portfolios of 10k and 100k companies (10 deals each, plus a few
 * tickets, meetings and contacts) with a seeded generator, then times the boundary parse (zod,
 * record shape only) and `scorePortfolio`. Goal (issue #2): 100k companies in under 5 s on 2 cores.
 *
 *   npm run bench:score [-- sizes…]             e.g. npm run bench:score -- 10000 100000
 *   npm run bench:score -- --runs 5 100000
 *
 * Runs from its bundle, as `kam` does (scripts/bundle.cjs): through tsx, module by module, the
 * same code is ~25% slower. With `--runs N` every size is scored N times, each in a fresh process
 * (a cold start, as `kam score-file` has), and the median and range are printed: on this shared
 * 2-core VM one series can differ from the next by 30%.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { tuneHeapForPortfolios } from '../cli/heap-tuning';
import { DEFAULT_SCORING_MODEL, scorePortfolio } from '../src/engine/core';
import { DEALS_PER_COMPANY, NOW, SEED, generateAndParse } from './score-portfolio';

// as `kam` runs (cli/heap-tuning.ts)
tuneHeapForPortfolios();

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function run(size: number): void {
  const { companies, generateMs, parseMs } = generateAndParse(size);
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const portfolio = scorePortfolio({ companies, model: DEFAULT_SCORING_MODEL, now: NOW });
  const scoreMs = performance.now() - start;
  const scoreCpu = process.cpuUsage(cpuBefore);
  const perSecond = (ms: number) => Math.round(size / (ms / 1000)).toLocaleString('en');

  const tiers = { key: 0, important: 0, regular: 0 };
  for (const result of portfolio.results) tiers[result.tier] += 1;
  const heap = process.memoryUsage();
  console.log(
    [
      `${size.toLocaleString('en')} companies × ${DEALS_PER_COMPANY} deals`,
      `  generate ${generateMs.toFixed(0)} ms (not part of the figures below)`,
      `  parse (zod shape)  ${parseMs.toFixed(0).padStart(6)} ms  ${perSecond(parseMs)} companies/s`,
      `  score              ${scoreMs.toFixed(0).padStart(6)} ms  ${perSecond(scoreMs)} companies/s  (cpu ${((scoreCpu.user + scoreCpu.system) / 1000).toFixed(0)} ms, GC threads included)`,
      `  parse + score      ${(parseMs + scoreMs).toFixed(0).padStart(6)} ms  ${perSecond(parseMs + scoreMs)} companies/s`,
      `  memory: heap used ${megabytes(heap.heapUsed)}, rss ${megabytes(heap.rss)}, peak rss ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
      `  tiers ${JSON.stringify(tiers)}, Pareto ${JSON.stringify(portfolio.pareto.companies)}`,
    ].join('\n'),
  );
}

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
const sizes = args
  .filter((_, index) => runsAt < 0 || (index !== runsAt && index !== runsAt + 1))
  .map(Number)
  .filter((size) => Number.isInteger(size) && size > 0);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number ≥ 1');
  process.exit(2);
}

/** Milliseconds of one line of `run`'s output, e.g. "score" or "parse + score". */
const figureOf = (output: string, label: string): number => {
  const match = new RegExp(`^  ${label.replace('+', '\\+')}\\s+(\\d+) ms`, 'm').exec(output);
  if (!match) throw new Error(`no "${label}" figure in:\n${output}`);
  return Number(match[1]);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median =
    sorted[Math.floor((sorted.length - 1) / 2)]! / 2 + sorted[Math.ceil((sorted.length - 1) / 2)]! / 2;
  return `median ${seconds(median)} (${seconds(sorted[0]!)}–${seconds(sorted.at(-1)!)}): ${values.map(seconds).join(', ')}`;
};

// the machine's load changes wall-clock figures a lot: print it with them
console.log(
  `node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}, model ${DEFAULT_SCORING_MODEL.version}, seed ${SEED}`,
);
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  if (runs === 1) {
    run(size);
    continue;
  }
  const scores: number[] = [];
  const totals: number[] = [];
  for (let attempt = 1; attempt <= runs; attempt += 1) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`run ${attempt} of ${size} failed:\n${child.stderr}`);
    scores.push(figureOf(child.stdout, 'score'));
    totals.push(figureOf(child.stdout, 'parse + score'));
    console.log(
      `  run ${attempt}/${runs}: score ${seconds(scores.at(-1)!)}, parse + score ${seconds(totals.at(-1)!)}`,
    );
  }
  console.log(`${size.toLocaleString('en')} companies, ${runs} fresh processes`);
  console.log(`  score          ${summary(scores)}`);
  console.log(`  parse + score  ${summary(totals)}`);
}
