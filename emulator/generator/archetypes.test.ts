import {
  ARCHETYPES,
  ARCHETYPE_SHARES,
  archetypeCounts,
  archetypeOfCode,
  assignArchetypes,
} from './archetypes';

test.each([0, 1, 29, 30, 31, 100, 2_000, 100_000])(
  'the counts for %i companies add up to the portfolio',
  (n) => {
    const counts = archetypeCounts(n);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(n);
    expect(counts.ordinary).toBeGreaterThanOrEqual(0);
  },
);

test.each([30, 31, 57, 100])('a portfolio of %i companies has every archetype', (n) => {
  for (const archetype of ARCHETYPES) expect(archetypeCounts(n)[archetype]).toBeGreaterThanOrEqual(1);
});

test('planted archetypes take their share of a large portfolio', () => {
  const counts = archetypeCounts(100_000);
  for (const [archetype, share] of Object.entries(ARCHETYPE_SHARES)) {
    expect(counts[archetype as keyof typeof counts]).toBe(Math.round(share * 100_000));
  }
});

test('assignment has the exact counts, in an order fixed by the seed', () => {
  const codes = assignArchetypes(1_000, 4);
  const counted = Object.fromEntries(ARCHETYPES.map((archetype) => [archetype, 0]));
  for (const code of codes) counted[archetypeOfCode(code)] = (counted[archetypeOfCode(code)] ?? 0) + 1;
  expect(counted).toEqual(archetypeCounts(1_000));
  expect(assignArchetypes(1_000, 4)).toEqual(codes);
  expect(assignArchetypes(1_000, 5)).not.toEqual(codes);
});
