import { FACTOR_LABELS, RECOMMENDATION_TITLES } from '../core/catalogue-texts';
import { explanationSchema } from './explanation-schema';

const shared = {
  modelVersion: 'keystone-default-1',
  dataGaps: [],
  dataIssueCount: 0,
  attractivenessLevel: 'strong',
  strengthLevel: 'medium',
  risk: { level: 'none', lossStage: 0, signals: [] },
  revenueByYear: [{ year: 2026, amount: 1000 }],
  portfolio: { revenueReference: 5000, paretoClass: 'A' },
};
const figures = { value: 80, weight: 25, contribution: 20, hasData: true };
const reason = { en: 'Because.', ru: 'Потому что.' };

describe('kam_explanation schema', () => {
  test('a v2 document gets its factor labels and action titles from the catalogue', () => {
    const parsed = explanationSchema.parse({
      v: 2,
      ...shared,
      factors: { attractiveness: [{ id: 'revenue', ...figures }], strength: [{ id: 'tenure', ...figures }] },
      recommendations: [{ id: 'build_trust', priority: 2, reason }],
    });
    expect(parsed.factors.attractiveness[0]?.label).toEqual(FACTOR_LABELS.revenue);
    expect(parsed.factors.strength[0]?.label).toEqual(FACTOR_LABELS.tenure);
    expect(parsed.recommendations[0]).toEqual({
      id: 'build_trust',
      priority: 2,
      reason,
      title: RECOMMENDATION_TITLES.build_trust,
    });
  });

  test('a v1 document keeps the labels and titles it carries', () => {
    const label = { en: 'Old label', ru: 'Старая подпись' };
    const title = { en: 'Old title', ru: 'Старое название' };
    const parsed = explanationSchema.parse({
      v: 1,
      ...shared,
      factors: { attractiveness: [{ id: 'revenue', label, ...figures }], strength: [] },
      recommendations: [{ id: 'build_trust', priority: 2, title, reason }],
    });
    expect(parsed.factors.attractiveness[0]?.label).toEqual(label);
    expect(parsed.recommendations[0]?.title).toEqual(title);
  });

  test.each([
    ['a factor', { attractiveness: [{ id: 'from_a_newer_version', ...figures }], strength: [] }, []],
    [
      'an action',
      { attractiveness: [], strength: [] },
      [{ id: 'from_a_newer_version', priority: 1, reason }],
    ],
    // ids that are properties of every object must not find inherited "texts"
    ['an inherited name', { attractiveness: [{ id: 'toString', ...figures }], strength: [] }, []],
  ])('%s the catalogue does not know shows its id', (_label, factors, recommendations) => {
    const parsed = explanationSchema.parse({ v: 2, ...shared, factors, recommendations });
    const texts = [
      ...parsed.factors.attractiveness.map((factor) => factor.label),
      ...parsed.recommendations.map((recommendation) => recommendation.title),
    ];
    expect(texts).toHaveLength(1);
    const id = parsed.factors.attractiveness[0]?.id ?? parsed.recommendations[0]?.id;
    expect(texts[0]).toEqual({ en: id, ru: id });
  });

  test.each([
    ['an unknown version', { v: 3 }, ['v']],
    ['a v1 factor without its label', { v: 1 }, ['factors', 'attractiveness', 0, 'label']],
  ])('%s is rejected with the path of the problem', (_label, override, path) => {
    const result = explanationSchema.safeParse({
      ...shared,
      factors: { attractiveness: [{ id: 'revenue', ...figures }], strength: [] },
      recommendations: [],
      ...override,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
