import {
  Heading,
  List,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { ORGANISATION_GAPS, type PortfolioPageView } from '@keystone/shared';
import { formatAmount, formatCount } from '../lib/format';
import { GAP_LABELS } from '../lib/labels';
import { CompanyLink } from './CompanyLink';

/**
 * Issue #21, 003 organisation map: how many key accounts show each buying-centre gap
 * (`kam_buying_centre_gaps`), and the key accounts with the most. A function deployed before it
 * sends nothing; the panel is then left out.
 */
export function BuyingCentreGaps({ data, portalId }: { data: PortfolioPageView; portalId: number }) {
  if (!data.buyingCentre) return null;
  const { counts, accounts, total, keyAccounts, withGaps } = data.buyingCentre;
  return (
    <Tile>
      <Heading>Buying-centre gaps of key accounts</Heading>
      {keyAccounts === 0 ? (
        <Text testId="kam-gaps-no-keys">No key accounts yet.</Text>
      ) : (
        <>
          <Text testId="kam-gaps-summary">
            {`${formatCount(withGaps)} of ${formatCount(keyAccounts)} key accounts show a gap in their organisation map.`}
          </Text>
          {withGaps > 0 && (
            <Table bordered testId="kam-gap-counts">
              <TableHead>
                <TableRow>
                  <TableHeader>Gap</TableHeader>
                  <TableHeader align="right">Key accounts</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {ORGANISATION_GAPS.filter((gap) => counts[gap] > 0).map((gap) => (
                  <TableRow key={gap}>
                    <TableCell>{GAP_LABELS[gap]}</TableCell>
                    <TableCell align="right" testId={`kam-gap-${gap}`}>
                      {formatCount(counts[gap])}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {accounts.length > 0 && (
            <Table testId="kam-gap-table">
              <TableHead>
                <TableRow>
                  <TableHeader>Key account</TableHeader>
                  <TableHeader>Gaps</TableHeader>
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
                      <List variant="unordered">
                        {account.gaps.map((gap) => (
                          <Text key={gap}>{GAP_LABELS[gap]}</Text>
                        ))}
                      </List>
                    </TableCell>
                    <TableCell align="right">{formatAmount(account.score)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {total > accounts.length && (
            <Text variant="microcopy" testId="kam-gap-more">
              Showing the {accounts.length} with the most gaps of {formatCount(total)}.
            </Text>
          )}
          <Text variant="microcopy">
            Each scoring run writes the gaps from the contacts’ buying roles, influence, attitude and last
            contact (KAM buying-centre gaps); a company scored before that shows none yet.
          </Text>
        </>
      )}
    </Tile>
  );
}
