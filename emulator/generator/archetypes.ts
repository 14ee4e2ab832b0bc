/**
 * The account archetypes planted in a portfolio (issue #3), each a fixed share of it, so a scoring
 * run has known answers to be checked against: see the ground-truth file.
 */
import { createRandom, streamSeed, STREAMS } from './prng';

export const ARCHETYPES = [
  'strategic_partner', // methodology §1–§2 key account; §4 "protect ties"; §7 business partner
  'growing_newcomer', // §1 development potential + reputational capital; §3 key development
  'loyal_small_account', // §3 maintenance: loyal, regular, low volume
  'declining_key_account', // §8 loss stages, §9 lost-client analysis
  'one_off_buyer', // 002 "buys steadily" fails: a single purchase, nothing since
  'price_only_buyer', // §7 commodity broker: price is everything, loyalty ≈ 0
  'ordinary', // §2 the "moving middle"
] as const;
export type Archetype = (typeof ARCHETYPES)[number];
export type PlantedArchetype = Exclude<Archetype, 'ordinary'>;

/** Share of the portfolio planted with each archetype; `ordinary` takes the rest. */
export const ARCHETYPE_SHARES: Readonly<Record<PlantedArchetype, number>> = {
  strategic_partner: 0.03,
  growing_newcomer: 0.04,
  loyal_small_account: 0.06,
  declining_key_account: 0.03,
  one_off_buyer: 0.06,
  price_only_buyer: 0.05,
};

/** From this portfolio size on, every planted archetype has at least one company. */
export const MIN_COMPANIES_FOR_EVERY_ARCHETYPE = 30;

/** How many companies get each archetype for a portfolio of `companies`. */
export function archetypeCounts(companies: number): Record<Archetype, number> {
  const counts = { ordinary: companies } as Record<Archetype, number>;
  for (const archetype of ARCHETYPES) {
    if (archetype === 'ordinary') continue;
    const share = Math.round(ARCHETYPE_SHARES[archetype] * companies);
    counts[archetype] = companies >= MIN_COMPANIES_FOR_EVERY_ARCHETYPE ? Math.max(1, share) : share;
    counts.ordinary -= counts[archetype];
  }
  return counts;
}

/** The archetype of every company index: the exact counts above, in a seeded random order. */
export function assignArchetypes(companies: number, seed: number): Uint8Array {
  const codes = new Uint8Array(companies).fill(ARCHETYPES.indexOf('ordinary'));
  const counts = archetypeCounts(companies);
  let next = 0;
  ARCHETYPES.forEach((archetype, code) => {
    if (archetype === 'ordinary') return;
    codes.fill(code, next, next + counts[archetype]);
    next += counts[archetype];
  });
  return createRandom(streamSeed(seed, STREAMS.archetypes, 0)).shuffle(codes);
}

export function archetypeOfCode(code: number): Archetype {
  const archetype = ARCHETYPES[code];
  if (archetype === undefined) throw new RangeError(`no archetype has code ${code}`);
  return archetype;
}
