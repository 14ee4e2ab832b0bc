/**
 * Issue #21, 003 organisation map: the buying-centre gaps among the key accounts, from the
 * `kam_buying_centre_gaps` each sync writes — how many key accounts show each gap, and which key
 * accounts show the most.
 */
import { ORGANISATION_GAPS, type OrganisationGapId } from '../core/enums';
import { compareIds } from './id-order';
import type { PortfolioCompany } from './portfolio-row';

export type GapAccount = {
  id: string;
  name: string | null;
  gaps: OrganisationGapId[];
  score: number | null;
};

export type BuyingCentreGaps = {
  keyAccounts: number;
  /** Key accounts showing each gap. */
  counts: Record<OrganisationGapId, number>;
  /** Key accounts with at least one gap. */
  withGaps: number;
  /** Key accounts with at least one gap, most gaps first, then higher score. */
  accounts: GapAccount[];
};

/**
 * How much a set of gaps weighs in the order of the list: one per gap, except that a company with
 * no contacts at all (its only gap) lacks a decision maker and a sponsor too, so it weighs two.
 */
const weightOf = (gaps: readonly OrganisationGapId[]): number =>
  gaps.length + (gaps.includes('no_contacts') ? 1 : 0);

export function buyingCentreGaps(companies: readonly PortfolioCompany[]): BuyingCentreGaps {
  const counts = Object.fromEntries(ORGANISATION_GAPS.map((gap) => [gap, 0])) as Record<
    OrganisationGapId,
    number
  >;
  const accounts: GapAccount[] = [];
  let keyAccounts = 0;
  for (const company of companies) {
    if (company.tier !== 'key') continue;
    keyAccounts += 1;
    if (company.buyingCentreGaps.length === 0) continue;
    for (const gap of company.buyingCentreGaps) counts[gap] += 1;
    accounts.push({
      id: company.id,
      name: company.name,
      gaps: company.buyingCentreGaps,
      score: company.score,
    });
  }
  accounts.sort(
    (a, b) =>
      weightOf(b.gaps) - weightOf(a.gaps) || (b.score ?? -1) - (a.score ?? -1) || compareIds(a.id, b.id),
  );
  return { keyAccounts, counts, withGaps: accounts.length, accounts };
}
