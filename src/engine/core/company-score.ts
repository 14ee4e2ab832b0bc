/**
 * The result of scoring one company: everything the sync writes back, the card explains and
 * `kam score-file --json` prints. Plain data, JSON-serialisable.
 */
import type { PlanAssessment } from './account-plan';
import type { AxisLevel, FactorId, KaismQuadrant, ParetoClass, Strategy, Tier, TierDirection } from './enums';
import type { FactorScore } from './axis-score';
import type { CompanyMetrics } from './metrics';
import type { Recommendation } from './recommendations';
import type { RiskAssessment } from './risk-signals';
import type { SupplierPositionAssessment } from './supplier-position';
import type { DataIssue } from './values';

export type CompanyScore = {
  companyId: string;
  name: string | null;
  modelVersion: string;
  /** ISO time of the `now` the company was scored at. */
  scoredAt: string;
  /** Overall 0–100, from the axes by the model's axis weights (axes without any data left out). */
  score: number;
  /** methodology §3 vertical axis, 0–100. */
  attractiveness: number;
  /** methodology §3 horizontal axis (loyalty / our relative strength), 0–100. */
  strength: number;
  /** Share (0–1) of the model's weight backed by data, axes weighted as in the score. */
  confidence: number;
  factors: { attractiveness: FactorScore[]; strength: FactorScore[] };
  /** Factors with a weight above 0 that had no data. */
  dataGaps: readonly FactorId[];
  /** Values HubSpot sent that could not be used. */
  dataIssues: readonly DataIssue[];
  /** The tier after capacity: the threshold tier, stepped down while the company ranks below a tier's line. */
  tier: Tier;
  /** The tier by thresholds and hysteresis alone (what the company passed). */
  thresholdTier: Tier;
  /** A manager's pin in force (it holds a place of its tier); the sync stores it in `kam_tier`. */
  pinnedTier: Tier | null;
  /** The strategy pinned with it, if one was; the sync stores it in `kam_strategy`. */
  pinnedStrategy: Strategy | null;
  /** The tier the company had (`kam_tier`), or null if it was never scored. */
  previousTier: Tier | null;
  /** True when a previous tier existed and the tier differs from it. */
  tierChanged: boolean;
  tierDirection: TierDirection | null;
  attractivenessLevel: AxisLevel;
  strengthLevel: AxisLevel;
  kaismQuadrant: KaismQuadrant;
  strategy: Strategy;
  paretoClass: ParetoClass;
  risk: RiskAssessment;
  /** methodology §6: where the client places us, from the two manager inputs (null position when one is missing). */
  supplierPosition: SupplierPositionAssessment;
  recommendations: Recommendation[];
  metrics: CompanyMetrics;
  /** methodology §10: the account development plan's review status and goal progress (`none` without a plan). */
  plan: PlanAssessment;
};
