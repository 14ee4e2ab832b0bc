/**
 * Issue #21: account development plans among the key accounts (methodology §10: a key account is
 * worked through a plan that is reviewed, not written once). Counts key accounts by their stored
 * `kam_plan_status` and lists those without a current plan, most urgent first.
 *
 * An empty `kam_plan_status` is counted apart as "not computed": syncs before account plans never
 * wrote it, so an empty value says nothing about whether a plan exists.
 */
import { PLAN_STATUSES, type PlanStatus } from '../core/enums';
import { compareIds } from './id-order';
import type { PortfolioCompany } from './portfolio-row';

export type PlanCoverageStatus = PlanStatus | 'not_computed';

export type PlanGapAccount = {
  id: string;
  name: string | null;
  planStatus: Exclude<PlanStatus, 'current'>;
  score: number | null;
  wonRevenueLast12Months: number | null;
};

export type PlanCoverage = {
  keyAccounts: number;
  /** Key accounts per stored status; `not_computed`: the property is empty or unreadable. */
  counts: Record<PlanCoverageStatus, number>;
  /** Key accounts known to lack a current plan: no plan, then overdue, then review due; higher score first. */
  accounts: PlanGapAccount[];
};

/** No plan at all is worse than a plan whose review is late, which is worse than one coming due. */
const URGENCY: Record<Exclude<PlanStatus, 'current'>, number> = { none: 0, overdue: 1, review_due: 2 };

export function planCoverage(companies: readonly PortfolioCompany[]): PlanCoverage {
  const counts = Object.fromEntries(
    [...PLAN_STATUSES, 'not_computed'].map((status) => [status, 0]),
  ) as Record<PlanCoverageStatus, number>;
  const accounts: PlanGapAccount[] = [];
  let keyAccounts = 0;
  for (const company of companies) {
    if (company.tier !== 'key') continue;
    keyAccounts += 1;
    const status = company.planStatus;
    counts[status ?? 'not_computed'] += 1;
    if (status === null || status === 'current') continue;
    accounts.push({
      id: company.id,
      name: company.name,
      planStatus: status,
      score: company.score,
      wonRevenueLast12Months: company.wonRevenueLast12Months,
    });
  }
  accounts.sort(
    (a, b) =>
      URGENCY[a.planStatus] - URGENCY[b.planStatus] ||
      (b.score ?? -1) - (a.score ?? -1) ||
      compareIds(a.id, b.id),
  );
  return { keyAccounts, counts, accounts };
}
