import { generatePortfolio } from '../../../emulator/generator';
import { scorePortfolio } from '../core';
import { DEFAULT_SCORING_MODEL } from '../settings';
import { createPortfolioScorer, scoreWholePortfolioOneByOne, toScoredCompany } from './portfolio-scorer';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const { snapshot } = generatePortfolio({ companies: 120, seed: 5, now: NOW });

/** What a whole run stores, made the plain way: every record at once, every result kept. */
const expected = (() => {
  const portfolio = scorePortfolio({
    companies: snapshot.companies,
    model: DEFAULT_SCORING_MODEL,
    now: NOW,
  });
  return portfolio.results.map((result) => toScoredCompany(result, portfolio));
})();

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

test('one by one gives exactly what a plain whole run stores, reading the companies once', () => {
  const source = readOnce(snapshot.companies);
  const oneByOne = scoreWholePortfolioOneByOne(source.iterable, DEFAULT_SCORING_MODEL, NOW);
  expect(source.passes()).toBe(1);
  expect(oneByOne.modelVersion).toBe(DEFAULT_SCORING_MODEL.version);
  expect(oneByOne.storedById.size).toBe(snapshot.companies.length);
  expect(Array.from(oneByOne.scored)).toEqual(expected);
  expect(source.passes()).toBe(1);
});

test('its results can be taken once: a second pass gives nothing', () => {
  const { scored } = scoreWholePortfolioOneByOne(snapshot.companies, DEFAULT_SCORING_MODEL, NOW);
  expect(Array.from(scored)).toHaveLength(snapshot.companies.length);
  expect(Array.from(scored)).toEqual([]);
});

test("a sync's scorer fed the companies chunk by chunk stores the same", () => {
  const scoring = createPortfolioScorer(DEFAULT_SCORING_MODEL)({ now: NOW, paretoFromStored: false });
  for (let start = 0; start < snapshot.companies.length; start += 7) {
    scoring.add(snapshot.companies.slice(start, start + 7));
  }
  expect(scoring.finish()).toEqual({
    modelVersion: DEFAULT_SCORING_MODEL.version,
    scored: expected,
    tierCapacity: expect.objectContaining({ key: expect.objectContaining({ places: 18 }) }),
  });
});
