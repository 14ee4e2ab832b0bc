import {
  DateInput,
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
import { formatAmount, formatCount, formatDay, fromDateParts, toDateParts } from '../lib/format';
import { tierLabel } from '../lib/labels';
import type { PortfolioPageView } from '@keystone/shared';
import { CompanyLink } from './CompanyLink';

export function TierMovers({
  data,
  portalId,
  since,
  onSinceChange,
}: {
  data: PortfolioPageView;
  portalId: number;
  since: string;
  onSinceChange: (day: string) => void;
}) {
  const { movers } = data;
  return (
    <Tile>
      <Heading>Tier movers</Heading>
      <DateInput
        name="moversSince"
        label="Since"
        format="YYYY-MM-DD"
        value={toDateParts(since)}
        onChange={(value) => {
          if (value) onSinceChange(fromDateParts(value));
        }}
        testId="kam-movers-since"
      />
      <Text testId="kam-movers-counts">
        {formatCount(movers.up)} moved up, {formatCount(movers.down)} moved down since{' '}
        {formatDay(movers.since)}.
      </Text>
      {movers.moves.length > 0 && (
        <Table testId="kam-movers-table">
          <TableHead>
            <TableRow>
              <TableHeader>Company</TableHeader>
              <TableHeader>Tier</TableHeader>
              <TableHeader>Changed</TableHeader>
              <TableHeader align="right">Won revenue, 12 months</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {movers.moves.map((move) => (
              <TableRow key={move.id}>
                <TableCell>
                  <CompanyLink portalId={portalId} id={move.id} name={move.name} />
                </TableCell>
                <TableCell>
                  {move.direction === 'up' ? '▲' : '▼'} {tierLabel(move.from)} → {tierLabel(move.to)}
                </TableCell>
                <TableCell>{formatDay(move.changedAt)}</TableCell>
                <TableCell align="right">{formatAmount(move.wonRevenueLast12Months)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {movers.total > movers.moves.length && (
        <Text variant="microcopy">
          Showing the {movers.moves.length} latest of {formatCount(movers.total)} moves.
        </Text>
      )}
    </Tile>
  );
}
