import { company, deal, NOW } from '../tests/arbitraries/company-builders';
import { DEFAULT_SCORING_MODEL, scorePortfolio } from '../src/engine/core';
import { jsonPieces } from './score-file-output';

const portfolio = scorePortfolio({
  companies: Array.from({ length: 5 }, (_, index) =>
    company({
      id: `c${index}`,
      properties: { name: `Кампания "${index}" ✓` },
      deals: [deal({ amount: 1000 * (index + 1) })],
    }),
  ),
  model: DEFAULT_SCORING_MODEL,
  now: NOW,
});

describe('jsonPieces', () => {
  it.each([1, 500, 1_000_000])(
    'joins into exactly the pretty-printed document, whatever the piece size (%i chars)',
    (pieceChars) => {
      const pieces = [...jsonPieces(portfolio, pieceChars)];
      expect(pieces.join('')).toBe(JSON.stringify(portfolio, null, 2));
    },
  );

  it('cuts the results into pieces of about the size asked for: head, one per result at 1 char, tail', () => {
    expect([...jsonPieces(portfolio, 1)]).toHaveLength(1 + 5 + 1);
    expect([...jsonPieces(portfolio, 1_000_000)]).toHaveLength(3);
  });

  it('writes a portfolio without companies as one piece', () => {
    const empty = { ...portfolio, results: [] };
    expect([...jsonPieces(empty)]).toEqual([JSON.stringify(empty, null, 2)]);
  });
});
