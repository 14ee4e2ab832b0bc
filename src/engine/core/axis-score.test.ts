import { company, NOW_MS } from '../../../tests/arbitraries/company-builders';
import { scoreAxis } from './axis-score';
import { readCompanyInput } from './company-input';
import type { FactorContext, FactorDefinition } from './factor-definition';
import { computeMetrics } from './metrics';
import { createSharedParts } from './shared-parts';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

const input = readCompanyInput(company(), { nowMs: NOW_MS, homeCurrency: 'EUR', pipelines: [] });
const context: FactorContext = {
  facts: input.facts,
  metrics: computeMetrics(input, DEFAULT_SCORING_MODEL, NOW_MS),
  model: DEFAULT_SCORING_MODEL,
  revenueReference: 1000,
  revenueQuantiles: null,
  homeCurrency: 'EUR',
  shared: createSharedParts(),
};

const fixed = (
  id: FactorDefinition['id'],
  value: number | null,
  raw: number | null = value,
): FactorDefinition => ({
  id,
  label: { en: id, ru: id },
  measure: () => (value === null ? null : { value, raw }),
  describe: () => ({ en: id, ru: id }),
  takesFewValues: false,
});

describe('scoreAxis', () => {
  test('is the weighted mean of the factors with data; contributions add up to it', () => {
    const axis = scoreAxis(
      'strength',
      [fixed('tenure', 80), fixed('win_rate', 20)],
      { tenure: 3, win_rate: 1 },
      context,
    );
    expect(axis.value).toBe(65);
    expect(axis.confidence).toBe(1);
    expect(axis.factors.map((factor) => factor.contribution)).toEqual([60, 5]);
  });

  test('leaves a factor without data out, renormalises the weights and lowers confidence', () => {
    const axis = scoreAxis(
      'strength',
      [fixed('tenure', 80), fixed('win_rate', null), fixed('recommends_us', 40)],
      { tenure: 1, win_rate: 2, recommends_us: 1 },
      context,
    );
    expect(axis.value).toBe(60); // not (80 + 0 + 40) / 4 = 30
    expect(axis.confidence).toBe(0.5);
    expect(axis.factors[1]).toEqual({
      id: 'win_rate',
      axis: 'strength',
      label: { en: 'win_rate', ru: 'win_rate' },
      value: null,
      weight: 2,
      contribution: 0,
      raw: null,
      hasData: false,
    });
  });

  test('an axis with no data at all is 0 with confidence 0', () => {
    const axis = scoreAxis('strength', [fixed('tenure', null)], { tenure: 1 }, context);
    expect(axis).toMatchObject({ value: 0, confidence: 0 });
  });

  test('a factor with weight 0 is reported but neither counts nor lowers confidence', () => {
    const axis = scoreAxis(
      'strength',
      [fixed('tenure', 10), fixed('win_rate', null)],
      { tenure: 1, win_rate: 0 },
      context,
    );
    expect(axis).toMatchObject({ value: 10, confidence: 1 });
  });

  test('clamps values to 0–100 and rounds them to one decimal', () => {
    const axis = scoreAxis(
      'strength',
      [fixed('tenure', 150), fixed('win_rate', -20), fixed('recommends_us', 33.333333)],
      { tenure: 1, win_rate: 1, recommends_us: 1 },
      context,
    );
    expect(axis.factors.map((factor) => factor.value)).toEqual([100, 0, 33.3]);
    expect(axis.value).toBe(44.4);
  });
});
