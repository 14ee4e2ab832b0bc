/**
 * An axis value is the weighted mean of the factors that had data (design "Data flow" 3): a
 * factor without data is left out and its weight renormalised away, and `confidence` says how
 * much of the axis' weight was backed by data. Missing data never counts as zero.
 */
import type { Axis, FactorId } from './enums';
import type { FactorContext, FactorDefinition, FactorMeasure, FactorRaw } from './factor-definition';
import { roundTo, toScale } from './numbers';
import { freezeShared, tableWithinRun, type SharedParts } from './shared-parts';
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

// The factor measures of the axis being scored: one scratch list reused by every call (scoring is
// synchronous and a measure never scores an axis), so the hot path allocates no list for them.
const measures: (FactorMeasure | null)[] = [];

/** Scores one axis from its factor table and the model's weights for it. */
export function scoreAxis(
  axis: Axis,
  definitions: readonly FactorDefinition[],
  weights: Readonly<Record<string, number>>,
  context: FactorContext,
): AxisScore {
  const count = definitions.length;
  let totalWeight = 0;
  let dataWeight = 0;
  let weightedSum = 0;
  let dataMask = 0;
  for (let index = 0; index < count; index += 1) {
    const definition = definitions[index]!;
    const weight = weights[definition.id] ?? 0;
    const measure = definition.measure(context);
    totalWeight += weight;
    if (measure !== null) {
      measure.value = roundTo(toScale(measure.value), 1);
      dataWeight += weight;
      weightedSum += weight * measure.value;
      dataMask |= 1 << index;
    }
    measures[index] = measure;
  }
  const tables = factorTablesOf(context.shared, axis);
  // sized exactly up front: the list is kept in the result
  const factors = new Array<FactorScore>(count);
  for (let index = 0; index < count; index += 1) {
    const definition = definitions[index]!;
    const measure = measures[index]!;
    measures[index] = null;
    const weight = weights[definition.id] ?? 0;
    factors[index] =
      measure === null
        ? factorWithoutData(tables, definition, axis, weight)
        : factorWithData(tables, definition, axis, weight, measure, dataMask, dataWeight);
  }
  return {
    value: axisValueOf(weightedSum, dataWeight) ?? 0,
    confidence: totalWeight === 0 ? 0 : roundTo(dataWeight / totalWeight, 3),
    factors,
  };
}

/**
 * An axis value from its factors' weighted sum and the weight of those with data: 0–100 at one
 * decimal, null when no factor had data. Scoring and re-weighing a stored breakdown both end here.
 */
export function axisValueOf(weightedSum: number, dataWeight: number): number | null {
  return dataWeight === 0 ? null : roundTo(toScale(weightedSum / dataWeight), 1);
}

/** What re-weighing needs of a scored factor (as the explanation stores it). */
export type WeighedFactor = { id: string; value: number | null; hasData: boolean };

/**
 * The axis value of already-scored factors under other weights: the same weighted mean as
 * `scoreAxis`, with each factor's value taken as it is; null when no factor had data.
 */
export function reweighAxis(
  factors: readonly WeighedFactor[],
  weights: Readonly<Record<string, number>>,
): number | null {
  let dataWeight = 0;
  let weightedSum = 0;
  for (const factor of factors) {
    if (!factor.hasData || factor.value === null) continue;
    const weight = weights[factor.id] ?? 0;
    dataWeight += weight;
    weightedSum += weight * factor.value;
  }
  return axisValueOf(weightedSum, dataWeight);
}

/**
 * The run's shared factor scores of one axis, per definition: the one without data, and those
 * with data keyed by `sharedKeyOf` (a bucket holds the scores of that key; its raw values differ).
 */
type FactorTable = { withoutData: FactorScore | null; withData: Map<number, FactorScore[]> };
type FactorTables = Map<FactorDefinition, FactorTable>;

const TABLE_KIND: Readonly<Record<Axis, string>> = {
  attractiveness: 'factor-scores-attractiveness',
  strength: 'factor-scores-strength',
};

function factorTablesOf(shared: SharedParts, axis: Axis): FactorTables {
  return tableWithinRun<FactorDefinition, FactorTable>(shared, TABLE_KIND[axis]);
}

function factorTableOf(tables: FactorTables, definition: FactorDefinition): FactorTable {
  let table = tables.get(definition);
  if (table === undefined) {
    table = { withoutData: null, withData: new Map() };
    tables.set(definition, table);
  }
  return table;
}

// a factor without data is the same in every company (the model is fixed in a run)
function factorWithoutData(
  tables: FactorTables,
  definition: FactorDefinition,
  axis: Axis,
  weight: number,
): FactorScore {
  const table = factorTableOf(tables, definition);
  table.withoutData ??= freezeShared(scoreOf(definition, axis, weight, null, null, 0));
  return table.withoutData;
}

// a few-valued factor is the same in every company with the same value, raw value and factors
// with data (they fix the weight its contribution is taken of)
function factorWithData(
  tables: FactorTables,
  definition: FactorDefinition,
  axis: Axis,
  weight: number,
  measure: FactorMeasure,
  dataMask: number,
  dataWeight: number,
): FactorScore {
  const value = measure.value;
  const raw = typeof measure.raw === 'number' ? roundTo(measure.raw, 4) : measure.raw;
  const contribution = dataWeight === 0 ? 0 : roundTo((weight * value) / dataWeight, 2);
  if (!definition.takesFewValues) return scoreOf(definition, axis, weight, value, raw, contribution);
  const buckets = factorTableOf(tables, definition).withData;
  const key = sharedKeyOf(dataMask, value);
  let bucket = buckets.get(key);
  if (bucket === undefined) {
    bucket = [];
    buckets.set(key, bucket);
  }
  for (let index = 0; index < bucket.length; index += 1) {
    const existing = bucket[index]!;
    if (existing.value === value && existing.raw === raw) return existing;
  }
  const score = freezeShared(scoreOf(definition, axis, weight, value, raw, contribution));
  bucket.push(score);
  return score;
}

/** One integer for the data mask and the value (0–100, one decimal): a single cheap lookup. */
function sharedKeyOf(dataMask: number, value: number): number {
  return dataMask * 1024 + Math.round(value * 10);
}

function scoreOf(
  definition: FactorDefinition,
  axis: Axis,
  weight: number,
  value: number | null,
  raw: FactorRaw,
  contribution: number,
): FactorScore {
  return {
    id: definition.id,
    axis,
    label: definition.label,
    value,
    weight,
    contribution,
    raw,
    hasData: value !== null,
  };
}
