/** The human summary of a sync run. */
import type { SyncResult } from '../src/engine/sync';

const number = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`;

export function formatSyncSummary({ summary, writes }: SyncResult): string {
  const lines: string[] = [];
  const head = summary.dryRun
    ? 'kam sync (dry run, nothing written)'
    : summary.resumed
      ? 'kam sync (resumed)'
      : 'kam sync';
  lines.push(`${head} — model ${summary.modelVersion}, as of ${summary.now}`);
  lines.push(
    `  companies scored:    ${number(summary.companiesScored)} (read ${number(summary.companiesRead)})`,
  );
  if (summary.dryRun) {
    lines.push(
      `  would change:        ${plural(writes.length, 'company', 'companies')}, ${plural(
        writes.reduce((s, w) => s + Object.keys(w.properties).length, 0),
        'property',
        'properties',
      )}`,
    );
  } else {
    lines.push(`  companies changed:   ${number(summary.companiesChanged)}`);
    lines.push(`  properties written:  ${number(summary.propertiesWritten)}`);
  }
  const tiers = summary.tierChanges;
  lines.push(`  tier changes:        ${tiers.up} up, ${tiers.down} down, ${tiers.new} first assignments`);
  const calls = Object.entries(summary.calls.calls).sort((a, b) => b[1] - a[1]);
  lines.push(
    `  API calls:           ${number(summary.calls.totalCalls)} (retries ${summary.calls.retries}, 429s absorbed ${summary.calls.rateLimited}${summary.calls.rateLimited > 0 ? `; window margin now ${summary.calls.safetyMarginMs} ms` : ''})`,
  );
  for (const [endpoint, count] of calls) lines.push(`    ${String(count).padStart(6)}  ${endpoint}`);
  lines.push(`  time:                ${(summary.durationMs / 1000).toFixed(1)} s`);
  if (summary.unknownCompanyIds.length > 0)
    lines.push(`  unknown company ids: ${summary.unknownCompanyIds.join(', ')}`);
  if (summary.missingRecords > 0)
    lines.push(`  associated records listed but gone: ${summary.missingRecords}`);
  for (const failure of summary.writeFailures)
    lines.push(`  NOT WRITTEN ${failure.ids.join(', ')}: ${failure.message ?? 'unknown error'}`);
  if (summary.dryRun) {
    for (const write of writes.slice(0, 20)) {
      lines.push(
        `  ${write.id}: ${Object.entries(write.properties)
          .filter(([k]) => k !== 'kam_explanation')
          .map(([k, v]) => `${k}=${v.length > 40 ? `${v.slice(0, 37)}…` : v}`)
          .join(' ')}`,
      );
    }
    if (writes.length > 20) lines.push(`  … and ${writes.length - 20} more`);
  }
  return lines.join('\n');
}
