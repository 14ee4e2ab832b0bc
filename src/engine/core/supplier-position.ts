/**
 * Supplier positioning as the key client sees us (methodology §6, source 002): two manager inputs
 * place the company in a 2×2. Rows: how significant (how risky) our supply is for the client,
 * `kam_client_dependence`; columns: the total value we give, `kam_value_delivered`.
 *
 * | significance \ value | low         | high    |
 * |----------------------|-------------|---------|
 * | high                 | managed     | partner |
 * | low                  | independent | desired |
 *
 * A position is given only when both inputs hold a known value: a missing or unreadable input
 * gives no position (the property is cleared), never a guess from the other one.
 */
import {
  POSITION_INPUT_FIELDS,
  type PositionInputField,
  type PositionInputLevel,
  type SupplierPosition,
} from './enums';
import type { DataIssue } from './values';

const CELLS: Readonly<Record<PositionInputLevel, Readonly<Record<PositionInputLevel, SupplierPosition>>>> = {
  high: { low: 'managed', high: 'partner' },
  low: { low: 'independent', high: 'desired' },
};

/** The §6 cell of a significance for the client and a value delivered; null when either is unknown. */
export function supplierPositionOf(
  clientDependence: PositionInputLevel | null,
  valueDelivered: PositionInputLevel | null,
): SupplierPosition | null {
  if (clientDependence === null || valueDelivered === null) return null;
  return CELLS[clientDependence][valueDelivered];
}

export type SupplierPositionAssessment = {
  /** The §6 cell, or null when an input is missing or unreadable. */
  position: SupplierPosition | null;
  /** Inputs with no value. */
  missing: readonly PositionInputField[];
  /** Inputs whose value is not one of `low | high` (each is also a data issue of the company). */
  invalid: readonly PositionInputField[];
};

export type PositionFacts = {
  id: string;
  clientDependence: PositionInputLevel | null;
  valueDelivered: PositionInputLevel | null;
  dataIssues: readonly DataIssue[];
};

const NONE: readonly PositionInputField[] = Object.freeze([]);

/**
 * The position of a company read by `readCompanyInput`, with why there is none: an input is
 * `invalid` when reading it raised a data issue on the company, else `missing` when it is empty.
 */
export function assessSupplierPosition(facts: PositionFacts): SupplierPositionAssessment {
  const values: Record<PositionInputField, PositionInputLevel | null> = {
    kam_client_dependence: facts.clientDependence,
    kam_value_delivered: facts.valueDelivered,
  };
  let missing: PositionInputField[] | null = null;
  let invalid: PositionInputField[] | null = null;
  for (const field of POSITION_INPUT_FIELDS) {
    if (values[field] !== null) continue;
    const unreadable = facts.dataIssues.some(
      (issue) => issue.recordType === 'company' && issue.recordId === facts.id && issue.field === field,
    );
    if (unreadable) (invalid ??= []).push(field);
    else (missing ??= []).push(field);
  }
  return {
    position: supplierPositionOf(facts.clientDependence, facts.valueDelivered),
    missing: missing ?? NONE,
    invalid: invalid ?? NONE,
  };
}

/** Counts per position, for the portfolio page and the report; companies without a position are `unset`. */
export type SupplierPositionCounts = Record<SupplierPosition | 'unset', number>;

export function countSupplierPositions(positions: Iterable<SupplierPosition | null>): SupplierPositionCounts {
  const counts: SupplierPositionCounts = { managed: 0, partner: 0, independent: 0, desired: 0, unset: 0 };
  for (const position of positions) counts[position ?? 'unset'] += 1;
  return counts;
}
