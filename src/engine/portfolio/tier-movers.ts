/**
 * Companies whose tier changed since a date (methodology §3: apply the matrix "systematically and
 * repeatedly", because both sides change), read from `kam_tier_previous` / `kam_tier_changed_at`.
 */
import { TIERS, type Tier, type TierDirection } from '../core/enums';
import type { PortfolioCompany } from './portfolio-row';
import { compareIds } from './id-order';

export type TierMove = {
  id: string;
  name: string | null;
  from: Tier | null;
  to: Tier;
  direction: TierDirection;
  /** ISO 8601. */
  changedAt: string;
  score: number | null;
  wonRevenueLast12Months: number | null;
};

export type TierMovers = {
  /** ISO 8601, inclusive. */
  since: string;
  up: number;
  down: number;
  /** Every move, newest first. */
  moves: TierMove[];
  /** Moves per `from → to` pair, e.g. `important→key`. */
  transitions: Record<string, number>;
  /** Moves per calendar month (UTC, `YYYY-MM`), oldest first. */
  byMonth: { month: string; up: number; down: number }[];
};

// TIERS runs from the highest class to the lowest
const rank = (tier: Tier): number => TIERS.length - TIERS.indexOf(tier);

function directionOf(company: PortfolioCompany & { tier: Tier }): TierDirection | null {
  if (company.tierDirection !== null) return company.tierDirection;
  if (company.tierPrevious === null || company.tierPrevious === company.tier) return null;
  return rank(company.tier) > rank(company.tierPrevious) ? 'up' : 'down';
}

export function tierMovers(companies: readonly PortfolioCompany[], since: Date, now: Date): TierMovers {
  const moves: TierMove[] = [];
  for (const company of companies) {
    if (company.tier === null || company.tierChangedAt === null) continue;
    const changedAt = Date.parse(company.tierChangedAt);
    if (changedAt < since.getTime() || changedAt > now.getTime()) continue;
    const direction = directionOf({ ...company, tier: company.tier });
    if (direction === null) continue;
    moves.push({
      id: company.id,
      name: company.name,
      from: company.tierPrevious,
      to: company.tier,
      direction,
      changedAt: company.tierChangedAt,
      score: company.score,
      wonRevenueLast12Months: company.wonRevenueLast12Months,
    });
  }
  moves.sort((a, b) => b.changedAt.localeCompare(a.changedAt) || compareIds(a.id, b.id));
  const transitions: Record<string, number> = {};
  const months = new Map<string, { up: number; down: number }>();
  // Every month of the window, moves or not, so a chart's time axis has no gaps.
  const cursor = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), 1));
  for (let guard = 0; cursor.getTime() <= now.getTime() && guard < 600; guard += 1) {
    months.set(cursor.toISOString().slice(0, 7), { up: 0, down: 0 });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  for (const move of moves) {
    const key = `${move.from ?? 'none'}→${move.to}`;
    transitions[key] = (transitions[key] ?? 0) + 1;
    const bucket = months.get(move.changedAt.slice(0, 7));
    if (bucket) bucket[move.direction] += 1;
  }
  return {
    since: since.toISOString(),
    up: moves.filter((move) => move.direction === 'up').length,
    down: moves.filter((move) => move.direction === 'down').length,
    moves,
    transitions,
    byMonth: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, counts]) => ({ month, ...counts })),
  };
}
