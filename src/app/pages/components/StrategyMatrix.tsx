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
import { formatCount } from '../lib/format';
import { LEVEL_LABELS, STRATEGY_LABELS } from '../lib/labels';
import type { AxisLevel, PortfolioPageView } from '@keystone/shared';

const LEVELS: readonly AxisLevel[] = ['weak', 'medium', 'strong'];

/** methodology §4: attractiveness (rows, strong first) × our position (columns, weak first). */
export function StrategyMatrix({ data }: { data: PortfolioPageView }) {
  const { cells, unplaced } = data.strategy;
  return (
    <Tile>
      <Heading>Strategy matrix</Heading>
      <Table bordered testId="kam-strategy-matrix">
        <TableHead>
          <TableRow>
            <TableHeader>Attractiveness \ our position</TableHeader>
            {LEVELS.map((level) => (
              <TableHeader key={level}>{LEVEL_LABELS[level]}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {[...LEVELS].reverse().map((attractiveness) => (
            <TableRow key={attractiveness}>
              <TableHeader>{LEVEL_LABELS[attractiveness]}</TableHeader>
              {LEVELS.map((strength) => {
                const cell = cells.find(
                  (c) => c.attractiveness === attractiveness && c.strength === strength,
                );
                return (
                  <TableCell key={strength} testId={`kam-strategy-${attractiveness}-${strength}`}>
                    {cell
                      ? `${STRATEGY_LABELS[cell.strategy] ?? cell.strategy}: ${formatCount(cell.count)}`
                      : '—'}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {unplaced > 0 && (
        <Text variant="microcopy">{formatCount(unplaced)} companies have no stored axis levels.</Text>
      )}
    </Tile>
  );
}
