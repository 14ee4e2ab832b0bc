/** The backtest: score the portfolio as it stood at an earlier date and judge it by what followed. */
export { runBacktest, scoreAsOf } from './run-backtest';
export type {
  AccountOutcome,
  BacktestInput,
  BacktestResult,
  ModelFigures,
  Outcome,
  TierChangeToday,
} from './run-backtest';
export { portfolioAsOf, companyAsOf } from './point-in-time';
export { areaUnderCurve } from './auc';
export { parseHorizon, addMonths, type Horizon } from './horizon';
export { calibrateRiskWeights, type CalibrateResult, type ModelCalibrationFigures } from './calibrate';
export { riskExamplesAt } from './risk-examples';
export { riskAucsOf, type RiskAucs } from './risk-figures';
