/**
 * Portfolio movement between two dates, from HubSpot's own property history of `kam_tier` and
 * `kam_score` (`propertiesWithHistory`): each company's tier and score at `from` and at `to` (the
 * newest history entry at or before the date), a from → to transition matrix and the companies
 * whose tier differs. A company with no entry at or before a date had no tier then (`none`), e.g.
 * one created or first scored after `from`. Pure; `kam report --from --to` does the reading.
 */
import { TIERS, type Tier } from '../core/enums';
import type { PropertyHistoryEntry } from '../hubspot/gateway';

export const TIER_MOVEMENT_PROPERTIES = ['kam_tier', 'kam_score'] as const;

/** A tier, or `none` when the company had no stored tier at that date. */
export type TierOrNone = Tier | 'none';
export const TIERS_OR_NONE: readonly TierOrNone[] = [...TIERS, 'none'];

export type CompanyHistory = {
  id: string;
  name: string | null;
  /** The `history` of one record from `gateway.batchReadWithHistory`, keyed by property. */
  history: Readonly<Record<string, readonly PropertyHistoryEntry[] | undefined>>;
};

export type TierMovementRow = {
  id: string;
  name: string | null;
  fromTier: TierOrNone;
  toTier: TierOrNone;
  fromScore: number | null;
  toScore: number | null;
};

export type TierMovement = {
  /** ISO 8601. */
  from: string;
  /** ISO 8601. */
  to: string;
  /** Companies compared. */
  companies: number;
  /** `matrix[fromTier][toTier]`: companies with that tier at `from` and that tier at `to`. */
  matrix: Record<TierOrNone, Record<TierOrNone, number>>;
  /** Companies whose tier at `to` differs from the one at `from`, by tier at `to` then name. */
  moved: TierMovementRow[];
};

const parseTier = (raw: string): Tier | null =>
  (TIERS as readonly string[]).includes(raw) ? (raw as Tier) : null;

const parseScore = (raw: string): number | null => {
  const score = Number(raw);
  return raw !== '' && Number.isFinite(score) ? score : null;
};

/**
 * The value in force at `at`: the newest entry whose timestamp is at or before it. An entry with
 * an empty value (the property was cleared) counts as null; unparseable timestamps are skipped.
 * Same-millisecond entries keep HubSpot's newest-first order.
 */
export function valueAt<T>(
  entries: readonly PropertyHistoryEntry[] | undefined,
  at: Date,
  parse: (value: string) => T | null,
): T | null {
  const limit = at.getTime();
  let best: { time: number; value: string | null } | null = null;
  for (const entry of entries ?? []) {
    const time = Date.parse(entry.timestamp);
    if (!Number.isFinite(time) || time > limit) continue;
    if (best === null || time > best.time) best = { time, value: entry.value };
  }
  if (best === null || best.value === null || best.value.trim() === '') return null;
  return parse(best.value.trim());
}

export const tierAt = (entries: readonly PropertyHistoryEntry[] | undefined, at: Date): TierOrNone =>
  valueAt(entries, at, parseTier) ?? 'none';

export const scoreAt = (entries: readonly PropertyHistoryEntry[] | undefined, at: Date): number | null =>
  valueAt(entries, at, parseScore);

function emptyMatrix(): Record<TierOrNone, Record<TierOrNone, number>> {
  return Object.fromEntries(
    TIERS_OR_NONE.map((from) => [from, Object.fromEntries(TIERS_OR_NONE.map((to) => [to, 0]))]),
  ) as Record<TierOrNone, Record<TierOrNone, number>>;
}

/**
 * @example tierMovement([{ id: '1', name: 'Acme', history }], new Date('2026-01-01'), new Date('2026-04-01'))
 */
export function tierMovement(companies: readonly CompanyHistory[], from: Date, to: Date): TierMovement {
  if (!(from.getTime() < to.getTime())) {
    throw new RangeError(`tier movement needs from < to, got ${from.toISOString()} and ${to.toISOString()}`);
  }
  const matrix = emptyMatrix();
  const moved: TierMovementRow[] = [];
  for (const company of companies) {
    const row: TierMovementRow = {
      id: company.id,
      name: company.name,
      fromTier: tierAt(company.history.kam_tier, from),
      toTier: tierAt(company.history.kam_tier, to),
      fromScore: scoreAt(company.history.kam_score, from),
      toScore: scoreAt(company.history.kam_score, to),
    };
    matrix[row.fromTier][row.toTier] += 1;
    if (row.fromTier !== row.toTier) moved.push(row);
  }
  const rank = (tier: TierOrNone) => TIERS_OR_NONE.indexOf(tier);
  moved.sort(
    (a, b) =>
      rank(a.toTier) - rank(b.toTier) ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      a.id.localeCompare(b.id),
  );
  return { from: from.toISOString(), to: to.toISOString(), companies: companies.length, matrix, moved };
}
