/**
 * A snapshot scored locally, as the rows a sync would have left in HubSpot: each company's own
 * properties (KAM inputs, the stored tier and its change time), overlaid with the output values
 * the scorer wants and the tier-change trail the sync diff would write. So `kam report --snapshot`
 * and a report read from HubSpot after a sync analyse the same values.
 */
import type { CompanyRecord } from '../core/snapshot';
import { diffOutputs } from '../sync/diff';
import type { PortfolioScorer } from '../sync/sync-run';
import type { PortfolioRow } from './portfolio-row';

export function scoredSnapshotRows(
  companies: readonly CompanyRecord[],
  scorer: PortfolioScorer,
  now: Date,
): { modelVersion: string; rows: PortfolioRow[] } {
  const { modelVersion, scored } = scorer([...companies], { now, paretoFromStored: false });
  const byId = new Map(companies.map((company) => [company.id, company]));
  const rows = scored.map((result): PortfolioRow => {
    const stored = byId.get(result.id)?.properties ?? {};
    return {
      id: result.id,
      properties: { ...stored, ...result.desired, ...diffOutputs(stored, result.desired, now) },
    };
  });
  return { modelVersion, rows };
}
