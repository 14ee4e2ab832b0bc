/**
 * Seeded randomness on `pure-rand`. Every company draws from its own stream, derived from
 * (seed, stream, index), so a company's data does not depend on how many were generated before
 * it and the portfolio can be produced one company at a time.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Shuffles in place (Fisher–Yates). */
  shuffle<T extends { length: number; [index: number]: unknown }>(items: T): T;
}

/** Named streams, so the assignment of archetypes and each company's data never share draws. */
export const STREAMS = { archetypes: 1, company: 2 } as const;

// murmur3's 32-bit finaliser: spreads nearby inputs (seed 1 vs 2, company 7 vs 8) over the whole range
function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** A 32-bit seed for one stream of one index; any safe-integer `seed` (negative too) is accepted. */
export function streamSeed(seed: number, stream: number, index: number): number {
  const low = seed | 0;
  const high = Math.floor(seed / 0x1_0000_0000) | 0;
  let h = fmix32(low ^ 0x9e3779b9);
  h = fmix32(h ^ high);
  h = fmix32(h ^ Math.imul(stream, 0x27d4eb2f));
  return fmix32(h ^ Math.imul(index, 0x165667b1) ^ (index >>> 16));
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const float = (): number => uniformFloat64(rng);
  const random: Random = {
    float,
    int: (min, max) => uniformInt(rng, min, max),
    between: (min, max) => min + (max - min) * float(),
    chance: (probability) => float() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[uniformInt(rng, 0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (choices) => {
      let total = 0;
      for (const [, weight] of choices) total += weight;
      let target = float() * total;
      for (const [value, weight] of choices) {
        target -= weight;
        if (target < 0) return value;
      }
      const last = choices[choices.length - 1];
      if (last === undefined) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
    normal: () => {
      const u = 1 - float(); // (0, 1]: log(0) would be -Infinity
      const v = float();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
    exponential: (mean) => -mean * Math.log(1 - float()),
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = uniformInt(rng, 0, i);
        const swap = items[i];
        items[i] = items[j];
        items[j] = swap;
      }
      return items;
    },
  };
  return random;
}
