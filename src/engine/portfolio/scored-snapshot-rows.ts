/**
 * A snapshot scored locally, as the rows a sync would have left in HubSpot: each company's own
 * properties (KAM inputs, the stored tier and its change time), overlaid with the output values
 * the scorer wants and the tier-change trail the sync diff would write. So `kam report --snapshot`
 * and a report read from HubSpot after a sync analyse the same values.
 */
import type { CompanyRecord } from '../core/snapshot';
import type { ScoringModel } from '../settings';
import { diffOutputs } from '../sync/diff';
import { scoreWholePortfolioOneByOne } from '../sync/portfolio-scorer';
import type { PortfolioRow } from './portfolio-row';

/**
 * `companies` is read once: a snapshot file's companies parsed one by one keep only their own
 * properties in memory, not their deals, tickets, meetings and contacts. The rows are made one at
 * a time as they are asked for (once), each from a result that is then let go: a report parses
 * each row as it comes and keeps far less than the row.
 */
export function scoredSnapshotRows(
  companies: Iterable<CompanyRecord>,
  model: ScoringModel,
  now: Date,
  companyCount?: number,
): { modelVersion: string; rows: Iterable<PortfolioRow> } {
  const { modelVersion, scored, storedById } = scoreWholePortfolioOneByOne(
    companies,
    model,
    now,
    companyCount,
  );
  function* rows(): Generator<PortfolioRow> {
    for (const result of scored) {
      const stored = storedById.get(result.id) ?? {};
      yield {
        id: result.id,
        properties: { ...stored, ...result.desired, ...diffOutputs(stored, result.desired, now) },
      };
    }
  }
  return { modelVersion, rows: rows() };
}
