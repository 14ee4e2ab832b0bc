import { analysePortfolio } from './analyse-portfolio';
import { emptyParsedPortfolio, parsePortfolioRows } from './portfolio-row';
import { createRow } from './test-utils/rows';

const now = new Date('2026-03-15T00:00:00Z');

test('an empty portfolio gives zero counts, empty lists and no NaN anywhere', () => {
  const result = analysePortfolio(emptyParsedPortfolio(), now);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.value.totals).toEqual({
    companies: 0,
    byTier: { key: 0, important: 0, regular: 0, none: 0 },
    unscored: 0,
    rejectedRows: 0,
    unreadableValues: 0,
  });
  expect(JSON.stringify(result.value)).not.toMatch(/NaN|Infinity/);
  expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
});

test('movers default to the 90 days before now', () => {
  const rows = [
    createRow({
      kam_tier: 'key',
      kam_tier_previous: 'important',
      kam_tier_changed_at: '2026-01-01T00:00:00Z',
    }),
    createRow({
      kam_tier: 'key',
      kam_tier_previous: 'important',
      kam_tier_changed_at: '2025-11-01T00:00:00Z',
    }),
  ];
  const result = analysePortfolio(parsePortfolioRows(rows), now);
  expect(result.ok && result.value.movers).toMatchObject({ since: '2025-12-15T00:00:00.000Z', up: 1 });
});

test.each([
  [{ declineThreshold: 1.5 }, 'declineThreshold'],
  [{ yearCount: 0 }, 'yearCount'],
  [{ moversSince: 'last week' }, 'moversSince'],
  [{ moversSince: '2027-01-01' }, 'moversSince'],
  [{ acquisitionCostPerRevenue: -1 }, 'acquisitionCostPerRevenue'],
])('rejects options %j with a message naming %s', (options, field) => {
  const result = analysePortfolio(emptyParsedPortfolio(), now, options);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain(field);
});
