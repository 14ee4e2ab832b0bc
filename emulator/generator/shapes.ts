/**
 * Portfolio shapes (issue #16): our default generator makes a concentrated, long-tailed
 * portfolio, and a scoring change is good only if it also holds on portfolios of other shapes.
 *
 * - `concentrated` (default): long-tailed spend, the top fifth of customers holds most revenue.
 * - `flat`: every account's spend pulled toward the middle in log scale (order kept), so the top
 *   fifth holds about a third of revenue, like the 85-account CRM export of issue #16.
 * - `steady`: the ordinary accounts replaced by steady mid-size buyers (3–6 purchases a year for
 *   four years); the planted archetypes stay, so the loyal small accounts are still there to find.
 *
 * `migrated` is independent of the shape: every company, deal, ticket and contact carries a
 * creation date from the last month (an import into HubSpot), while close dates and meeting times
 * keep their history — which is how most portals start.
 */
import type { Archetype } from './archetypes';
import type { AccountHistory, PlanContext } from './history';
import { PLANS, type AccountPlan } from './plans';
import { planSteadyBuyer } from './plans/steady-buyer';
import type { Random } from './prng';
import { DAY_MS } from './time';
import type { CompanyRecord } from './types';

export const PORTFOLIO_SHAPES = ['concentrated', 'flat', 'steady'] as const;
export type PortfolioShape = (typeof PORTFOLIO_SHAPES)[number];

/** The spend every flat account is pulled toward, and how much of its distance in log scale it keeps. */
const FLAT_CENTRE_USD = 40_000;
const FLAT_SPREAD_KEPT = 0.25;

/** The plan of an archetype in a shape. */
export function planFor(shape: PortfolioShape, archetype: Archetype): AccountPlan {
  return shape === 'steady' && archetype === 'ordinary' ? planSteadyBuyer : PLANS[archetype];
}

/** The history reshaped for the portfolio shape (only `flat` changes money). */
export function reshapeHistory(shape: PortfolioShape, history: AccountHistory): AccountHistory {
  if (shape !== 'flat' || !(history.annualSpendUsd > 0)) return history;
  const flatSpend = FLAT_CENTRE_USD * (history.annualSpendUsd / FLAT_CENTRE_USD) ** FLAT_SPREAD_KEPT;
  const factor = flatSpend / history.annualSpendUsd;
  return {
    ...history,
    annualSpendUsd: flatSpend,
    deals: history.deals.map((deal) => ({ ...deal, amountUsd: deal.amountUsd * factor })),
    kam:
      history.kam?.annualCostToServeUsd === undefined
        ? history.kam
        : { ...history.kam, annualCostToServeUsd: history.kam.annualCostToServeUsd * factor },
  };
}

const isoTime = (ms: number): string => new Date(ms).toISOString();

/**
 * Moves every creation date of a rendered company into the month before now, as an import would
 * leave them; close dates, ticket close dates and meeting times keep the real history.
 */
export function asMigrated(random: Random, company: CompanyRecord, context: PlanContext): CompanyRecord {
  const importedAt = Math.floor((context.now - random.between(1, 30) * DAY_MS) / 1000) * 1000;
  const created = (records: CompanyRecord['deals']) =>
    records.map((record) =>
      'createdate' in record.properties
        ? { ...record, properties: { ...record.properties, createdate: isoTime(importedAt) } }
        : record,
    );
  return {
    ...company,
    properties: { ...company.properties, createdate: isoTime(importedAt) },
    deals: created(company.deals),
    tickets: created(company.tickets),
    meetings: company.meetings,
    contacts: created(company.contacts),
  };
}
