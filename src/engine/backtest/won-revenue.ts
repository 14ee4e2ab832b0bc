/**
 * Won revenue of a company in a time window, for judging what followed the as-of date. Reads
 * deals by the core's rules (company-input.ts `readDeal`/`readHomeAmount`): `hs_is_closed_won`
 * first, the default stage id as fallback; `amount_in_home_currency` first, `amount` only in the
 * home currency; the model's pipelines only. Unreadable amounts count as nothing.
 */
import type { CompanyRecord, CrmRecord } from '../core/snapshot';
import { timeOf } from './point-in-time';

export type RevenueRules = { homeCurrency: string; pipelines: readonly string[] };

function amountOf(value: string | null | undefined): number | null {
  const text = value?.trim() ?? '';
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

function homeAmountOf(deal: CrmRecord, homeCurrency: string): number {
  const p = deal.properties;
  const inHomeCurrency = amountOf(p.amount_in_home_currency);
  if (inHomeCurrency !== null) return inHomeCurrency;
  const currency = p.deal_currency_code?.trim().toUpperCase() ?? '';
  if (currency !== '' && currency !== homeCurrency.toUpperCase()) return 0;
  return amountOf(p.amount) ?? 0;
}

function isWon(deal: CrmRecord): boolean {
  const flag = deal.properties.hs_is_closed_won?.trim().toLowerCase();
  if (flag === 'true') return true;
  if (flag === 'false') return false;
  return deal.properties.dealstage?.trim().toLowerCase() === 'closedwon';
}

/** Won revenue (home currency) of deals closed in `(fromMs, toMs]`. */
export function wonRevenueBetween(
  company: CompanyRecord,
  fromMs: number,
  toMs: number,
  rules: RevenueRules,
): number {
  let total = 0;
  for (const deal of company.deals) {
    if (rules.pipelines.length > 0 && !rules.pipelines.includes(deal.properties.pipeline?.trim() ?? ''))
      continue;
    if (!isWon(deal)) continue;
    const closedAt = timeOf(deal.properties.closedate);
    if (closedAt === null || closedAt <= fromMs || closedAt > toMs) continue;
    total += homeAmountOf(deal, rules.homeCurrency);
  }
  return total;
}
