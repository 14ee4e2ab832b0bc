/**
 * What a scoring factor is: a label, a way to measure it on a company (0–100, or nothing when the
 * data is missing) and a clause that names the data behind it. The axes are tables of these.
 */
import type { FactorId } from './enums';
import type { CompanyFacts } from './company-input';
import type { CompanyMetrics } from './metrics';
import type { SharedParts } from './shared-parts';
import type { Localised } from './text';
import type { ScoringModel } from '../settings/model-schema';

/** The raw metric a factor value was computed from, as shown next to it. */
export type FactorRaw = number | string | boolean | null;

export type FactorMeasure = { value: number; raw: FactorRaw };

export type FactorContext = {
  facts: CompanyFacts;
  metrics: CompanyMetrics;
  model: ScoringModel;
  /** Won revenue that scores 100 on the revenue factor (from the portfolio, see `computeRevenueReference`). */
  revenueReference: number;
  /** The portfolio's won-revenue quantiles, or null (the revenue factor then scales against the reference). */
  revenueQuantiles: readonly number[] | null;
  homeCurrency: string;
  /** Parts shared within the scoring run (see shared-parts.ts). */
  shared: SharedParts;
};

export type FactorDefinition = {
  id: FactorId;
  label: Localised;
  /** null means no data: the factor is left out of its axis and lowers confidence, never counts as 0. */
  measure: (context: FactorContext) => FactorMeasure | null;
  /** A clause naming the data behind the value, used in recommendation reasons. */
  describe: (context: FactorContext) => Localised;
  /**
   * True when the factor takes few distinct values across companies (a KAM-input level, k of n
   * quarters, whole days, years to two decimals): equal results are then shared within a run
   * (see shared-parts.ts).
   */
  takesFewValues: boolean;
};
