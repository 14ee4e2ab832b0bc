import { Button, EmptyState, ErrorState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';
import { usePortfolio } from '../hooks/use-portfolio';
import { daysBefore, formatDay } from '../lib/format';
import type { FunctionRunner } from '@keystone/shared';
import { AtRiskKeys } from './AtRiskKeys';
import { BuyingCentreGaps } from './BuyingCentreGaps';
import { TierPlaces } from './TierPlaces';
import { KaismMatrix } from './KaismMatrix';
import { ParetoSummary } from './ParetoSummary';
import { PlanCoverage } from './PlanCoverage';
import { PortfolioSummary } from './PortfolioSummary';
import { StrategyMatrix } from './StrategyMatrix';
import { SupplierPositions } from './SupplierPositions';
import { TierMovers } from './TierMovers';

export const DEFAULT_MOVERS_DAYS = 90;
export const PAGE_LIST_LIMIT = 25;

export type PortfolioPageProps = {
  portalId: number;
  runFunction: FunctionRunner;
  /** Today, for the default "movers since" date; tests pin it. */
  now?: Date;
};

/**
 * The portfolio page: the stored Keystone values of every scored company, analysed by the
 * portfolio app function (never rescored here).
 */
export function PortfolioPage({ portalId, runFunction, now }: PortfolioPageProps) {
  const [since, setSince] = useState(() => daysBefore(now ?? new Date(), DEFAULT_MOVERS_DAYS));
  const request = useMemo(() => ({ moversSince: since, listLimit: PAGE_LIST_LIMIT }), [since]);
  const { state, reload } = usePortfolio(runFunction, request);

  if (state.status === 'loading') {
    return <LoadingSpinner label="Reading the portfolio…" layout="centered" testId="kam-loading" />;
  }
  if (state.status === 'error') {
    return (
      <ErrorState title="The portfolio could not be loaded." testId="kam-error">
        <Text>
          {state.error.message} ({state.error.code})
        </Text>
        <Button onClick={reload} testId="kam-retry">
          Try again
        </Button>
      </ErrorState>
    );
  }
  const { data } = state;
  if (data.totals.companies === 0) {
    return (
      <EmptyState title="No scored companies yet" layout="vertical" testId="kam-empty">
        <Text>
          Keystone has not scored any company in this portal. Run `kam sync` (or wait for the scheduled run);
          the portfolio appears here once companies carry a key-account score.
        </Text>
        {data.totals.unscored > 0 && <Text>{data.totals.unscored} companies are waiting to be scored.</Text>}
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">
        Analysed {formatDay(data.analysedAt)} from the values the last scoring run stored.
      </Text>
      <PortfolioSummary data={data} />
      <KaismMatrix data={data} portalId={portalId} />
      <StrategyMatrix data={data} />
      <SupplierPositions data={data} />
      <TierPlaces data={data} portalId={portalId} />
      <AtRiskKeys data={data} portalId={portalId} />
      <PlanCoverage data={data} portalId={portalId} />
      <BuyingCentreGaps data={data} portalId={portalId} />
      <TierMovers data={data} portalId={portalId} since={since} onSinceChange={setSince} />
      <ParetoSummary data={data} />
    </Flex>
  );
}
