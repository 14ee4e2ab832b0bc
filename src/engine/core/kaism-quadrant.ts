/**
 * methodology §3: the key account identification and selection matrix (KAISM). Attractiveness
 * is the vertical axis, our strength / the customer's loyalty the horizontal one; each is high at
 * or above the model's cut. The low/low cell is "opportunistic" (§3 Resolution).
 */
import type { KaismQuadrant } from './enums';
import type { Localised } from './text';
import type { ScoringModel } from '../settings/model-schema';

/** The quadrant for high/low attractiveness and high/low strength. */
export function kaismQuadrantFor(isAttractivenessHigh: boolean, isStrengthHigh: boolean): KaismQuadrant {
  if (isAttractivenessHigh) return isStrengthHigh ? 'key_account' : 'key_development';
  return isStrengthHigh ? 'maintenance' : 'opportunistic';
}

/** The quadrant of two axis values under the model's cut. */
export function kaismQuadrantOf(
  attractiveness: number,
  strength: number,
  cut: ScoringModel['kaismCut'],
): KaismQuadrant {
  return kaismQuadrantFor(attractiveness >= cut.attractiveness, strength >= cut.strength);
}

/** The quadrant names of §3, in English and in the source's Russian. */
export const KAISM_QUADRANT_LABELS: Readonly<Record<KaismQuadrant, Localised>> = {
  key_development: { en: 'Key development', ru: 'Клиенты развития' },
  key_account: { en: 'Key account', ru: 'Ключевые клиенты' },
  opportunistic: { en: 'Opportunistic', ru: 'Оппортунистические клиенты' },
  maintenance: { en: 'Maintenance / support', ru: 'Клиенты поддержки' },
};
