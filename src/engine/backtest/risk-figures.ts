/**
 * The figures that say whether the graded risk score sees decline coming (issue #17), at one
 * as-of date: the score's decline AUC next to two one-line baselines (days since the last
 * purchase; the last 3 months' revenue against the 3 before), the best single warning sign, and,
 * for a generated portfolio with a known cause, the limit an oracle reaches.
 */
import { RISK_SCORE_SIGNALS, type RiskScoreSignalId } from '../core/enums';
import { riskLogit, riskStrengthsOf } from '../core/risk-score';
import type { RiskScoreSettings } from '../settings/risk-score-schema';
import { areaUnderCurve } from './auc';
import type { RiskExample } from './risk-examples';

export type RiskAucs = {
  examples: number;
  declined: number;
  riskScore: number | null;
  daysSinceLastPurchase: number | null;
  lastQuarterAgainstQuarterBefore: number | null;
  bestSingleSign: { id: RiskScoreSignalId; auc: number } | null;
  /** Every sign's own AUC, by its evidence (no evidence ranks lowest). */
  signs: Record<RiskScoreSignalId, number | null>;
  /** Null without an oracle (a real portal). */
  oracle: number | null;
};

/** Evidence ranks as is; "no evidence" below every reading. */
const NO_EVIDENCE = -1e15;

export function riskAucsOf(
  examples: readonly RiskExample[],
  settings: RiskScoreSettings,
  oracle?: (example: RiskExample) => number,
): RiskAucs {
  const aucBy = (score: (example: RiskExample) => number) =>
    areaUnderCurve(examples.map((example) => ({ score: score(example), isPositive: example.declined })));
  const signs = {} as Record<RiskScoreSignalId, number | null>;
  let best: RiskAucs['bestSingleSign'] = null;
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    const auc = aucBy((example) => {
      const value = example.evidence[index]!;
      return Number.isNaN(value) ? NO_EVIDENCE : Math.max(-1e14, Math.min(1e14, value));
    });
    signs[id] = auc;
    if (auc !== null && (best === null || auc > best.auc)) best = { id, auc };
  });
  return {
    examples: examples.length,
    declined: examples.filter((example) => example.declined).length,
    riskScore: aucBy((example) => riskLogit(riskStrengthsOf(example.evidence, settings), settings)),
    daysSinceLastPurchase: aucBy((example) => example.daysSinceLastWon),
    lastQuarterAgainstQuarterBefore: aucBy((example) => example.quarterTrend),
    bestSingleSign: best,
    signs,
    oracle: oracle ? aucBy(oracle) : null,
  };
}
