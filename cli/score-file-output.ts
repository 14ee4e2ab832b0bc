/**
 * What `kam score-file` prints: a table for people, or the results as JSON for programs. The
 * JSON is never built as one string: at 100k companies it is 1.3 GB, more than twice V8's
 * longest string, so it is written in pieces.
 */
import {
  KAISM_QUADRANT_LABELS,
  STRATEGY_LABELS,
  type CompanyScore,
  type PortfolioScore,
} from '../src/engine/core';

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

function rowOf(result: CompanyScore): string {
  return line([
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
  ]);
}

/** The table for people: one line per company, best score first, then a summary. */
export function formatTable(portfolio: PortfolioScore): string {
  const tiers = { key: 0, important: 0, regular: 0 };
  let changed = 0;
  let issues = 0;
  let companiesWithIssues = 0;
  for (const result of portfolio.results) {
    tiers[result.tier] += 1;
    if (result.tierChanged) changed += 1;
    issues += result.dataIssues.length;
    if (result.dataIssues.length > 0) companiesWithIssues += 1;
  }
  const lines = [line(COLUMNS.map(([title]) => title)), line(COLUMNS.map(([, width]) => '-'.repeat(width)))];
  const sorted = [...portfolio.results].sort(
    (a, b) => b.score - a.score || (a.companyId < b.companyId ? -1 : 1),
  );
  for (const result of sorted) lines.push(rowOf(result));
  const { pareto } = portfolio;
  const share = (value: number) => `${Math.round(value * 100)}%`;
  lines.push(
    '',
    `${portfolio.results.length} companies scored at ${portfolio.scoredAt} with model ${portfolio.modelVersion} (home currency ${portfolio.homeCurrency}).`,
    `Tiers: key ${tiers.key}, important ${tiers.important}, regular ${tiers.regular}; ${changed} changed tier.`,
    `Pareto (won revenue, last 12 months): A ${pareto.companies.A} companies ${share(pareto.revenueShare.A)}, B ${pareto.companies.B} ${share(pareto.revenueShare.B)}, C ${pareto.companies.C} ${share(pareto.revenueShare.C)}.`,
    `Data issues: ${issues} unusable value(s) in ${companiesWithIssues} compan${companiesWithIssues === 1 ? 'y' : 'ies'}${issues > 0 ? ' (details with --json)' : ''}.`,
  );
  return lines.join('\n');
}

/**
 * The JSON goes out in pieces of about this many characters. Small on purpose: a piece stays a
 * young object (V8 puts any object over 128 KB, a two-byte string of 64K characters, straight
 * into old space). With 16 MB pieces, every piece of a 100k-company output (1.33 GB) counted
 * toward the next full collection of a heap holding every result: 74 s of the 88 s run went to
 * writing, 50 s of it in the garbage collector.
 */
const JSON_PIECE_CHARS = 32 * 1024;

/**
 * The text of JSON.stringify(portfolio, null, 2) in pieces of about `pieceChars` characters: the
 * head up to the results' opening bracket, the results indented into the list, then the closing
 * brackets.
 */
export function* jsonPieces(portfolio: PortfolioScore, pieceChars = JSON_PIECE_CHARS): Generator<string> {
  const { results, ...header } = portfolio;
  const empty = JSON.stringify({ ...header, results: [] }, null, 2);
  if (results.length === 0) {
    yield empty;
    return;
  }
  yield `${empty.slice(0, -'[]\n}'.length)}[\n`;
  let piece: string[] = [];
  let length = 0;
  for (let index = 0; index < results.length; index += 1) {
    const last = index === results.length - 1;
    const text = `    ${JSON.stringify(results[index], null, 2).replace(/\n/g, '\n    ')}${last ? '\n' : ',\n'}`;
    piece.push(text);
    length += text.length;
    if (length >= pieceChars || last) {
      yield piece.join('');
      piece = [];
      length = 0;
    }
  }
  yield '  ]\n}';
}
