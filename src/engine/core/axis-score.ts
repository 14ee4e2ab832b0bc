/**
 * An axis value is the weighted mean of the factors that had data (design "Data flow" 3): a
 * factor without data is left out and its weight renormalised away, and `confidence` says how
 * much of the axis' weight was backed by data. Missing data never counts as zero.
 */
import type { Axis, FactorId } from './enums';
import type { FactorContext, FactorDefinition, FactorRaw } from './factor-definition';
import { roundTo, toScale } from './numbers';
import type { Localised } from './text';

/** One factor of one company, with what it added to its axis (the explanation on the card). */
export type FactorScore = {
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
};

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
  const values: (number | null)[] = [];
  const raws: FactorRaw[] = [];
  let totalWeight = 0;
  let dataWeight = 0;
  let weightedSum = 0;
  for (const definition of definitions) {
    const weight = weights[definition.id] ?? 0;
    const measure = definition.measure(context);
    totalWeight += weight;
    if (measure === null) {
      values.push(null);
      raws.push(null);
      continue;
    }
    const value = roundTo(toScale(measure.value), 1);
    values.push(value);
    raws.push(typeof measure.raw === 'number' ? roundTo(measure.raw, 4) : measure.raw);
    dataWeight += weight;
    weightedSum += weight * value;
  }
  const factors: FactorScore[] = definitions.map((definition, index) => {
    const value = values[index] ?? null;
    const weight = weights[definition.id] ?? 0;
    return {
      id: definition.id,
      axis,
      label: definition.label,
      value,
      weight,
      contribution: value === null || dataWeight === 0 ? 0 : roundTo((weight * value) / dataWeight, 2),
      raw: raws[index] ?? null,
      hasData: value !== null,
    };
  });
  return {
    value: dataWeight === 0 ? 0 : roundTo(toScale(weightedSum / dataWeight), 1),
    confidence: totalWeight === 0 ? 0 : roundTo(dataWeight / totalWeight, 3),
    factors,
  };
}
