/**
 * What a rescore left on a company, read back for re-weighing (core/reweigh.ts): its stored
 * breakdown (`kam_explanation`), the tier the thresholds gave it, its quadrant and a pin in force.
 */
import { KAISM_QUADRANTS, TIERS } from '../core/enums';
import type { ScoredCompany } from '../core/reweigh';
import { activePinOf } from '../core/tier-pin';
import { explanationSchema, type Explanation } from './explanation-schema';
import type { CrmObject } from './gateway';

/** The company properties `scoredCompanyOf` reads. */
export const SCORED_COMPANY_PROPERTIES = [
  'kam_tier',
  'kam_tier_computed',
  'kam_tier_pinned',
  'kam_pin_expires_at',
  'kam_quadrant',
  'kam_explanation',
] as const;

function readExplanation(raw: string | null): Explanation | null {
  if (!raw) return null;
  try {
    const parsed = explanationSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const oneOf = <const T extends readonly string[]>(values: T, raw: string | null): T[number] | null =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T[number]) : null;

/**
 * The company as re-weighing sees it, or null without a readable breakdown and a stored tier
 * (then there is nothing to re-weigh). The threshold tier (`kam_tier_computed`) wins over `kam_tier`.
 */
export function scoredCompanyOf(record: CrmObject, now: Date): ScoredCompany | null {
  const { properties } = record;
  const explanation = readExplanation(properties.kam_explanation ?? null);
  const storedTier =
    oneOf(TIERS, properties.kam_tier_computed ?? null) ?? oneOf(TIERS, properties.kam_tier ?? null);
  if (!explanation || !storedTier) return null;
  return {
    companyId: record.id,
    factors: explanation.factors,
    storedTier,
    storedQuadrant: oneOf(KAISM_QUADRANTS, properties.kam_quadrant ?? null),
    pinnedTier: activePinOf(properties, now)?.tier ?? null,
  };
}
