/**
 * The pure scoring core (methodology.md as code): plain data in, plain data out, synchronous,
 * with `now` passed in. No I/O, no clock, no randomness.
 */
export { scorePortfolio, scoreCompany, startPortfolioScoring } from './score-portfolio';
export type {
  ScorePortfolioInput,
  ScoreCompanyOptions,
  PortfolioScore,
  PortfolioScoreBuilder,
  Reconsider,
} from './score-portfolio';
export type { PortfolioInputs } from './score-company';
export { computeParetoClasses, computeRevenueReference } from './pareto';
export type { ParetoEntry, ParetoResult, ParetoSummary } from './pareto';
export { parseSnapshot, portfolioSnapshotSchema, companyRecordSchema, crmRecordSchema } from './snapshot';
export type { PortfolioSnapshot, CompanyRecord, CrmRecord } from './snapshot';
export { validateModel, scoringModelSchema, type ScoringModel } from '../settings/model-schema';
export { DEFAULT_SCORING_MODEL } from '../settings/default-model';
export type { CompanyScore } from './company-score';
export type { FactorScore, AxisScore } from './axis-score';
export type { CompanyMetrics, BuyingCentreMetrics, YearlyWonVolume } from './metrics';
export type { RiskAssessment, RiskSignal, RiskSeverity } from './risk-signals';
export type { Recommendation, RecommendationPriority } from './recommendations';
export { RECOMMENDATION_CATALOGUE } from './recommendations';
export type { DataIssue } from './values';
export type { FactorRaw } from './factor-definition';
export type { Localised } from './text';
export type { ValidationIssue, ValidationResult } from './validation';
export { classifyTier, tierByThresholds, tierDirectionOf } from './tier';
export { axisLevelOf } from './axis-level';
export { kaismQuadrantFor, kaismQuadrantOf, KAISM_QUADRANT_LABELS } from './kaism-quadrant';
export { strategyFor, STRATEGY_MATRIX, STRATEGY_LABELS } from './strategy-matrix';
export {
  FACTOR_LABELS,
  RECOMMENDATION_TITLES,
  SUPPLIER_POSITION_TEXTS,
  type CatalogueText,
} from './catalogue-texts';
export {
  supplierPositionOf,
  assessSupplierPosition,
  countSupplierPositions,
  type SupplierPositionAssessment,
  type SupplierPositionCounts,
} from './supplier-position';
export * from './enums';
export * from './account-plan';
export {
  assessGoal,
  assessPlan,
  NO_PLAN_ASSESSMENT,
  planDayOf,
  rankOpportunities,
  type PlanFacts,
} from './plan-assessment';
export {
  CAPPED_TIERS,
  placesFor,
  rankFor,
  ranksAbove,
  tierLinesOf,
  tierWithinLines,
  type CappedTier,
  type TierCapacityResult,
  type TierLine,
  type TierPlaces,
} from './tier-capacity';
export { revenueQuantilesOf, revenuePositionOf, isRevenueQuantiles } from './revenue-position';
export { NO_TIER_LINES } from './score-company';
export { KAISM_QUADRANTS, RISK_SCORE_SIGNALS, STRATEGIES, TIERS, type Strategy, type Tier } from './enums';
export {
  COMPANY_INPUT_PROPERTIES,
  CONTACT_INPUT_PROPERTIES,
  DEAL_INPUT_PROPERTIES,
  MEETING_INPUT_PROPERTIES,
  TICKET_INPUT_PROPERTIES,
} from './input-properties';
export { compareModels, type ScoredCompany } from './reweigh';
export { toValidationIssues } from './validation';
