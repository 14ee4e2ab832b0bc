/**
 * methodology §3: the key account identification and selection matrix (KAISM) of the portfolio —
 * how many companies sit in each quadrant, and which ones.
 */
import { KAISM_QUADRANTS, type KaismQuadrant, type Tier } from '../core/enums';
import type { PortfolioCompany } from './portfolio-row';
import { compareIds } from './id-order';

/** What a list entry shows about a company; enough for a table row and a record link. */
export type CompanyRef = {
  id: string;
  name: string | null;
  score: number | null;
  tier: Tier | null;
  wonRevenueLast12Months: number | null;
};

export type KaismMatrix = {
  counts: Record<KaismQuadrant, number>;
  /** Every company per quadrant, highest score first. */
  lists: Record<KaismQuadrant, CompanyRef[]>;
  /** Scored companies without a stored quadrant. */
  unplaced: number;
};

export const toCompanyRef = (company: PortfolioCompany): CompanyRef => ({
  id: company.id,
  name: company.name,
  score: company.score,
  tier: company.tier,
  wonRevenueLast12Months: company.wonRevenueLast12Months,
});

/** Highest score first; ties by revenue, then id, so lists are stable. */
export function byScoreDescending(a: CompanyRef, b: CompanyRef): number {
  return (
    (b.score ?? -1) - (a.score ?? -1) ||
    (b.wonRevenueLast12Months ?? 0) - (a.wonRevenueLast12Months ?? 0) ||
    compareIds(a.id, b.id)
  );
}

export function kaismMatrix(companies: readonly PortfolioCompany[]): KaismMatrix {
  const lists = Object.fromEntries(
    KAISM_QUADRANTS.map((quadrant) => [quadrant, [] as CompanyRef[]]),
  ) as Record<KaismQuadrant, CompanyRef[]>;
  let unplaced = 0;
  for (const company of companies) {
    if (company.quadrant === null) unplaced += 1;
    else lists[company.quadrant].push(toCompanyRef(company));
  }
  for (const quadrant of KAISM_QUADRANTS) lists[quadrant].sort(byScoreDescending);
  const counts = Object.fromEntries(
    KAISM_QUADRANTS.map((quadrant) => [quadrant, lists[quadrant].length]),
  ) as Record<KaismQuadrant, number>;
  return { counts, lists, unplaced };
}
