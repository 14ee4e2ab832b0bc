import {
  Accordion,
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
import { formatAmount, formatCount } from '../lib/format';
import { QUADRANT_LABELS, tierLabel } from '../lib/labels';
import type { KaismQuadrant, PortfolioPageView } from '@keystone/shared';
import { CompanyLink } from './CompanyLink';

// methodology §3: rows are attractiveness (high first), columns loyalty / our strength (low first)
const GRID: readonly [string, KaismQuadrant, KaismQuadrant][] = [
  ['High attractiveness', 'key_development', 'key_account'],
  ['Low attractiveness', 'opportunistic', 'maintenance'],
];

const QUADRANT_ORDER: readonly KaismQuadrant[] = [
  'key_account',
  'key_development',
  'maintenance',
  'opportunistic',
];

export function KaismMatrix({ data, portalId }: { data: PortfolioPageView; portalId: number }) {
  const { counts, lists, unplaced } = data.kaism;
  return (
    <Tile>
      <Heading>KAISM matrix</Heading>
      <Table bordered testId="kam-kaism-matrix">
        <TableHead>
          <TableRow>
            <TableHeader> </TableHeader>
            <TableHeader>Low loyalty / strength</TableHeader>
            <TableHeader>High loyalty / strength</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {GRID.map(([label, low, high]) => (
            <TableRow key={label}>
              <TableHeader>{label}</TableHeader>
              {[low, high].map((quadrant) => (
                <TableCell key={quadrant} testId={`kam-kaism-${quadrant}`}>
                  {QUADRANT_LABELS[quadrant]}: {formatCount(counts[quadrant])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {unplaced > 0 && (
        <Text variant="microcopy">{formatCount(unplaced)} companies have no stored quadrant.</Text>
      )}
      {QUADRANT_ORDER.map((quadrant) => (
        <Accordion
          key={quadrant}
          title={`${QUADRANT_LABELS[quadrant]} (${formatCount(counts[quadrant])})`}
          defaultOpen={quadrant === 'key_account'}
          testId={`kam-kaism-list-${quadrant}`}
        >
          {lists[quadrant].length === 0 ? (
            <Text>No companies.</Text>
          ) : (
            <Table>
              <TableHead>
                <TableRow>
                  <TableHeader>Company</TableHeader>
                  <TableHeader>Tier</TableHeader>
                  <TableHeader align="right">Score</TableHeader>
                  <TableHeader align="right">Won revenue, 12 months</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {lists[quadrant].map((company) => (
                  <TableRow key={company.id}>
                    <TableCell>
                      <CompanyLink portalId={portalId} id={company.id} name={company.name} />
                    </TableCell>
                    <TableCell>{tierLabel(company.tier)}</TableCell>
                    <TableCell align="right">{formatAmount(company.score)}</TableCell>
                    <TableCell align="right">{formatAmount(company.wonRevenueLast12Months)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {counts[quadrant] > lists[quadrant].length && (
            <Text variant="microcopy">
              Showing the {lists[quadrant].length} highest scores of {formatCount(counts[quadrant])}.
            </Text>
          )}
        </Accordion>
      ))}
    </Tile>
  );
}
