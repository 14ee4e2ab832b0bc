/**
 * methodology §6: the supplier-position 2×2 of the portfolio — how many companies the clients place
 * in each cell (`kam_supplier_position`), over all scored companies and over the key accounts, and
 * how many have no position yet (the manager has not filled in both inputs).
 */
import { countSupplierPositions, type SupplierPositionCounts } from '../core/supplier-position';
import type { PortfolioCompany } from './portfolio-row';

export type SupplierPositionMatrix = {
  /** Every scored company; `unset`: no position stored. */
  all: SupplierPositionCounts;
  /** Companies whose stored tier is key. */
  key: SupplierPositionCounts;
};

export function supplierPositionMatrix(companies: readonly PortfolioCompany[]): SupplierPositionMatrix {
  return {
    all: countSupplierPositions(companies.map((company) => company.supplierPosition)),
    key: countSupplierPositions(
      companies.filter((company) => company.tier === 'key').map((company) => company.supplierPosition),
    ),
  };
}
