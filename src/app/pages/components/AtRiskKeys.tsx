import {
  Heading,
  List,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { formatAmount, formatCount, formatShare } from '../lib/format';
import { RISK_LABELS } from '../lib/labels';
import type { PortfolioPageView, RiskLevel } from '@keystone/shared';
import { CompanyLink } from './CompanyLink';

const TAG_VARIANT: Record<RiskLevel, 'danger' | 'warning' | 'info' | 'success'> = {
  critical: 'danger',
  at_risk: 'warning',
  watch: 'info',
  none: 'success',
};

/** methodology §8: key accounts with signs of the stages of losing a key client. */
export function AtRiskKeys({ data, portalId }: { data: PortfolioPageView; portalId: number }) {
  const { atRisk } = data;
  return (
    <Tile>
      <Heading>Key accounts at risk</Heading>
      {atRisk.accounts.length === 0 ? (
        <Text testId="kam-at-risk-none">No key account is at risk.</Text>
      ) : (
        <Table testId="kam-at-risk-table">
          <TableHead>
            <TableRow>
              <TableHeader>Key account</TableHeader>
              <TableHeader>Risk</TableHeader>
              <TableHeader>Signals</TableHeader>
              <TableHeader align="right">Won revenue, 12 months</TableHeader>
              <TableHeader align="right">Growth</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {atRisk.accounts.map((account) => (
              <TableRow key={account.id}>
                <TableCell>
                  <CompanyLink portalId={portalId} id={account.id} name={account.name} />
                </TableCell>
                <TableCell>
                  <StatusTag variant={TAG_VARIANT[account.riskLevel]}>
                    {RISK_LABELS[account.riskLevel]}
                    {account.lossStage ? ` · stage ${account.lossStage}` : ''}
                  </StatusTag>
                </TableCell>
                <TableCell>
                  {account.signals.length === 0 ? (
                    '—'
                  ) : (
                    <List variant="unordered">
                      {account.signals.map((signal) => (
                        <Text key={signal}>{signal}</Text>
                      ))}
                    </List>
                  )}
                </TableCell>
                <TableCell align="right">{formatAmount(account.wonRevenueLast12Months)}</TableCell>
                <TableCell align="right">{formatShare(account.growth, true)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {atRisk.total > atRisk.accounts.length && (
        <Text variant="microcopy">
          Showing the {atRisk.accounts.length} most urgent of {formatCount(atRisk.total)}.
        </Text>
      )}
    </Tile>
  );
}
