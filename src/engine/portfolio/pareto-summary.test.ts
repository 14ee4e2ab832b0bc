import { paretoSummary } from './pareto-summary';
import { parsePortfolioRows } from './portfolio-row';
import { createRow } from './test-utils/rows';

test('gives the share of revenue class A holds and a cumulative curve from (0,0) to (1,1)', () => {
  const rows = [
    createRow({ kam_pareto_class: 'A', kam_won_revenue_12m: '800' }),
    createRow({ kam_pareto_class: 'B', kam_won_revenue_12m: '150' }),
    createRow({ kam_pareto_class: 'C', kam_won_revenue_12m: '50' }),
    createRow({ kam_pareto_class: 'C', kam_won_revenue_12m: null }),
    createRow({ kam_pareto_class: null, kam_won_revenue_12m: '0' }),
  ];
  const summary = paretoSummary(parsePortfolioRows(rows).companies);
  expect(summary).toMatchObject({
    totalRevenue: 1000,
    companies: 5,
    withoutRevenue: 1,
    classCounts: { A: 1, B: 1, C: 2, unclassified: 1 },
    classARevenueShare: 0.8,
    classACompanyShare: 0.2,
    top20PercentRevenueShare: 0.8,
  });
  expect(summary.curve[0]).toEqual({ companyShare: 0, revenueShare: 0 });
  expect(summary.curve[summary.curve.length - 1]).toEqual({ companyShare: 1, revenueShare: 1 });
});

test('keeps the curve to the point budget on a large portfolio and never divides by zero', () => {
  const rows = Array.from({ length: 5000 }, (_, index) => createRow({ kam_won_revenue_12m: String(index) }));
  expect(paretoSummary(parsePortfolioRows(rows).companies, 100).curve).toHaveLength(101);
  const empty = paretoSummary([]);
  expect(empty).toMatchObject({
    classARevenueShare: null,
    classACompanyShare: null,
    top20PercentRevenueShare: null,
    curve: [],
  });
});
