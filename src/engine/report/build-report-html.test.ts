import { analysePortfolio, parsePortfolioRows, type PortfolioAnalysis } from '../portfolio';
import { createRow, explanationJson, keyAccountRow } from '../portfolio/test-utils/rows';
import { buildReportHtml } from './build-report-html';
import type { ReportChartData } from './chart-data';

const now = new Date('2026-03-15T00:00:00Z');
const FAKE_ECHARTS = 'window.echarts = { init: function () {} }; /* </script> inside the library */';

function reportFor(
  rows: ReturnType<typeof createRow>[],
  extra: Partial<Parameters<typeof buildReportHtml>[0]> = {},
) {
  const portfolio = parsePortfolioRows(rows);
  const result = analysePortfolio(portfolio, now, { acquisitionCostPerRevenue: 0.25 });
  if (!result.ok) throw new Error('analysis failed');
  const html = buildReportHtml({
    analysis: result.value,
    companies: portfolio.companies,
    echartsSource: FAKE_ECHARTS,
    sourceLabel: 'snapshot test.json',
    ...extra,
  });
  return { html, analysis: result.value };
}

const embeddedData = (html: string): ReportChartData => {
  const match = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no embedded data');
  return JSON.parse(match[1] as string) as ReportChartData;
};

const rows = [
  keyAccountRow(
    '1',
    { 2023: 500, 2024: 400, 2025: 100 },
    {
      name: 'Acme <script>alert(1)</script> & Co',
      kam_won_revenue_12m: '100',
      kam_growth: '-0.75',
      kam_risk_level: 'critical',
      kam_risk_reasons: 'Won revenue fell 75%\nMeetings cancelled',
      kam_loss_reason: 'switched_supplier',
      kam_annual_cost_to_serve: '50',
    },
  ),
  keyAccountRow(
    '2',
    { 2023: 100, 2024: 120, 2025: 150 },
    { name: 'Steady Ltd', kam_tier_previous: 'important', kam_tier_changed_at: '2026-02-01T00:00:00Z' },
  ),
  createRow({
    id: '3',
    name: 'Small Shop',
    kam_attractiveness: '20',
    kam_strength: '70',
    kam_quadrant: 'maintenance',
    kam_explanation: explanationJson({ attractivenessLevel: 'weak', strengthLevel: 'strong' }),
  }),
];

test('the report holds every section, the declining account with both kinds of reason and the economics', () => {
  const { html } = reportFor(rows);
  for (const heading of [
    'KAISM matrix',
    'Strategy matrix',
    'Pareto',
    'Volume of the key group',
    'Declining key accounts',
    'Key accounts at risk',
    'Tier movements since 2025-12-15',
  ]) {
    expect(html).toContain(heading);
  }
  expect(html).toContain('<li>Won revenue fell 75%</li>');
  expect(html).toContain('Switched supplier');
  expect(html).toContain('Protect ties selectively');
  // cost to retain 50 against winning 400 of yearly volume at 0.25
  expect(html).toMatch(/<td class="num">50<\/td><td class="num">100<\/td><td>retain<\/td>/);
  expect(html).toContain('0.25 per unit of yearly revenue');
});

test('the report is self-contained: the library inlined, no external scripts, styles or fonts', () => {
  const { html } = reportFor(rows);
  expect(html).toContain('window.echarts = { init');
  expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  expect(html).not.toMatch(/https?:\/\//);
  // the library's own "</script>" cannot end the inline script early
  expect(html.match(/<\/script>/g)).toHaveLength(3);
});

test('company names are escaped in tables and embedded data', () => {
  const { html } = reportFor(rows);
  expect(html).not.toContain('<script>alert(1)</script>');
  expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
  const data = embeddedData(html);
  const names = data.kaism.series.flatMap((series) => series.points.map((point) => point[2]));
  expect(names).toContain('Acme <script>alert(1)</script> & Co');
});

test('the embedded chart data plots every company by strength and attractiveness, grouped by tier', () => {
  const { html } = reportFor(rows, { kaismCut: { attractiveness: 50, strength: 50 } });
  const data = embeddedData(html);
  expect(data.kaism.series.map((series) => [series.tier, series.points.length])).toEqual([
    ['key', 2],
    ['important', 0],
    ['regular', 1],
  ]);
  expect(data.kaism.series[2]?.points[0]).toEqual([70, 20, 'Small Shop', 50]);
  expect(data.kaism.cut).toEqual({ attractiveness: 50, strength: 50 });
  expect(data.volume.years).toEqual(['2023', '2024', '2025']);
  expect(data.movers.up.reduce((a, b) => a + b, 0)).toBe(1);
  expect(data.pareto.curve.at(-1)).toEqual([100, 100]);
});

test('record links appear only when the portal is known', () => {
  expect(reportFor(rows).html).not.toContain('<a href');
  const { html } = reportFor(rows, {
    recordUrl: (id) => `https://app.hubspot.com/contacts/42/record/0-2/${id}`,
  });
  expect(html).toContain('<a href="https://app.hubspot.com/contacts/42/record/0-2/2">Steady Ltd</a>');
});

test('an empty portfolio still gives a complete report with empty states', () => {
  const { html, analysis } = reportFor([]);
  expect((analysis as PortfolioAnalysis).totals.companies).toBe(0);
  expect(html).toContain('No key account is at risk.');
  expect(html).toContain('No key account stopped buying');
  expect(html).toContain('No tier changes in this period.');
  expect(html.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/NaN|undefined|Infinity/);
});

test('a large portfolio keeps tables to the row limit and drops point names past the name limit', () => {
  const many = Array.from({ length: 300 }, (_, index) =>
    createRow({
      id: String(index + 1),
      kam_tier: 'key',
      kam_risk_level: 'at_risk',
      kam_risk_reasons: 'Ticket burst',
    }),
  );
  const { html } = reportFor(many, { tableRowLimit: 20, namedPointLimit: 100 });
  expect(html).toContain('…and 280 more accounts.');
  const points = embeddedData(html).kaism.series.flatMap((series) => series.points);
  expect(points).toHaveLength(300);
  expect(points.every((point) => point[2] === null)).toBe(true);
});

test('the supplier-position section shows the §6 2×2 of counts, key accounts and the companies without a position', () => {
  const { html } = reportFor([
    createRow({ id: '71', kam_tier: 'key', kam_supplier_position: 'partner' }),
    createRow({ id: '72', kam_tier: 'regular', kam_supplier_position: 'partner' }),
    createRow({ id: '73', kam_tier: 'key', kam_supplier_position: 'managed' }),
    createRow({ id: '74', kam_tier: 'key' }),
  ]);
  const section = /<section id="supplier-position">.*?<\/section>/s.exec(html)?.[0] ?? '';
  const cells = [
    ...section.matchAll(
      /<td><div class="q-name">([^<]+)<\/div><div class="q-count">(\d+)<\/div><div>(\d+) key/g,
    ),
  ].map((match) => [match[1], Number(match[2]), Number(match[3])]);
  // rows: high significance (managed, partner), then low (independent, desired)
  expect(cells).toEqual([
    ['Managed supplier', 1, 1],
    ['Partner supplier', 2, 1],
    ['Independent supplier', 0, 0],
    ['Desired supplier', 0, 0],
  ]);
  expect(section).toContain('1 companies (1 key accounts) have no position');
});

test('the plan section counts key accounts per plan status, apart those not computed, and lists the ones without a current plan', () => {
  const { html, analysis } = reportFor([
    createRow({
      id: '81',
      name: 'Overdue Inc',
      kam_tier: 'key',
      kam_plan_status: 'overdue',
      kam_score: '70',
    }),
    createRow({ id: '82', name: 'Planless AG', kam_tier: 'key', kam_plan_status: 'none', kam_score: '60' }),
    createRow({ id: '83', kam_tier: 'key', kam_plan_status: 'current' }),
    createRow({ id: '84', kam_tier: 'key' }),
    createRow({ id: '85', kam_tier: 'regular', kam_plan_status: 'none' }),
  ]);
  expect(analysis.plans.counts).toEqual({ none: 1, current: 1, review_due: 0, overdue: 1, not_computed: 1 });
  const section = /<section id="plan-coverage">.*?<\/section>/s.exec(html)?.[0] ?? '';
  const cells = [...section.matchAll(/<div class="q-name">([^<]+)<\/div><div class="q-count">(\d+)/g)].map(
    (match) => [match[1], Number(match[2])],
  );
  expect(cells).toEqual([
    ['No plan', 1],
    ['Review overdue', 1],
    ['Review due', 0],
    ['Plan current', 1],
  ]);
  expect(section).toContain('1 of 4 key accounts have no plan status yet');
  expect(section.indexOf('Planless AG')).toBeLessThan(section.indexOf('Overdue Inc'));
});

test('the buying-centre section counts key accounts per gap with the workflow labels and names those with the most', () => {
  const { html } = reportFor([
    createRow({
      id: '91',
      name: 'Thin Ties',
      kam_tier: 'key',
      kam_buying_centre_gaps: 'no_sponsor;single_threaded',
    }),
    createRow({ id: '92', name: 'One Gap', kam_tier: 'key', kam_buying_centre_gaps: 'no_sponsor' }),
    createRow({ id: '93', kam_tier: 'key', kam_buying_centre_gaps: null }),
    createRow({ id: '94', kam_tier: 'regular', kam_buying_centre_gaps: 'no_contacts' }),
  ]);
  const section = /<section id="buying-centre-gaps">.*?<\/section>/s.exec(html)?.[0] ?? '';
  expect(section).toContain('2 of 3 key accounts show a gap');
  expect(section).toContain('<tr><td>No sponsor (champion)</td><td class="num">2</td></tr>');
  expect(section).toContain('<tr><td>Single-threaded: one person mapped</td><td class="num">1</td></tr>');
  expect(section).not.toContain('No contacts at the company');
  expect(section.indexOf('Thin Ties')).toBeLessThan(section.indexOf('One Gap'));
});
