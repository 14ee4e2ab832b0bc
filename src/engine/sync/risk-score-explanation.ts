/**
 * The graded risk score's part of `kam_explanation` (issue #17): the score, each warning sign's
 * points in whole points (finer values would rewrite the document every day), and what the
 * level meant in this portal's history when the model is calibrated.
 */
import type { RiskAssessment } from '../core';
import type { StoredExplanation } from '../hubspot/explanation-schema';

/** Signs with less than half a point are left out: they would not change what the card says. */
const MIN_POINTS = 0.5;
const MAX_CONTRIBUTIONS = 6;

export function riskScoreExplanationOf(
  risk: RiskAssessment,
): Pick<StoredExplanation['risk'], 'score' | 'contributions' | 'calibrated'> {
  const contributions = risk.contributions
    .filter((contribution) => contribution.points >= MIN_POINTS)
    .slice(0, MAX_CONTRIBUTIONS)
    .map((contribution) => ({ id: contribution.id, points: Math.round(contribution.points) }));
  return risk.calibrated === null
    ? { score: Math.round(risk.score), contributions }
    : { score: Math.round(risk.score), contributions, calibrated: { ...risk.calibrated } };
}
