/**
 * `kam report`'s HTML: one self-contained file (ECharts inlined, data embedded, no network) with
 * the KAISM scatter, the Pareto curve, the key group's yearly volume and the tier movements, plus
 * the tables a head of key-account management works from: quadrants, the 3×3 strategy matrix, key
 * accounts at risk, plan coverage and buying-centre gaps of the key accounts (issue #21) and the
 * declining key-account analysis (methodology §9).
 */
import {
  AXIS_LEVELS,
  ORGANISATION_GAPS,
  type AxisLevel,
  type KaismQuadrant,
  type PlanStatus,
  type SupplierPosition,
} from '../core/enums';
import {
  TIERS_OR_NONE,
  type DecliningAccount,
  type PortfolioAnalysis,
  type PortfolioCompany,
  type TierOrNone,
} from '../portfolio';
import { buildChartData, type ChartDataOptions } from './chart-data';
import { CHART_SCRIPT } from './chart-script';
import { escapeHtml, formatAmount, formatDate, formatShare, jsonForScript } from './format';
import { optionLabel, planStatusLabel } from './labels';

export type ReportInput = {
  analysis: PortfolioAnalysis;
  /** Every analysed company, for the scatter. */
  companies: readonly PortfolioCompany[];
  /** The minified ECharts build, inlined so the file works offline. */
  echartsSource: string;
  /** Where the data came from, e.g. "HubSpot (api.hubapi.com)" or "snapshot portfolio.json". */
  sourceLabel: string;
  title?: string;
  /** When given, company names link to their HubSpot record. */
  recordUrl?: (companyId: string) => string;
  /** Rows shown per long table; the rest are counted. */
  tableRowLimit?: number;
} & ChartDataOptions;

const h = escapeHtml;

const LEVEL_NAMES: Record<AxisLevel, string> = { weak: 'Weak', medium: 'Medium', strong: 'Strong' };

const QUADRANT_GRID: readonly (readonly KaismQuadrant[])[] = [
  ['key_development', 'key_account'],
  ['opportunistic', 'maintenance'],
];

function companyName(input: ReportInput, id: string, name: string | null): string {
  const label = h(name ?? `Company ${id}`);
  return input.recordUrl ? `<a href="${h(input.recordUrl(id))}">${label}</a>` : label;
}

function list(items: readonly string[]): string {
  return items.length ? `<ul>${items.map((item) => `<li>${h(item)}</li>`).join('')}</ul>` : '—';
}

function more(total: number, shown: number, noun: string): string {
  return total > shown ? `<p class="note">…and ${formatAmount(total - shown)} more ${noun}.</p>` : '';
}

function summary(analysis: PortfolioAnalysis): string {
  const { totals, atRisk, pareto, declining } = analysis;
  const cards: [string, string, string][] = [
    ['Companies analysed', formatAmount(totals.companies), `${formatAmount(totals.unscored)} not scored yet`],
    ['Key accounts', formatAmount(totals.byTier.key), `${formatAmount(totals.byTier.important)} important`],
    [
      'Key accounts at risk',
      formatAmount(atRisk.accounts.length),
      `risk “${optionLabel('kam_risk_level', atRisk.minimumLevel)}” or worse`,
    ],
    [
      'Revenue held by class A',
      formatShare(pareto.classARevenueShare),
      `${formatAmount(pareto.classCounts.A)} companies`,
    ],
    [
      'Declining key accounts',
      formatAmount(declining.accounts.length),
      `${declining.stoppedCount} stopped, ${declining.declinedCount} cut`,
    ],
  ];
  const issues =
    totals.unreadableValues + totals.rejectedRows > 0
      ? `<p class="note">${formatAmount(totals.unreadableValues)} stored values could not be read and were left out; ${formatAmount(totals.rejectedRows)} rows were not company records.</p>`
      : '';
  return `<section class="cards">${cards
    .map(
      ([label, value, detail]) =>
        `<div class="card"><div class="label">${h(label)}</div><div class="value">${h(value)}</div><div class="detail">${h(detail)}</div></div>`,
    )
    .join('')}</section>${issues}`;
}

function kaismSection(input: ReportInput): string {
  const { kaism } = input.analysis;
  const cell = (quadrant: KaismQuadrant): string => {
    const top = kaism.lists[quadrant].slice(0, 5);
    const names = top.map((company) => `<li>${companyName(input, company.id, company.name)}</li>`).join('');
    return `<td class="quadrant q-${quadrant}"><div class="q-name">${h(optionLabel('kam_quadrant', quadrant))}</div><div class="q-count">${formatAmount(kaism.counts[quadrant])}</div><ol>${names}</ol></td>`;
  };
  const rows = QUADRANT_GRID.map(
    (row, index) =>
      `<tr><th scope="row">${index === 0 ? 'High' : 'Low'} attractiveness</th>${row.map(cell).join('')}</tr>`,
  ).join('');
  const unplaced =
    kaism.unplaced > 0
      ? `<p class="note">${formatAmount(kaism.unplaced)} companies have no stored quadrant.</p>`
      : '';
  return `<section><h2>KAISM matrix <span class="cite">methodology §3</span></h2>
<div class="chart" id="chart-kaism" role="img" aria-label="Every company by relationship strength and customer attractiveness, coloured by tier"></div>
<table class="matrix"><thead><tr><th></th><th>Low loyalty / strength</th><th>High loyalty / strength</th></tr></thead><tbody>${rows}</tbody></table>${unplaced}</section>`;
}

function strategySection(analysis: PortfolioAnalysis): string {
  const { cells, unplaced } = analysis.strategy;
  const header = AXIS_LEVELS.map((level) => `<th>${LEVEL_NAMES[level]} position</th>`).join('');
  const rows = [...AXIS_LEVELS]
    .reverse()
    .map((attractiveness) => {
      const row = cells.filter((cell) => cell.attractiveness === attractiveness);
      return `<tr><th scope="row">${LEVEL_NAMES[attractiveness]} attractiveness</th>${row
        .map(
          (cell) =>
            `<td><div class="q-count">${formatAmount(cell.count)}</div><div>${h(optionLabel('kam_strategy', cell.strategy))}</div></td>`,
        )
        .join('')}</tr>`;
    })
    .join('');
  const note =
    unplaced > 0 ? `<p class="note">${formatAmount(unplaced)} companies have no stored axis levels.</p>` : '';
  return `<section><h2>Strategy matrix <span class="cite">methodology §4</span></h2><table class="matrix"><thead><tr><th></th>${header}</tr></thead><tbody>${rows}</tbody></table>${note}</section>`;
}

/** methodology §6: rows are our significance for the client (high first), columns the value we give. */
const POSITION_GRID: readonly (readonly [string, readonly SupplierPosition[]])[] = [
  ['High significance for the client', ['managed', 'partner']],
  ['Low significance for the client', ['independent', 'desired']],
];

function positionSection(analysis: PortfolioAnalysis): string {
  const { all, key } = analysis.positions;
  const rows = POSITION_GRID.map(
    ([label, cells]) =>
      `<tr><th scope="row">${h(label)}</th>${cells
        .map(
          (position) =>
            `<td><div class="q-name">${h(optionLabel('kam_supplier_position', position))}</div><div class="q-count">${formatAmount(all[position])}</div><div>${formatAmount(key[position])} key accounts</div></td>`,
        )
        .join('')}</tr>`,
  ).join('');
  const note = `<p class="note">${formatAmount(all.unset)} companies (${formatAmount(key.unset)} key accounts) have no position: set <code>kam_client_dependence</code> and <code>kam_value_delivered</code> on the company.</p>`;
  return `<section id="supplier-position"><h2>Supplier position <span class="cite">methodology §6</span></h2><table class="matrix"><thead><tr><th></th><th>Low value we give</th><th>High value we give</th></tr></thead><tbody>${rows}</tbody></table>${note}</section>`;
}

/** Worst first, as the list is ordered. */
const PLAN_STATUS_ORDER: readonly PlanStatus[] = ['none', 'overdue', 'review_due', 'current'];

/** Issue #21: account development plans of the key accounts, and those without a current one. */
function plansSection(input: ReportInput, limit: number): string {
  const { plans } = input.analysis;
  const cells = PLAN_STATUS_ORDER.map(
    (status) =>
      `<td><div class="q-name">${h(planStatusLabel(status))}</div><div class="q-count">${formatAmount(plans.counts[status])}</div></td>`,
  ).join('');
  const notComputed =
    plans.counts.not_computed > 0
      ? `<p class="note">${formatAmount(plans.counts.not_computed)} of ${formatAmount(plans.keyAccounts)} key accounts have no plan status yet (<code>kam_plan_status</code> empty): no scoring run with account plans has written it.</p>`
      : '';
  const rows = plans.accounts
    .slice(0, limit)
    .map(
      (account) =>
        `<tr><td>${companyName(input, account.id, account.name)}</td><td class="plan-${account.planStatus}">${h(planStatusLabel(account.planStatus))}</td><td class="num">${formatScore(account.score)}</td><td class="num">${formatAmount(account.wonRevenueLast12Months)}</td></tr>`,
    )
    .join('');
  const table = plans.accounts.length
    ? `<table><thead><tr><th>Key account</th><th>Plan</th><th class="num">Score</th><th class="num">Won revenue, 12 months</th></tr></thead><tbody>${rows}</tbody></table>${more(plans.accounts.length, limit, 'accounts')}`
    : '<p class="empty">No key account is known to lack a current plan.</p>';
  const body =
    plans.keyAccounts === 0
      ? '<p class="empty">No key accounts.</p>'
      : `<table class="matrix"><tbody><tr>${cells}</tr></tbody></table>${notComputed}${table}`;
  return `<section id="plan-coverage"><h2>Account plans of key accounts <span class="cite">methodology §10</span></h2>${body}</section>`;
}

/** Issue #21, 003 organisation map: buying-centre gaps among the key accounts. */
function buyingCentreSection(input: ReportInput, limit: number): string {
  const { buyingCentre } = input.analysis;
  if (buyingCentre.keyAccounts === 0)
    return '<section id="buying-centre-gaps"><h2>Buying-centre gaps of key accounts <span class="cite">003</span></h2><p class="empty">No key accounts.</p></section>';
  const counts = ORGANISATION_GAPS.filter((gap) => buyingCentre.counts[gap] > 0)
    .map(
      (gap) =>
        `<tr><td>${h(optionLabel('kam_buying_centre_gaps', gap))}</td><td class="num">${formatAmount(buyingCentre.counts[gap])}</td></tr>`,
    )
    .join('');
  const rows = buyingCentre.accounts
    .slice(0, limit)
    .map(
      (account) =>
        `<tr><td>${companyName(input, account.id, account.name)}</td><td class="reasons">${list(account.gaps.map((gap) => optionLabel('kam_buying_centre_gaps', gap)))}</td><td class="num">${formatScore(account.score)}</td></tr>`,
    )
    .join('');
  const tables = buyingCentre.withGaps
    ? `<table><thead><tr><th>Gap</th><th class="num">Key accounts</th></tr></thead><tbody>${counts}</tbody></table>
<table><thead><tr><th>Key account</th><th>Gaps</th><th class="num">Score</th></tr></thead><tbody>${rows}</tbody></table>${more(buyingCentre.accounts.length, limit, 'accounts')}`
    : '';
  return `<section id="buying-centre-gaps"><h2>Buying-centre gaps of key accounts <span class="cite">003</span></h2>
<p>${formatAmount(buyingCentre.withGaps)} of ${formatAmount(buyingCentre.keyAccounts)} key accounts show a gap in their organisation map (<code>kam_buying_centre_gaps</code>, written by each scoring run from the contacts' buying roles, influence, attitude and last contact; a company not scored since shows none).</p>${tables}</section>`;
}

function paretoSection(analysis: PortfolioAnalysis): string {
  const { pareto } = analysis;
  const rows = (['A', 'B', 'C', 'unclassified'] as const)
    .map(
      (key) =>
        `<tr><td>${key === 'unclassified' ? 'Unclassified' : `Class ${key}`}</td><td class="num">${formatAmount(pareto.classCounts[key])}</td><td class="num">${formatAmount(pareto.classRevenue[key])}</td><td class="num">${formatShare(pareto.totalRevenue > 0 ? pareto.classRevenue[key] / pareto.totalRevenue : null)}</td></tr>`,
    )
    .join('');
  return `<section><h2>Pareto <span class="cite">methodology §1</span></h2>
<p>Class A holds <strong>${formatShare(pareto.classARevenueShare)}</strong> of won revenue in the last 12 months with ${formatShare(pareto.classACompanyShare)} of the companies; the top 20% of companies hold ${formatShare(pareto.top20PercentRevenueShare)}.</p>
<div class="chart" id="chart-pareto" role="img" aria-label="Cumulative share of revenue against share of companies"></div>
<table><thead><tr><th>Class</th><th class="num">Companies</th><th class="num">Won revenue, 12 months</th><th class="num">Share</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function volumeSection(analysis: PortfolioAnalysis): string {
  const { declining } = analysis;
  const rows = declining.years
    .map(
      (year) =>
        `<tr><td>${year.year}</td><td class="num">${formatAmount(year.revenue)}</td><td class="num">${formatShare(year.changeFromPreviousYear, { signed: true })}</td><td class="num">${year.buyingAccounts}</td></tr>`,
    )
    .join('');
  const ytd = declining.yearToDate
    ? `<tr class="partial"><td>${declining.yearToDate.year} to date</td><td class="num">${formatAmount(declining.yearToDate.revenue)}</td><td class="num">—</td><td class="num">${declining.yearToDate.buyingAccounts}</td></tr>`
    : '';
  return `<section><h2>Volume of the key group <span class="cite">methodology §9 step 1</span></h2>
<p>The key group: ${formatAmount(declining.keyGroupByReason.tier)} key accounts, ${formatAmount(declining.keyGroupByReason.previous_tier)} that were key before their last tier change and ${formatAmount(declining.keyGroupByReason.volume)} that made up the top ${formatShare(declining.options.keyVolumeShare)} of portfolio volume in at least two of these years; ${formatAmount(declining.keyGroupWithHistory)} of the ${formatAmount(declining.keyGroupSize)} have yearly revenue stored. Over the window their volume changed by <strong>${formatShare(declining.changeOverWindow, { signed: true })}</strong>.</p>
<div class="chart" id="chart-volume" role="img" aria-label="Yearly won revenue of the key group"></div>
<table><thead><tr><th>Year</th><th class="num">Won revenue</th><th class="num">Change</th><th class="num">Key accounts buying</th></tr></thead><tbody>${rows}${ytd}</tbody></table></section>`;
}

function moversSection(input: ReportInput, limit: number): string {
  const { movers } = input.analysis;
  const rows = movers.moves
    .slice(0, limit)
    .map(
      (move) =>
        `<tr><td>${companyName(input, move.id, move.name)}</td><td>${h(optionLabel('kam_tier', move.from))} → ${h(optionLabel('kam_tier', move.to))}</td><td class="${move.direction}">${move.direction === 'up' ? '▲ up' : '▼ down'}</td><td>${formatDate(move.changedAt)}</td><td class="num">${formatAmount(move.wonRevenueLast12Months)}</td></tr>`,
    )
    .join('');
  const table = movers.moves.length
    ? `<table><thead><tr><th>Company</th><th>Tier</th><th>Direction</th><th>Changed</th><th class="num">Won revenue, 12 months</th></tr></thead><tbody>${rows}</tbody></table>${more(movers.moves.length, limit, 'moves')}`
    : '<p class="empty">No tier changes in this period.</p>';
  return `<section><h2>Tier movements since ${formatDate(movers.since)}</h2>
<p>${movers.up} moved up, ${movers.down} moved down.</p>
<div class="chart chart-short" id="chart-movers" role="img" aria-label="Tier moves per month"></div>${table}</section>`;
}

const tierName = (tier: TierOrNone): string =>
  tier === 'none' ? 'Not scored' : optionLabel('kam_tier', tier);

const formatScore = (score: number | null): string => (score === null ? '—' : score.toFixed(1));

/** Movement between `--from` and `--to` from HubSpot property history; empty when not asked for. */
function betweenDatesSection(input: ReportInput, limit: number): string {
  const movement = input.analysis.betweenDates;
  if (movement === undefined) return '';
  const header = TIERS_OR_NONE.map((to) => `<th class="num">${h(tierName(to))}</th>`).join('');
  const matrixRows = TIERS_OR_NONE.map(
    (from) =>
      `<tr><th scope="row">${h(tierName(from))}</th>${TIERS_OR_NONE.map(
        (to) =>
          `<td class="num${from !== to && movement.matrix[from][to] > 0 ? ' moved' : ''}">${formatAmount(movement.matrix[from][to])}</td>`,
      ).join('')}</tr>`,
  ).join('');
  const rows = movement.moved
    .slice(0, limit)
    .map(
      (row) =>
        `<tr><td>${companyName(input, row.id, row.name)}</td><td>${h(tierName(row.fromTier))}</td><td>${h(tierName(row.toTier))}</td><td class="num">${formatScore(row.fromScore)}</td><td class="num">${formatScore(row.toScore)}</td></tr>`,
    )
    .join('');
  const table = movement.moved.length
    ? `<table><thead><tr><th>Company</th><th>Tier on ${formatDate(movement.from)}</th><th>Tier on ${formatDate(movement.to)}</th><th class="num">Score then</th><th class="num">Score at the end</th></tr></thead><tbody>${rows}</tbody></table>${more(movement.moved.length, limit, 'companies')}`
    : '<p class="empty">No company changed tier between these dates.</p>';
  return `<section id="between-dates"><h2>Movement between ${formatDate(movement.from)} and ${formatDate(movement.to)}</h2>
<p>Tiers of the ${formatAmount(movement.companies)} scored companies at both dates, from HubSpot's property history of <code>kam_tier</code> and <code>kam_score</code> (the newest value at or before each date). ${formatAmount(movement.moved.length)} changed tier.</p>
<table class="matrix transitions"><thead><tr><th>From ↓ / to →</th>${header}</tr></thead><tbody>${matrixRows}</tbody></table>
${table}</section>`;
}

function atRiskSection(input: ReportInput, limit: number): string {
  const { atRisk } = input.analysis;
  const rows = atRisk.accounts
    .slice(0, limit)
    .map(
      (account) =>
        `<tr><td>${companyName(input, account.id, account.name)}</td><td class="risk-${account.riskLevel}">${h(optionLabel('kam_risk_level', account.riskLevel))}${account.lossStage ? ` · stage ${account.lossStage}` : ''}</td><td class="reasons">${list(account.signals)}</td><td class="num">${formatAmount(account.wonRevenueLast12Months)}</td><td class="num">${formatShare(account.growth, { signed: true })}</td></tr>`,
    )
    .join('');
  const body = atRisk.accounts.length
    ? `<table><thead><tr><th>Key account</th><th>Risk</th><th>Signals</th><th class="num">Won revenue, 12 months</th><th class="num">Growth</th></tr></thead><tbody>${rows}</tbody></table>${more(atRisk.accounts.length, limit, 'accounts')}`
    : '<p class="empty">No key account is at risk.</p>';
  return `<section><h2>Key accounts at risk <span class="cite">methodology §8</span></h2>${body}</section>`;
}

function economicsCells(account: DecliningAccount): string {
  const { economics } = account;
  const verdict =
    economics.cheaper === null ? 'no cost input' : economics.cheaper === 'retain' ? 'retain' : 'win new';
  return `<td class="num">${formatAmount(economics.retainCost)}</td><td class="num">${formatAmount(economics.winNewCost)}</td><td>${verdict}</td>`;
}

function decliningSection(input: ReportInput, limit: number): string {
  const { declining } = input.analysis;
  const { options, economicsTotals } = declining;
  const rows = declining.accounts
    .slice(0, limit)
    .map((account) => {
      const tier =
        account.keyGroupReason === 'previous_tier'
          ? `${h(optionLabel('kam_tier', account.tier))} (was key)`
          : account.keyGroupReason === 'volume'
            ? `${h(optionLabel('kam_tier', account.tier))} (key by volume)`
            : h(optionLabel('kam_tier', account.tier));
      const change =
        account.status === 'stopped' ? 'stopped buying' : formatShare(account.change, { signed: true });
      return `<tr><td>${companyName(input, account.id, account.name)}</td><td>${tier}</td><td class="down">${change}</td><td class="num">${formatAmount(account.baselineRevenue)} → ${formatAmount(account.recentRevenue)}</td><td class="reasons">${list(account.dataReasons)}</td><td>${account.lossReason ? h(optionLabel('kam_loss_reason', account.lossReason)) : '<span class="muted">not entered</span>'}</td>${economicsCells(account)}</tr>`;
    })
    .join('');
  const table = declining.accounts.length
    ? `<div class="scroll"><table class="declining"><thead><tr><th>Key account</th><th>Tier</th><th>Change</th><th class="num">Volume before → now</th><th>What the data shows</th><th>Loss reason (KAM)</th><th class="num">Retain: 1 year's cost to serve</th><th class="num">Win the volume anew</th><th>Cheaper</th></tr></thead><tbody>${rows}</tbody></table></div>${more(declining.accounts.length, limit, 'accounts')}`
    : '<p class="empty">No key account stopped buying or cut its volume past the threshold.</p>';
  const totals =
    economicsTotals.accountsWithCostInput > 0
      ? `<p>For the ${economicsTotals.accountsWithCostInput} accounts with a cost to serve: keeping them costs about <strong>${formatAmount(economicsTotals.retainCost)}</strong> a year; winning new customers worth their volume would cost about <strong>${formatAmount(economicsTotals.winNewCost)}</strong>.${economicsTotals.accountsWithoutCostInput > 0 ? ` ${economicsTotals.accountsWithoutCostInput} accounts have no cost to serve entered.` : ''}</p>`
      : '<p class="note">No listed account has a cost to serve entered (<code>kam_annual_cost_to_serve</code>), so retention cannot be compared with winning new business.</p>';
  return `<section><h2>Declining key accounts <span class="cite">methodology §9 steps 2, 3, 6</span></h2>
<p>Key accounts (now or before) that stopped buying or cut their volume by ${formatShare(options.declineThreshold)} or more: ${declining.stoppedCount} stopped, ${declining.declinedCount} cut. Change is the last 12 months against the 12 before, or the last two complete years where those figures are missing.</p>
${table}${totals}
<p class="note">Assumptions: the cost to retain is one year of the account's cost to serve (<code>kam_annual_cost_to_serve</code>, relationship costs included). The cost to win the volume anew assumes winning new customers costs ${options.acquisitionCostPerRevenue} per unit of yearly revenue they bring (<code>--acquisition-cost-per-revenue</code>); set it from your own sales and marketing spend.</p></section>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2530; --muted: #5f6b7a; --line: #dde2e8; --key: #0b6e4f; --warn: #c0392b; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: var(--muted); }
main { padding: 16px 32px 48px; max-width: 1280px; margin: 0 auto; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
h2 { font-size: 17px; margin: 0 0 12px; }
.cite { font-weight: normal; font-size: 12px; color: var(--muted); margin-left: 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; background: none; border: 0; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 26px; font-weight: 600; }
.card .detail { color: var(--muted); font-size: 12px; }
.chart { width: 100%; height: 420px; }
.chart-short { height: 280px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; font-size: 12px; color: var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.matrix th[scope='row'] { width: 16%; }
th.num { white-space: normal; }
.reasons { min-width: 260px; }
.scroll { overflow-x: auto; }
.reasons ul { margin: 0; padding-left: 16px; }
.quadrant ol { margin: 6px 0 0; padding-left: 18px; font-size: 12px; }
.q-name { font-weight: 600; }
.q-count { font-size: 22px; font-weight: 600; }
.q-key_account { background: #e8f3ee; }
.up { color: var(--key); }
.down, .risk-critical { color: var(--warn); }
.risk-at_risk { color: #b9770e; }
.plan-none { color: var(--warn); }
.plan-overdue { color: #b9770e; }
.transitions td.moved { font-weight: 600; background: #fdf3e1; }
.partial td { color: var(--muted); font-style: italic; }
.note, .muted { color: var(--muted); font-size: 12px; }
.empty { color: var(--muted); }
a { color: #0b5cad; }
code { font-size: 12px; }
@media print { body { background: #fff; } section { break-inside: avoid; } }
`;

/**
 * Builds the self-contained HTML report.
 *
 * @example
 * const html = buildReportHtml({ analysis, companies, echartsSource: loadEchartsSource(), sourceLabel: 'snapshot demo.json' });
 */
export function buildReportHtml(input: ReportInput): string {
  const limit = input.tableRowLimit ?? 100;
  const title = input.title ?? 'Keystone key-account portfolio report';
  const chartData = buildChartData(input.analysis, input.companies, input);
  // Inline scripts end at the first "</script"; the library is code, so an escaped slash is equivalent.
  const echarts = input.echartsSource.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Keystone kam report">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${h(title)}</h1><p>Data: ${h(input.sourceLabel)} · analysed ${h(input.analysis.analysedAt.replace('T', ' ').slice(0, 16))} UTC · revenue in home currency</p></header>
<main>
${summary(input.analysis)}
${kaismSection(input)}
${strategySection(input.analysis)}
${positionSection(input.analysis)}
${paretoSection(input.analysis)}
${volumeSection(input.analysis)}
${decliningSection(input, limit)}
${atRiskSection(input, limit)}
${plansSection(input, limit)}
${buyingCentreSection(input, limit)}
${moversSection(input, limit)}
${betweenDatesSection(input, limit)}
</main>
<script type="application/json" id="report-data">${jsonForScript(chartData)}</script>
<script>${echarts}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}
