/** The label of every factor id, for the settings page and reports that show weights without scores. */
import { ATTRACTIVENESS_FACTOR_DEFINITIONS } from './attractiveness-factors';
import type { FactorId } from './enums';
import { STRENGTH_FACTOR_DEFINITIONS } from './strength-factors';
import type { Localised } from './text';

export const FACTOR_LABELS = Object.fromEntries(
  [...ATTRACTIVENESS_FACTOR_DEFINITIONS, ...STRENGTH_FACTOR_DEFINITIONS].map((definition) => [
    definition.id,
    definition.label,
  ]),
) as Readonly<Record<FactorId, Localised>>;
