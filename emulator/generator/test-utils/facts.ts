/**
 * What a reader of the raw snapshot can see: strict parsers of HubSpot's string values and the
 * figures the generator tests check (won volume per window, roles, recency).
 */
import type { Archetype, CompanyRecord, CrmRecord, PortfolioSnapshot } from '../index';
import type { GroundTruth } from '../types';

export const NOW = new Date('2025-06-30T00:00:00.000Z');
export const NOW_MS = NOW.getTime();
export const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A number property, or null when it is missing or not a plain decimal. */
export function decimal(value: string | null | undefined): number | null {
  return value !== null && value !== undefined && DECIMAL.test(value) ? Number(value) : null;
}

/** A datetime property, or null unless it is exactly ISO 8601 as HubSpot writes it. */
export function time(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || new Date(ms).toISOString() !== value ? null : ms;
}

export const isWon = (deal: CrmRecord): boolean => deal.properties.hs_is_closed_won === 'true';
export const isLost = (deal: CrmRecord): boolean =>
  deal.properties.hs_is_closed === 'true' && deal.properties.hs_is_closed_won === 'false';
export const isOpen = (deal: CrmRecord): boolean => deal.properties.hs_is_closed === 'false';

/** Won volume in USD of deals closed in (from, to]; unreadable amounts and dates count as nothing. */
export function wonUsd(company: CompanyRecord, from: number, to: number): number {
  let total = 0;
  for (const deal of company.deals) {
    const closedAt = time(deal.properties.closedate);
    const amount = decimal(deal.properties.amount_in_home_currency);
    if (isWon(deal) && closedAt !== null && amount !== null && closedAt > from && closedAt <= to)
      total += amount;
  }
  return total;
}

export const trailingYearWonUsd = (company: CompanyRecord): number =>
  wonUsd(company, NOW_MS - YEAR_MS, NOW_MS);
export const previousYearWonUsd = (company: CompanyRecord): number =>
  wonUsd(company, NOW_MS - 2 * YEAR_MS, NOW_MS - YEAR_MS);

export function buyingRoles(contact: CrmRecord): string[] {
  return contact.properties.hs_buying_role?.split(';') ?? [];
}

export function hasRole(company: CompanyRecord, role: string): boolean {
  return company.contacts.some((contact) => buyingRoles(contact).includes(role));
}

export function companiesWith(
  snapshot: PortfolioSnapshot,
  truth: GroundTruth,
  archetype: Archetype,
): CompanyRecord[] {
  return snapshot.companies.filter((company) => truth.archetypes[company.id] === archetype);
}

/** Days from a datetime property to NOW (Infinity when missing or unreadable). */
export function daysAgo(value: string | null | undefined): number {
  const ms = time(value);
  return ms === null ? Infinity : (NOW_MS - ms) / DAY_MS;
}

/** Share of the total held by the top `share` of the values. */
export function topShare(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const top = sorted.slice(0, Math.round(values.length * share)).reduce((sum, value) => sum + value, 0);
  return top / total;
}
