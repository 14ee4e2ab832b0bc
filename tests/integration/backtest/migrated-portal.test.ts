import { generatePortfolio } from '../../../emulator/generator';
import { runBacktest, type BacktestResult } from '../../../src/engine/backtest';
import type { CompanyRecord } from '../../../src/engine/core';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';

// issue #16: most portals start by importing companies whose deals are dated years back
const NOW = new Date('2026-06-30T00:00:00.000Z');
const AS_OF = new Date('2025-06-30T00:00:00.000Z');
const { snapshot } = generatePortfolio({ companies: 300, seed: 42, now: NOW, migrated: true });
const companies = snapshot.companies as unknown as CompanyRecord[];

const ms = (value: string | null | undefined) => (value ? Date.parse(value) : Number.NaN);

/** Whether anything of the company is dated before as-of, read straight from the records. */
function hadHistoryBeforeAsOf(company: CompanyRecord): boolean {
  const times = [
    ...company.deals.flatMap((d) => [ms(d.properties.closedate), ms(d.properties.createdate)]),
    ...company.tickets.flatMap((t) => [ms(t.properties.closed_date), ms(t.properties.createdate)]),
    ...company.meetings.map((m) => ms(m.properties.hs_meeting_start_time)),
  ];
  return times.some((time) => time <= AS_OF.getTime());
}

function backtest(): BacktestResult {
  const run = runBacktest({
    companies,
    now: NOW,
    asOf: AS_OF,
    horizon: { months: 12 },
    declineShare: 0.5,
    activeModel: DEFAULT_SCORING_MODEL,
  });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

test('every company of the portfolio was created in HubSpot within the last month', () => {
  for (const company of companies) {
    expect(ms(company.properties.createdate)).toBeGreaterThan(NOW.getTime() - 31 * 86_400_000);
  }
});

test('the backtest counts every company that had records before as-of, from its history', () => {
  const result = backtest();
  const expected = companies.filter(hadHistoryBeforeAsOf).length;
  expect(expected).toBeGreaterThan(250);
  expect(result.companiesAtAsOf).toBe(expected);
  expect(result.companiesImportedAfterAsOf).toBe(expected);
  expect(result.companiesLeftOut).toBe(companies.length - expected);
  expect(result.buyingAtAsOf).toBeGreaterThan(150);
  expect(result.declined).toBeGreaterThan(0);
});
