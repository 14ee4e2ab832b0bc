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
import { formatAmount, formatCount } from '../lib/format';
import type { PortfolioPageView, TierPlacesSummary } from '@keystone/shared';
import { CompanyLink } from './CompanyLink';

const placesLine = (label: string, summary: TierPlacesSummary): string =>
  summary.places === null
    ? `${label}: ${formatCount(summary.used)} (no places recorded yet: run a full sync)`
    : `${label}: ${formatCount(summary.used)} of ${formatCount(summary.places)} places`;

/**
 * Key means few (issue #16): how many of the key and important places are held, and the companies
 * just below the key line — they passed the key threshold, and are next when a key account drops out.
 */
export function TierPlaces({ data, portalId }: { data: PortfolioPageView; portalId: number }) {
  const places = data.tierPlaces;
  if (!places) return null;
  const { key, important } = places;
  return (
    <Tile>
      <Heading>Key means few</Heading>
      <Text testId="kam-places-key">{placesLine('Key accounts', key)}</Text>
      <Text testId="kam-places-important">{placesLine('Important accounts', important)}</Text>
      {key.belowLineCount === 0 ? (
        <Text testId="kam-below-line-none" variant="microcopy">
          Every company that passes the key threshold holds a key place.
        </Text>
      ) : (
        <>
          <Text testId="kam-below-line-count" variant="microcopy">
            {`${formatCount(key.belowLineCount)} ${key.belowLineCount === 1 ? 'company passes' : 'companies pass'} the key threshold but ${key.belowLineCount === 1 ? 'ranks' : 'rank'} below the line; the best of them:`}
          </Text>
          <Table testId="kam-below-line-table">
            <TableHead>
              <TableRow>
                <TableHeader>Just below the key line</TableHeader>
                <TableHeader align="right">Score</TableHeader>
                <TableHeader align="right">Won revenue, 12 months</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {key.belowLine.map((company) => (
                <TableRow key={company.id}>
                  <TableCell>
                    <CompanyLink portalId={portalId} id={company.id} name={company.name} />
                  </TableCell>
                  <TableCell align="right">
                    {company.score === null ? '—' : company.score.toFixed(1)}
                  </TableCell>
                  <TableCell align="right">
                    {company.wonRevenueLast12Months === null
                      ? '—'
                      : formatAmount(company.wonRevenueLast12Months)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Tile>
  );
}
