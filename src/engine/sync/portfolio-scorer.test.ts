import { generatePortfolio } from '../../../emulator/generator';
import { DEFAULT_SCORING_MODEL } from '../settings';
import { scoreWholePortfolio, scoreWholePortfolioOneByOne } from './portfolio-scorer';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const { snapshot } = generatePortfolio({ companies: 120, seed: 5, now: NOW });

/** The companies as an iterable that counts how often it is read. */
function readOnce<T>(items: readonly T[]): { iterable: Iterable<T>; passes: () => number } {
  let passes = 0;
  return {
    iterable: {
      *[Symbol.iterator]() {
        passes += 1;
        yield* items;
      },
    },
    passes: () => passes,
  };
}

test('one by one gives exactly what the whole run gives, reading the companies once', () => {
  const whole = scoreWholePortfolio(snapshot.companies, DEFAULT_SCORING_MODEL, NOW);
  const source = readOnce(snapshot.companies);
  const oneByOne = scoreWholePortfolioOneByOne(source.iterable, DEFAULT_SCORING_MODEL, NOW);
  expect(source.passes()).toBe(1);
  expect(oneByOne.modelVersion).toBe(whole.modelVersion);
  expect(oneByOne.storedById).toEqual(whole.storedById);
  expect(Array.from(oneByOne.scored)).toEqual(whole.scored);
  expect(source.passes()).toBe(1);
});

test('its results can be taken once: a second pass gives nothing', () => {
  const { scored } = scoreWholePortfolioOneByOne(snapshot.companies, DEFAULT_SCORING_MODEL, NOW);
  expect(Array.from(scored)).toHaveLength(snapshot.companies.length);
  expect(Array.from(scored)).toEqual([]);
});
