import { Alert, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import { formatCount, formatShare } from '../lib/format';
import type { PortfolioPageView } from '@keystone/shared';

export function PortfolioSummary({ data }: { data: PortfolioPageView }) {
  const { totals, atRisk, pareto, readStatus } = data;
  return (
    <>
      {!readStatus.complete && (
        <Alert title="Part of the portfolio" variant="warning" testId="kam-partial-read">
          These figures cover the first {formatCount(readStatus.read)} of{' '}
          {readStatus.total === null ? 'all' : formatCount(readStatus.total)} scored companies: reading more
          would pass the time HubSpot gives this page. `kam report` reads the whole portfolio.
        </Alert>
      )}
      <Statistics testId="kam-summary">
        <StatisticsItem label="Scored companies" number={formatCount(totals.companies)} />
        <StatisticsItem label="Key accounts" number={formatCount(totals.byTier.key)} />
        <StatisticsItem label="Key accounts at risk" number={formatCount(atRisk.total)} />
        <StatisticsItem label="Revenue held by class A" number={formatShare(pareto.classARevenueShare)} />
      </Statistics>
      {totals.unreadableValues > 0 && (
        <Text variant="microcopy" testId="kam-unreadable">
          {formatCount(totals.unreadableValues)} stored values could not be read and were left out.
        </Text>
      )}
    </>
  );
}
