export {
  PORTFOLIO_PROPERTIES,
  appendParsedRow,
  emptyParsedPortfolio,
  parsePortfolioRow,
  parsePortfolioRows,
  portfolioRowSchema,
  type FieldIssue,
  type ParsedPortfolio,
  type PortfolioCompany,
  type PortfolioProperty,
  type PortfolioRow,
  type YearAmount,
} from './portfolio-row';
export {
  DEFAULT_MOVERS_WINDOW_DAYS,
  analysePortfolio,
  analysisOptionsSchema,
  parseAnalysisOptions,
  parseOptions,
  type OptionIssue,
  type AnalysisOptions,
  type AnalysisOptionsInput,
  type AnalysisResult,
  type PortfolioAnalysis,
} from './analyse-portfolio';
export { kaismMatrix, type CompanyRef, type KaismMatrix } from './kaism-matrix';
export { strategyDistribution, type StrategyCell, type StrategyDistribution } from './strategy-distribution';
export { tierMovers, type TierMove, type TierMovers } from './tier-movers';
export { atRiskKeys, type AtRiskKey, type AtRiskKeys } from './at-risk-keys';
export { paretoSummary, type ParetoPoint, type ParetoSummary } from './pareto-summary';
export { supplierPositionMatrix, type SupplierPositionMatrix } from './supplier-positions';
export {
  planCoverage,
  type PlanCoverage,
  type PlanCoverageStatus,
  type PlanGapAccount,
} from './plan-coverage';
export { buyingCentreGaps, type BuyingCentreGaps, type GapAccount } from './buying-centre-gaps';
export {
  DEFAULT_DECLINING_OPTIONS,
  decliningKeyAccounts,
  type DecliningAccount,
  type DecliningAnalysis,
  type DecliningOptions,
  type KeyGroupYear,
  type RetentionEconomics,
} from './declining-accounts';
export {
  DEFAULT_PAGE_LIST_LIMIT,
  PORTFOLIO_PAGE_DATA_VERSION,
  portfolioPageParametersSchema,
  toPortfolioPageData,
  type PortfolioFunctionError,
  type PortfolioFunctionResponse,
  type PortfolioPageData,
  type PortfolioPageParameters,
  type PortfolioReadStatus,
} from './page-data';
export { loadPortfolioPage, type LoadPortfolioPageOptions } from './load-portfolio-page';
export {
  TIER_MOVEMENT_PROPERTIES,
  TIERS_OR_NONE,
  scoreAt,
  tierAt,
  tierMovement,
  valueAt,
  type CompanyHistory,
  type TierMovement,
  type TierMovementRow,
  type TierOrNone,
} from './tier-movement';
export { scoredSnapshotRows } from './scored-snapshot-rows';
