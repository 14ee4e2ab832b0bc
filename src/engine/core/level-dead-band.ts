/**
 * Dead bands for the levels drawn from the axes (methodology §3 KAISM quadrant, §4 strategy
 * levels), as the tier has one (tier.ts). An axis value drifts by tenths as days pass (contact
 * recency, trailing windows); without a dead band a company sitting on a cut flips its quadrant
 * and strategy back and forth, and every flip is a write, a workflow trigger and a new set of
 * recommendations (issue #16). The previous level holds until the value leaves its band by more
 * than the margin; a company scored the first time gets the plain level.
 */
import type { AxisLevel, KaismQuadrant } from './enums';
import { kaismQuadrantFor } from './kaism-quadrant';
import type { ScoringModel } from '../settings/model-schema';

/**
 * The axis level of a value given the level it had, holding it while the value stays within the
 * margin of that level's band.
 */
export function axisLevelWithDeadBand(
  value: number,
  thresholds: ScoringModel['axisLevels']['attractiveness'],
  previous: AxisLevel | null,
  margin: number,
): AxisLevel {
  const plain: AxisLevel =
    value >= thresholds.strong ? 'strong' : value >= thresholds.medium ? 'medium' : 'weak';
  if (previous === null || previous === plain || margin <= 0) return plain;
  const lower =
    previous === 'strong' ? thresholds.strong : previous === 'medium' ? thresholds.medium : -Infinity;
  const upper =
    previous === 'weak' ? thresholds.medium : previous === 'medium' ? thresholds.strong : Infinity;
  if (value >= lower - margin && value < upper + margin) return previous;
  return plain;
}

/** Whether an axis is "high" in the KAISM matrix, holding the previous side within the margin of the cut. */
function isHighWithDeadBand(value: number, cut: number, wasHigh: boolean | null, margin: number): boolean {
  if (wasHigh === null) return value >= cut;
  return wasHigh ? value >= cut - margin : value >= cut + margin;
}

/** The KAISM quadrant given the quadrant the company had (null: never scored), each axis with its dead band. */
export function kaismQuadrantWithDeadBand(
  attractiveness: number,
  strength: number,
  cut: ScoringModel['kaismCut'],
  previous: KaismQuadrant | null,
  margin: number,
): KaismQuadrant {
  const wasAttractive =
    previous === null ? null : previous === 'key_account' || previous === 'key_development';
  const wasStrong = previous === null ? null : previous === 'key_account' || previous === 'maintenance';
  return kaismQuadrantFor(
    isHighWithDeadBand(attractiveness, cut.attractiveness, wasAttractive, margin),
    isHighWithDeadBand(strength, cut.strength, wasStrong, margin),
  );
}

/**
 * Whether a factor counts as weak for its action (methodology §5/§10, `recommendations.weakFactorBelow`),
 * holding the previous answer within the margin of the threshold: a factor drifting by tenths
 * around the threshold would give and take back its action day after day. `wasGiven` is whether
 * the action was among the company's stored actions (null: never scored, the plain answer).
 */
export function isWeakWithDeadBand(
  value: number,
  threshold: number,
  wasGiven: boolean | null,
  margin: number,
): boolean {
  if (wasGiven === null || margin <= 0) return value < threshold;
  return wasGiven ? value < threshold + margin : value < threshold - margin;
}
