/**
 * Scoring throughput: generates portfolios of 10k and 100k companies (10 deals each, plus a few
 * tickets, meetings and contacts) with a seeded generator, then times the boundary parse (zod,
 * record shape only) and `scorePortfolio`. Goal (issue #2): 100k companies in under 5 s on 2 cores.
 *
 *   npx tsx bench/score.bench.ts [sizes…]      e.g. npx tsx bench/score.bench.ts 10000 100000
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import {
  DEFAULT_SCORING_MODEL,
  parseSnapshot,
  scorePortfolio,
  type CompanyRecord,
  type CrmRecord,
} from '../src/engine/core';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const DAY_MS = 86_400_000;
const SEED = 20_260_601;
const DEALS_PER_COMPANY = 10;

const pick = <T>(rng: RandomGenerator, values: readonly T[]): T =>
  values[uniformInt(rng, 0, values.length - 1)]!;
const isoDaysAgo = (rng: RandomGenerator, maxDays: number) =>
  new Date(NOW.getTime() - uniformFloat64(rng) * maxDays * DAY_MS).toISOString();
const maybe = (rng: RandomGenerator, share: number, value: string): string | null =>
  uniformFloat64(rng) < share ? value : null;

function generateDeal(
  rng: RandomGenerator,
  companyIndex: number,
  dealIndex: number,
  scale: number,
): CrmRecord {
  const roll = uniformFloat64(rng);
  const state = roll < 0.65 ? 'won' : roll < 0.85 ? 'lost' : 'open';
  return {
    id: `d${companyIndex}-${dealIndex}`,
    properties: {
      amount: String(Math.round(scale * (0.5 + uniformFloat64(rng)))),
      amount_in_home_currency: null,
      deal_currency_code: DEFAULT_SCORING_MODEL.homeCurrency,
      closedate: state === 'open' ? isoDaysAgo(rng, -120) : isoDaysAgo(rng, 4 * 365),
      createdate: isoDaysAgo(rng, 5 * 365),
      hs_is_closed_won: state === 'won' ? 'true' : 'false',
      hs_is_closed: state === 'open' ? 'false' : 'true',
      pipeline: 'default',
      dealstage: state === 'won' ? 'closedwon' : state === 'lost' ? 'closedlost' : 'contractsent',
    },
  };
}

function generateCompany(rng: RandomGenerator, index: number): CompanyRecord {
  // company sizes spread over three decades so the Pareto classes and revenue factor are realistic
  const scale = 10 ** (3 + 3 * uniformFloat64(rng));
  const deals = Array.from({ length: DEALS_PER_COMPANY }, (_, dealIndex) =>
    generateDeal(rng, index, dealIndex, scale),
  );
  return {
    id: String(index + 1),
    properties: {
      name: `Company ${index + 1}`,
      createdate: isoDaysAgo(rng, 6 * 365),
      notes_last_contacted: maybe(rng, 0.9, isoDaysAgo(rng, 200)),
      hs_num_decision_makers: maybe(rng, 0.3, String(uniformInt(rng, 0, 3))),
      kam_market_reputation: maybe(rng, 0.6, pick(rng, ['low', 'medium', 'high', 'industry_leader'])),
      kam_growth_potential: maybe(rng, 0.6, pick(rng, ['low', 'medium', 'high'])),
      kam_strategic_fit: maybe(rng, 0.5, pick(rng, ['low', 'medium', 'high'])),
      kam_perception_level: maybe(
        rng,
        0.5,
        pick(rng, ['commodity_broker', 'provider', 'value_adder', 'business_partner']),
      ),
      kam_payment_discipline: maybe(rng, 0.5, pick(rng, ['on_time', 'sometimes_late', 'often_late'])),
      kam_recommends_us: maybe(rng, 0.4, pick(rng, ['true', 'false'])),
      kam_annual_cost_to_serve: maybe(rng, 0.4, String(Math.round(scale * uniformFloat64(rng)))),
      kam_tier: maybe(rng, 0.7, pick(rng, ['key', 'important', 'regular'])),
    },
    deals,
    tickets: Array.from({ length: uniformInt(rng, 0, 3) }, (_, ticketIndex) => ({
      id: `t${index}-${ticketIndex}`,
      properties: {
        hs_ticket_priority: pick(rng, ['LOW', 'MEDIUM', 'HIGH', 'URGENT']),
        createdate: isoDaysAgo(rng, 200),
        closed_date: maybe(rng, 0.7, isoDaysAgo(rng, 100)),
      },
    })),
    meetings: Array.from({ length: uniformInt(rng, 0, 4) }, (_, meetingIndex) => ({
      id: `m${index}-${meetingIndex}`,
      properties: {
        hs_meeting_start_time: isoDaysAgo(rng, 150),
        hs_meeting_outcome: pick(rng, [
          'COMPLETED',
          'COMPLETED',
          'COMPLETED',
          'RESCHEDULED',
          'CANCELED',
          'NO_SHOW',
        ]),
      },
    })),
    contacts: Array.from({ length: uniformInt(rng, 0, 4) }, (_, contactIndex) => ({
      id: `c${index}-${contactIndex}`,
      properties: {
        hs_buying_role: maybe(
          rng,
          0.8,
          pick(rng, ['DECISION_MAKER', 'CHAMPION', 'INFLUENCER;END_USER', 'BLOCKER', 'BUDGET_HOLDER']),
        ),
      },
    })),
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The generated snapshot, parsed at the boundary as `kam score-file` does; only the parsed copy is kept. */
function generateAndParse(size: number): { companies: CompanyRecord[]; generateMs: number; parseMs: number } {
  const rng = xoroshiro128plus(SEED + size);
  let start = performance.now();
  const snapshot = {
    schemaVersion: 1,
    takenAt: NOW.toISOString(),
    companies: Array.from({ length: size }, (_, index) => generateCompany(rng, index)),
  };
  const generateMs = performance.now() - start;
  start = performance.now();
  const parsed = parseSnapshot(snapshot);
  const parseMs = performance.now() - start;
  if (!parsed.ok)
    throw new Error(`generated snapshot is invalid: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
  return { companies: parsed.value.companies, generateMs, parseMs };
}

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
