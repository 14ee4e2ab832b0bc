import {
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import type { PortfolioPageView, SupplierPosition } from '@keystone/shared';
import { formatCount } from '../lib/format';
import { POSITION_LABELS } from '../lib/labels';

/** methodology §6: rows are our significance for the client (high first), columns the value we give. */
const GRID: readonly (readonly [string, readonly SupplierPosition[]])[] = [
  ['High significance', ['managed', 'partner']],
  ['Low significance', ['independent', 'desired']],
];

/**
 * The supplier-position 2×2 of counts: every scored company, key accounts in brackets. A function
 * deployed before positioning sends no counts; the panel is then left out.
 */
export function SupplierPositions({ data }: { data: PortfolioPageView }) {
  if (!data.positions) return null;
  const { all, key } = data.positions;
  return (
    <Tile>
      <Heading>Supplier position</Heading>
      <Table bordered testId="kam-position-matrix">
        <TableHead>
          <TableRow>
            <TableHeader>Significance for the client \ value we give</TableHeader>
            <TableHeader>Low value</TableHeader>
            <TableHeader>High value</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {GRID.map(([label, cells]) => (
            <TableRow key={label}>
              <TableHeader>{label}</TableHeader>
              {cells.map((position) => (
                <TableCell key={position} testId={`kam-position-${position}`}>
                  {`${POSITION_LABELS[position]}: ${formatCount(all[position])} (${formatCount(key[position])} key)`}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {all.unset > 0 && (
        <Text variant="microcopy" testId="kam-position-unset">
          {`${formatCount(all.unset)} companies (${formatCount(key.unset)} key accounts) have no position yet: set KAM client dependence and KAM value delivered on the company.`}
        </Text>
      )}
    </Tile>
  );
}
