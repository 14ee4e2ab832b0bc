/**
 * What `kam score-file` prints, built from one result at a time: a table row per company and
 * counts for the summary, or one pretty-printed JSON block per result. Nothing here builds one
 * string for the whole portfolio's JSON: at 100k companies it is over a gigabyte, twice V8's
 * longest string.
 */
import {
  KAISM_QUADRANT_LABELS,
  STRATEGY_LABELS,
  type CompanyScore,
  type PortfolioScore,
} from '../src/engine/core';
import type { Tier } from '../src/engine/core/enums';

/** A portfolio's result without the per-company results. */
export type PortfolioHeader = Omit<PortfolioScore, 'results'>;

/** One line of the table and what it is sorted by (best score first, then company id). */
export type TableRow = { score: number; companyId: string; line: string };

/** What the summary under the table counts. */
export type ResultCounts = {
  companies: number;
  tiers: Record<Tier, number>;
  changedTier: number;
  dataIssues: number;
  companiesWithIssues: number;
};

const TIER_ARROW = { up: '↑', down: '↓' } as const;

const COLUMNS: readonly (readonly [string, number])[] = [
  ['Company', 28],
  ['Score', 5],
  ['Tier', 26],
  ['Attr', 5],
  ['Str', 5],
  ['Conf', 4],
  ['KAISM', 21],
  ['Strategy', 26],
  ['P', 1],
  ['Risk', 12],
  ['Issues', 6],
  ['Top recommendation', 44],
];

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function line(values: readonly string[]): string {
  return values
    .map((value, index) => cell(value, COLUMNS[index]![1]))
    .join('  ')
    .trimEnd();
}

function tierText(result: CompanyScore): string {
  if (result.tierDirection === null || result.previousTier === null) return result.tier;
  return `${result.tier} ${TIER_ARROW[result.tierDirection]} (was ${result.previousTier})`;
}

export function tableRowOf(result: CompanyScore): TableRow {
  return {
    score: result.score,
    companyId: result.companyId,
    line: line([
      result.name ?? `#${result.companyId}`,
      result.score.toFixed(1),
      tierText(result),
      result.attractiveness.toFixed(1),
      result.strength.toFixed(1),
      result.confidence.toFixed(2),
      KAISM_QUADRANT_LABELS[result.kaismQuadrant].en,
      STRATEGY_LABELS[result.strategy].en,
      result.paretoClass,
      result.risk.level === 'none' ? '-' : `${result.risk.level} (${result.risk.lossStage})`,
      String(result.dataIssues.length),
      result.recommendations[0]?.title.en ?? '-',
    ]),
  };
}

export function emptyCounts(): ResultCounts {
  return {
    companies: 0,
    tiers: { key: 0, important: 0, regular: 0 },
    changedTier: 0,
    dataIssues: 0,
    companiesWithIssues: 0,
  };
}

/** Adds one result to `counts`. */
export function countResult(counts: ResultCounts, result: CompanyScore): void {
  counts.companies += 1;
  counts.tiers[result.tier] += 1;
  if (result.tierChanged) counts.changedTier += 1;
  counts.dataIssues += result.dataIssues.length;
  if (result.dataIssues.length > 0) counts.companiesWithIssues += 1;
}

/** The table for people: one line per company, best score first, then a summary. */
export function formatTable(header: PortfolioHeader, rows: TableRow[], counts: ResultCounts): string {
  rows.sort((a, b) => b.score - a.score || (a.companyId < b.companyId ? -1 : 1));
  const { pareto } = header;
  const share = (value: number) => `${Math.round(value * 100)}%`;
  const { tiers, dataIssues, companiesWithIssues } = counts;
  const lines = [line(COLUMNS.map(([title]) => title)), line(COLUMNS.map(([, width]) => '-'.repeat(width)))];
  for (const row of rows) lines.push(row.line);
  lines.push(
    '',
    `${counts.companies} companies scored at ${header.scoredAt} with model ${header.modelVersion} (home currency ${header.homeCurrency}).`,
    `Tiers: key ${tiers.key}, important ${tiers.important}, regular ${tiers.regular}; ${counts.changedTier} changed tier.`,
    `Pareto (won revenue, last 12 months): A ${pareto.companies.A} companies ${share(pareto.revenueShare.A)}, B ${pareto.companies.B} ${share(pareto.revenueShare.B)}, C ${pareto.companies.C} ${share(pareto.revenueShare.C)}.`,
    `Data issues: ${dataIssues} unusable value(s) in ${companiesWithIssues} compan${companiesWithIssues === 1 ? 'y' : 'ies'}${dataIssues > 0 ? ' (details with --json)' : ''}.`,
  );
  return lines.join('\n');
}

/*
 * The JSON is the text of JSON.stringify(portfolio, null, 2), written in pieces: the head up to
 * the results' opening bracket, each result indented into the list, then the closing brackets.
 */

/** Everything before the first result; with no results, the whole document. */
export function jsonHead(header: PortfolioHeader, resultCount: number): string {
  const whole = JSON.stringify({ ...header, results: [] }, null, 2);
  return resultCount === 0 ? whole : `${whole.slice(0, -'[]\n}'.length)}[\n`;
}

/** One result as it sits in the list; `last` leaves out the comma. */
export function jsonResult(result: CompanyScore, last: boolean): string {
  return `    ${JSON.stringify(result, null, 2).replace(/\n/g, '\n    ')}${last ? '\n' : ',\n'}`;
}

export const JSON_TAIL = '  ]\n}';
