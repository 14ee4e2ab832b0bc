/**
 * Scoring throughput: generates portfolios of 10k and 100k companies (10 deals each, plus a few
 * tickets, meetings and contacts) with a seeded generator, then times the boundary parse (zod,
 * record shape only) and `scorePortfolio`. Goal (issue #2): 100k companies in under 5 s on 2 cores.
 *
 *   npx tsx bench/score.bench.ts [sizes…]      e.g. npx tsx bench/score.bench.ts 10000 100000
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SCORING_MODEL, scorePortfolio } from '../src/engine/core';
import { DEALS_PER_COMPANY, NOW, SEED, generateAndParse } from './score-portfolio';

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

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((size) => Number.isInteger(size) && size > 0);
// the machine's load changes wall-clock figures a lot: print it with them
console.log(
  `node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}, model ${DEFAULT_SCORING_MODEL.version}, seed ${SEED}`,
);
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) run(size);
