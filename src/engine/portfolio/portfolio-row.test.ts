import { parsePortfolioRows } from './portfolio-row';
import { createRow, explanationJson } from './test-utils/rows';

describe('parsePortfolioRows', () => {
  test('reads every stored value of a well-formed row into typed fields', () => {
    const row = createRow({
      id: '42',
      name: ' Acme ',
      kam_score: '81.5',
      kam_tier: 'key',
      kam_tier_previous: 'important',
      kam_tier_changed_at: '1767225600000',
      kam_tier_direction: 'up',
      kam_risk_reasons: 'Volume down 45%\n\n  Two meetings cancelled  ',
      kam_growth: '-0.45',
      kam_loss_reason: 'switched_supplier',
      kam_annual_cost_to_serve: '12000',
      kam_explanation: explanationJson({
        attractivenessLevel: 'strong',
        strengthLevel: 'weak',
        risk: {
          level: 'at_risk',
          lossStage: 2,
          signals: [{ id: 's', severity: 'high', text: { en: 'Ticket burst', ru: '…' } }],
        },
        revenueByYear: [
          { year: 2024, amount: 100 },
          { year: 2023, amount: 50 },
        ],
      }),
    });
    const { companies, fieldIssues } = parsePortfolioRows([row]);
    expect(fieldIssues).toEqual([]);
    expect(companies[0]).toMatchObject({
      id: '42',
      name: 'Acme',
      score: 81.5,
      tier: 'key',
      tierPrevious: 'important',
      tierChangedAt: '2026-01-01T00:00:00.000Z',
      tierDirection: 'up',
      riskReasons: ['Volume down 45%', 'Two meetings cancelled'],
      growth: -0.45,
      lossReason: 'switched_supplier',
      annualCostToServe: 12000,
      attractivenessLevel: 'strong',
      strengthLevel: 'weak',
      riskSignals: ['Ticket burst'],
      revenueByYear: [
        { year: 2023, amount: 50 },
        { year: 2024, amount: 100 },
      ],
    });
  });

  test.each([
    ['a non-numeric score', { kam_score: 'n/a' }, 'kam_score'],
    ['a score above 100', { kam_attractiveness: '140' }, 'kam_attractiveness'],
    ['an infinite revenue', { kam_won_revenue_12m: 'Infinity' }, 'kam_won_revenue_12m'],
    ['a negative cost to serve', { kam_annual_cost_to_serve: '-5' }, 'kam_annual_cost_to_serve'],
    ['an unknown tier', { kam_tier_previous: 'platinum' }, 'kam_tier_previous'],
    ['a bad date', { kam_tier_changed_at: 'yesterday' }, 'kam_tier_changed_at'],
    ['broken explanation JSON', { kam_explanation: '{"v":1,' }, 'kam_explanation'],
  ])('counts %s as an unreadable value and keeps the row', (_label, overrides, property) => {
    const { companies, fieldIssues } = parsePortfolioRows([createRow({ id: '7', ...overrides })]);
    expect(companies).toHaveLength(1);
    expect(fieldIssues).toEqual([expect.objectContaining({ id: '7', property })]);
    const company = companies[0] as unknown as Record<string, unknown>;
    for (const value of Object.values(company)) expect(Number.isNaN(value)).toBe(false);
  });

  test('reads what it can from an explanation whose other parts do not match', () => {
    const partial = JSON.stringify({
      v: 2,
      attractivenessLevel: 'weak',
      strengthLevel: 'huge',
      revenueByYear: [
        { year: 2025, amount: 'x' },
        { year: 2024, amount: 10 },
      ],
    });
    const { companies, fieldIssues } = parsePortfolioRows([createRow({ kam_explanation: partial })]);
    expect(fieldIssues).toEqual([]);
    expect(companies[0]).toMatchObject({
      attractivenessLevel: 'weak',
      strengthLevel: null,
      revenueByYear: [{ year: 2024, amount: 10 }],
    });
  });

  test('counts rows without a tier or score as unscored and non-records as rejected', () => {
    const unscored = createRow({ id: '9', kam_tier: null, kam_score: null });
    const parsed = parsePortfolioRows([unscored, { id: '', properties: {} }, 'garbage', null, createRow()]);
    expect(parsed.unscoredIds).toEqual(['9']);
    expect(parsed.rejectedRows).toBe(3);
    expect(parsed.companies).toHaveLength(1);
  });

  test('treats empty strings as missing, not as zero', () => {
    const { companies, fieldIssues } = parsePortfolioRows([
      createRow({ kam_won_revenue_12m: '', kam_growth: '  ' }),
    ]);
    expect(fieldIssues).toEqual([]);
    expect(companies[0]).toMatchObject({ wonRevenueLast12Months: null, growth: null });
  });
});
