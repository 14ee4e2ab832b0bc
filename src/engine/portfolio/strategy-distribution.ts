/**
 * methodology §4: how the portfolio spreads over the 3×3 matrix of customer attractiveness ×
 * our position, read from the levels stored in each company's `kam_explanation`.
 */
import { AXIS_LEVELS, type AxisLevel, type Strategy } from '../core/enums';
import { strategyFor } from '../core/strategy-matrix';
import type { PortfolioCompany } from './portfolio-row';

export type StrategyCell = {
  attractiveness: AxisLevel;
  strength: AxisLevel;
  strategy: Strategy;
  count: number;
  /** Won revenue of the last 12 months of the cell's companies. */
  wonRevenueLast12Months: number;
};

export type StrategyDistribution = {
  /** Nine cells, strong attractiveness first, weak position first (the table's reading order). */
  cells: StrategyCell[];
  /** Scored companies whose explanation holds no axis levels. */
  unplaced: number;
};

const ROWS_TOP_DOWN: readonly AxisLevel[] = [...AXIS_LEVELS].reverse();

export function strategyDistribution(companies: readonly PortfolioCompany[]): StrategyDistribution {
  const cells = ROWS_TOP_DOWN.flatMap((attractiveness) =>
    AXIS_LEVELS.map((strength): StrategyCell => ({
      attractiveness,
      strength,
      strategy: strategyFor(attractiveness, strength),
      count: 0,
      wonRevenueLast12Months: 0,
    })),
  );
  const cellOf = (attractiveness: AxisLevel, strength: AxisLevel): StrategyCell =>
    cells[
      ROWS_TOP_DOWN.indexOf(attractiveness) * AXIS_LEVELS.length + AXIS_LEVELS.indexOf(strength)
    ] as StrategyCell;
  let unplaced = 0;
  for (const company of companies) {
    if (company.attractivenessLevel === null || company.strengthLevel === null) {
      unplaced += 1;
      continue;
    }
    const cell = cellOf(company.attractivenessLevel, company.strengthLevel);
    cell.count += 1;
    cell.wonRevenueLast12Months += company.wonRevenueLast12Months ?? 0;
  }
  return { cells, unplaced };
}
