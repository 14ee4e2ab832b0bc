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
import { PORTFOLIO_PROPERTIES, type PortfolioRow } from './portfolio-row';

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

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
): { modelVersion: string; rows: Iterable<PortfolioRow> } {
  const { modelVersion, scored, storedById } = scoreWholePortfolioOneByOne(companies, model, now);
  function* rows(): Generator<PortfolioRow> {
    for (const result of scored) {
      const stored = storedById.get(result.id) ?? {};
      const written = diffOutputs(stored, result.desired, now);
      // what HubSpot would return after the sync: the diff's writes over the desired values over
      // what was stored, for exactly the properties a report reads from HubSpot
      const properties: Record<string, string | null> = {};
      for (const name of PORTFOLIO_PROPERTIES) {
        const value = hasOwn(written, name)
          ? written[name]
          : hasOwn(result.desired, name)
            ? result.desired[name]
            : stored[name];
        if (value !== undefined) properties[name] = value;
      }
      yield { id: result.id, properties };
    }
  }
  return { modelVersion, rows: rows() };
}
