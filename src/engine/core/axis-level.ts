/** methodology §4: each axis is read as weak, medium or strong on two thresholds from the model. */
import type { AxisLevel } from './enums';
import type { ScoringModel } from '../settings/model-schema';

/** The level of an axis value: strong at or above `strong`, medium at or above `medium`, else weak. */
export function axisLevelOf(
  value: number,
  thresholds: ScoringModel['axisLevels']['attractiveness'],
): AxisLevel {
  if (value >= thresholds.strong) return 'strong';
  if (value >= thresholds.medium) return 'medium';
  return 'weak';
}
