import {
  Heading,
  Statistics,
  StatisticsItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tile,
} from '@hubspot/ui-extensions';
import { formatAmount, formatCount, formatShare } from '../lib/format';
import type { PortfolioPageView } from '@keystone/shared';

const CLASSES = ['A', 'B', 'C', 'unclassified'] as const;

/** methodology §1 (003): about 20% of customers bring about 80% of the money. */
export function ParetoSummary({ data }: { data: PortfolioPageView }) {
  const { pareto } = data;
  return (
    <Tile>
      <Heading>Pareto</Heading>
      <Statistics testId="kam-pareto">
        <StatisticsItem label="Revenue held by class A" number={formatShare(pareto.classARevenueShare)} />
        <StatisticsItem label="Companies in class A" number={formatShare(pareto.classACompanyShare)} />
        <StatisticsItem
          label="Revenue of the top 20%"
          number={formatShare(pareto.top20PercentRevenueShare)}
        />
      </Statistics>
      <Table>
        <TableHead>
          <TableRow>
            <TableHeader>Class</TableHeader>
            <TableHeader align="right">Companies</TableHeader>
            <TableHeader align="right">Won revenue, 12 months</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {CLASSES.map((key) => (
            <TableRow key={key}>
              <TableCell>{key === 'unclassified' ? 'Unclassified' : `Class ${key}`}</TableCell>
              <TableCell align="right">{formatCount(pareto.classCounts[key])}</TableCell>
              <TableCell align="right">{formatAmount(pareto.classRevenue[key])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Tile>
  );
}
