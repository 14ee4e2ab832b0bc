import {
  Heading,
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
import type { PlanStatus, PortfolioPageView } from '@keystone/shared';
import { formatAmount, formatCount } from '../lib/format';
import { PLAN_STATUS_LABELS } from '../lib/labels';
import { CompanyLink } from './CompanyLink';

/** Worst first, the order the function lists the accounts in. */
const STATUS_ORDER: readonly PlanStatus[] = ['none', 'overdue', 'review_due', 'current'];

const TAG_VARIANT: Record<PlanStatus, 'danger' | 'warning' | 'info' | 'success'> = {
  none: 'danger',
  overdue: 'warning',
  review_due: 'info',
  current: 'success',
};

/**
 * Issue #21: account development plans of the key accounts (`kam_plan_status`), and the key
 * accounts without a current one. A function deployed before plan coverage sends nothing; the
 * panel is then left out.
 */
export function PlanCoverage({ data, portalId }: { data: PortfolioPageView; portalId: number }) {
  if (!data.plans) return null;
  const { counts, accounts, total, keyAccounts } = data.plans;
  return (
    <Tile>
      <Heading>Account plans of key accounts</Heading>
      {keyAccounts === 0 ? (
        <Text testId="kam-plans-no-keys">No key accounts yet.</Text>
      ) : (
        <>
          <Table bordered testId="kam-plan-counts">
            <TableBody>
              <TableRow>
                {STATUS_ORDER.map((status) => (
                  <TableCell key={status} testId={`kam-plan-${status}`}>
                    {`${PLAN_STATUS_LABELS[status]}: ${formatCount(counts[status])}`}
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
          {counts.not_computed > 0 && (
            <Text variant="microcopy" testId="kam-plan-not-computed">
              {`${formatCount(counts.not_computed)} of ${formatCount(keyAccounts)} key accounts have no plan status yet: no scoring run with account plans has written it.`}
            </Text>
          )}
          {accounts.length === 0 ? (
            <Text testId="kam-plans-all-current">
              Every key account with a plan status has a current plan.
            </Text>
          ) : (
            <Table testId="kam-plan-table">
              <TableHead>
                <TableRow>
                  <TableHeader>Key account</TableHeader>
                  <TableHeader>Plan</TableHeader>
                  <TableHeader align="right">Score</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {accounts.map((account) => (
                  <TableRow key={account.id}>
                    <TableCell>
                      <CompanyLink portalId={portalId} id={account.id} name={account.name} />
                    </TableCell>
                    <TableCell>
                      <StatusTag variant={TAG_VARIANT[account.planStatus]}>
                        {PLAN_STATUS_LABELS[account.planStatus]}
                      </StatusTag>
                    </TableCell>
                    <TableCell align="right">{formatAmount(account.score)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {total > accounts.length && (
            <Text variant="microcopy" testId="kam-plan-more">
              Showing the {accounts.length} most urgent of {formatCount(total)} key accounts without a current
              plan.
            </Text>
          )}
        </>
      )}
    </Tile>
  );
}
