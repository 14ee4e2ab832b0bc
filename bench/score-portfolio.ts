/**
 * The score benchmark's portfolio: seeded companies with 10 deals each plus a few tickets,
 * meetings and contacts, parsed at the boundary as `kam score-file` does. Shared by
 * bench/score.bench.ts and any profiling script, so both measure the same data.
 */
import { performance } from 'node:perf_hooks';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { DEFAULT_SCORING_MODEL, parseSnapshot, type CompanyRecord, type CrmRecord } from '../src/engine/core';

export const NOW = new Date('2026-06-01T00:00:00.000Z');
const DAY_MS = 86_400_000;
export const SEED = 20_260_601;
export const DEALS_PER_COMPANY = 10;

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

/** The generated snapshot, parsed at the boundary as `kam score-file` does; only the parsed copy is kept. */
export function generateAndParse(size: number): {
  companies: CompanyRecord[];
  generateMs: number;
  parseMs: number;
} {
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
