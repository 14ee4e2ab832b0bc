/**
 * An axis value is the weighted mean of the factors that had data (design "Data flow" 3): a
 * factor without data is left out and its weight renormalised away, and `confidence` says how
 * much of the axis' weight was backed by data. Missing data never counts as zero.
 */
import type { Axis, FactorId } from './enums';
import type { FactorContext, FactorDefinition, FactorMeasure, FactorRaw } from './factor-definition';
import { roundTo, toScale } from './numbers';
import { findWithinRun, storeWithinRun } from './shared-parts';
import type { Localised } from './text';

/** One factor of one company, with what it added to its axis (the explanation on the card). */
export type FactorScore = Readonly<{
  id: FactorId;
  axis: Axis;
  label: Localised;
  /** 0–100, or null without data. */
  value: number | null;
  /** The model's weight for this factor. */
  weight: number;
  /** Points this factor added to the axis value; the contributions sum to the axis value. */
  contribution: number;
  raw: FactorRaw;
  hasData: boolean;
}>;

export type AxisScore = {
  /** 0–100; 0 when no factor had data (then confidence is 0 too). */
  value: number;
  /** Share (0–1) of the axis' weight whose factors had data. */
  confidence: number;
  factors: FactorScore[];
};

/** Scores one axis from its factor table and the model's weights for it. */
export function scoreAxis(
  axis: Axis,
  definitions: readonly FactorDefinition[],
  weights: Readonly<Record<string, number>>,
  context: FactorContext,
): AxisScore {
  const measures: (FactorMeasure | null)[] = [];
  let totalWeight = 0;
  let dataWeight = 0;
  let weightedSum = 0;
  let dataMask = 0;
  definitions.forEach((definition, index) => {
    const weight = weights[definition.id] ?? 0;
    const measure = definition.measure(context);
    totalWeight += weight;
    if (measure !== null) {
      measure.value = roundTo(toScale(measure.value), 1);
      dataWeight += weight;
      weightedSum += weight * measure.value;
      dataMask |= 1 << index;
    }
    measures.push(measure);
  });
  // map, not push: the arrays are kept in the results, and map sizes them exactly
  const factors = definitions.map((definition, index): FactorScore => {
    const weight = weights[definition.id] ?? 0;
    const measure = measures[index] ?? null;
    // a factor without data is the same in every company; a few-valued one is the same in every
    // company with the same value and the same factors with data (the model is fixed in a run)
    const isShared = measure === null || definition.takesFewValues;
    const first = measure === null ? -1 : dataMask;
    const value = measure === null ? null : measure.value;
    const raw =
      measure === null ? null : typeof measure.raw === 'number' ? roundTo(measure.raw, 4) : measure.raw;
    if (isShared) {
      const existing = findWithinRun<FactorScore>(context.shared, definition.id, first, value, raw);
      if (existing !== undefined) return existing;
    }
    const score: FactorScore = {
      id: definition.id,
      axis,
      label: definition.label,
      value,
      weight,
      contribution: value === null || dataWeight === 0 ? 0 : roundTo((weight * value) / dataWeight, 2),
      raw,
      hasData: value !== null,
    };
    return isShared ? storeWithinRun(context.shared, definition.id, first, value, raw, score) : score;
  });
  return {
    value: dataWeight === 0 ? 0 : roundTo(toScale(weightedSum / dataWeight), 1),
    confidence: totalWeight === 0 ? 0 : roundTo(dataWeight / totalWeight, 3),
    factors,
  };
}
