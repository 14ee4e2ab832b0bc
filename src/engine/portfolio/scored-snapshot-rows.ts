/**
 * A snapshot scored locally, as the rows a sync would have left in HubSpot: each company's own
 * properties (KAM inputs, the stored tier and its change time), overlaid with the output values
 * the scorer wants and the tier-change trail the sync diff would write. So `kam report --snapshot`
 * and a report read from HubSpot after a sync analyse the same values.
 */
import type { CompanyRecord } from '../core/snapshot';
import type { ScoringModel } from '../settings';
import { diffOutputs } from '../sync/diff';
import { scoreWholePortfolio } from '../sync/portfolio-scorer';
import type { PortfolioRow } from './portfolio-row';

/**
 * `companies` is read once: a snapshot file's companies parsed one by one keep only their own
 * properties in memory, not their deals, tickets, meetings and contacts.
 */
export function scoredSnapshotRows(
  companies: Iterable<CompanyRecord>,
  model: ScoringModel,
  now: Date,
  companyCount?: number,
): { modelVersion: string; rows: PortfolioRow[] } {
  const { modelVersion, scored, storedById } = scoreWholePortfolio(companies, model, now, companyCount);
  const rows = scored.map((result): PortfolioRow => {
    const stored = storedById.get(result.id) ?? {};
    return {
      id: result.id,
      properties: { ...stored, ...result.desired, ...diffOutputs(stored, result.desired, now) },
    };
  });
  return { modelVersion, rows };
}
