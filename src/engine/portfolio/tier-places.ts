/**
 * Tier capacity on the portfolio page and in the report (issue #16): "key accounts: 38 of 40
 * places", and which companies sit just below the line — they passed the threshold but ranked
 * below the places, so they are the next in line when a key account drops out.
 */
import { CAPPED_TIERS, type CappedTier } from '../core/tier-capacity';
import { byScoreDescending, toCompanyRef, type CompanyRef } from './kaism-matrix';
import type { PortfolioCompany } from './portfolio-row';

/** How many below-the-line companies are listed per tier. */
export const BELOW_LINE_LISTED = 10;

export type TierPlacesSummary = {
  /** The places the latest run gave the tier (the figure most companies were last written with); null before tier capacity. */
  places: number | null;
  /** Companies holding the tier now (`kam_tier`, pins included). */
  used: number;
  /** Companies that passed the threshold but hold a lower tier: all of them. */
  belowLineCount: number;
  /** The best of them by score, at most `BELOW_LINE_LISTED`. */
  belowLine: CompanyRef[];
};

export type TierPlaces = Record<CappedTier, TierPlacesSummary>;

const RANK = { regular: 0, important: 1, key: 2 } as const;

/** The value most companies carry (ties: the larger), or null when none carries one. */
function mostCommon(values: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export function tierPlaces(companies: readonly PortfolioCompany[]): TierPlaces {
  const result = {} as TierPlaces;
  for (const tier of CAPPED_TIERS) {
    const places = mostCommon(
      companies.flatMap((company) => (company.tierPlaces ? [company.tierPlaces[tier].places] : [])),
    );
    const below = companies.filter(
      (company) =>
        company.thresholdTier !== null &&
        RANK[company.thresholdTier] >= RANK[tier] &&
        company.tier !== null &&
        RANK[company.tier] < RANK[tier],
    );
    result[tier] = {
      places,
      used: companies.filter((company) => company.tier === tier).length,
      belowLineCount: below.length,
      belowLine: below.map(toCompanyRef).sort(byScoreDescending).slice(0, BELOW_LINE_LISTED),
    };
  }
  return result;
}
