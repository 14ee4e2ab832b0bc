import { createRandom, streamSeed } from './prng';

const draws = (seed: number, count = 20): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.float());
};

test('the same seed gives the same sequence', () => {
  expect(draws(42)).toEqual(draws(42));
});

test('different seeds give different sequences', () => {
  expect(draws(42)).not.toEqual(draws(43));
});

test('stream seeds differ between neighbouring seeds, streams and indices', () => {
  const seeds = new Set<number>();
  for (const seed of [0, 1, 2, -1, 2 ** 40, 2 ** 40 + 1]) {
    for (const stream of [1, 2])
      for (let index = 0; index < 100; index++) seeds.add(streamSeed(seed, stream, index));
  }
  expect(seeds.size).toBe(6 * 2 * 100);
});

test('integers stay within their inclusive bounds and reach both ends', () => {
  const random = createRandom(7);
  const values = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
  expect([...values].sort()).toEqual([3, 4, 5, 6]);
});

test('weighted picks follow their weights', () => {
  const random = createRandom(9);
  let heavy = 0;
  for (let i = 0; i < 10_000; i++)
    if (
      random.weighted([
        ['heavy', 9],
        ['light', 1],
      ] as const) === 'heavy'
    )
      heavy++;
  expect(heavy / 10_000).toBeCloseTo(0.9, 1);
});

test('log-normal draws centre on their median', () => {
  const random = createRandom(5);
  const values = Array.from({ length: 5_001 }, () => random.logNormal(100, 1)).sort((a, b) => a - b);
  expect(values[2_500]).toBeGreaterThan(90);
  expect(values[2_500]).toBeLessThan(110);
});

test('a shuffle keeps every element', () => {
  const shuffled = createRandom(3).shuffle(Array.from({ length: 50 }, (_, i) => i));
  expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  expect(shuffled).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
});
