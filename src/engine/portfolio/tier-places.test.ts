import { explanationJson, createRow } from './test-utils/rows';
import { parsePortfolioRows } from './portfolio-row';
import { tierPlaces } from './tier-places';

const places = (key: number) => ({
  key: { places: key, used: 2, leftOut: 1, line: { rank: 70, companyId: '9' } },
  important: { places: 5, used: 3, leftOut: 0, line: null },
});
const explanation = (thresholdTier: 'key' | 'important' | 'regular', keyPlaces = 2) =>
  explanationJson({
    thresholdTier,
    portfolio: { revenueReference: 1000, paretoClass: 'A', tiers: places(keyPlaces) },
  });

describe('tier places on the portfolio page', () => {
  const { companies } = parsePortfolioRows([
    createRow({ id: '1', kam_tier: 'key', kam_score: '90', kam_explanation: explanation('key') }),
    createRow({ id: '2', kam_tier: 'key', kam_score: '85', kam_explanation: explanation('key') }),
    createRow({ id: '3', kam_tier: 'important', kam_score: '74', kam_explanation: explanation('key') }),
    createRow({ id: '4', kam_tier: 'important', kam_score: '78', kam_explanation: explanation('key', 3) }),
    createRow({ id: '5', kam_tier: 'important', kam_score: '60', kam_explanation: explanation('important') }),
    createRow({ id: '6', kam_tier: 'regular', kam_score: '20', kam_explanation: explanation('regular') }),
  ]);
  const summary = tierPlaces(companies);

  test('the places are those most companies were last written with; the holders are counted now', () => {
    expect(summary.key).toMatchObject({ places: 2, used: 2, belowLineCount: 2 });
    expect(summary.important).toMatchObject({ places: 5, used: 3, belowLineCount: 0 });
  });

  test('the companies below the key line are listed best score first', () => {
    expect(summary.key.belowLine.map((company) => company.id)).toEqual(['4', '3']);
  });

  test('documents written before tier capacity give no places', () => {
    const old = parsePortfolioRows([
      createRow({ id: '1', kam_tier: 'key', kam_explanation: explanationJson() }),
    ]);
    expect(tierPlaces(old.companies).key).toEqual({
      places: null,
      used: 1,
      belowLineCount: 0,
      belowLine: [],
    });
  });
});
