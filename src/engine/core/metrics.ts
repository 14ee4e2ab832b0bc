/**
 * Per-company metrics (design "Data flow" 2): what the factors, the risk signals and the people
 * reading the card all look at. One pass over each kind of record, plain numbers out.
 */
import type { HubspotBuyingRole } from './enums';
import type { CompanyInput, DealInput } from './company-input';
import { roundTo } from './numbers';
import type { ScoringModel } from '../settings/model-schema';

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;
const QUARTER_MS = YEAR_MS / 4;

export type YearlyWonVolume = { year: number; amount: number };

export type BuyingCentreMetrics = {
  contactCount: number;
  /** Every HubSpot buying role held by at least one associated contact. */
  rolesCovered: HubspotBuyingRole[];
  /** How many of the model's key roles (§10) are held. */
  keyRolesCovered: number;
  keyRoleCount: number;
  /** Contacts marked BLOCKER: §10's anti-sponsor. */
  blockerCount: number;
  /** HubSpot's own `hs_num_decision_makers`, used when no contact carries roles. */
  decisionMakersReported: number | null;
};

export type CompanyMetrics = {
  /** Deals in the counted pipelines (none: the deal-based factors have no data). */
  dealCount: number;
  /** Won revenue, home currency, closed in the 365 days up to now. */
  wonRevenueLast12Months: number;
  /** Won revenue, home currency, closed in the 365 days before those. */
  wonRevenuePrevious12Months: number;
  /** Last 12 months over the 12 before, minus 1 (0.25 = +25%); null when the 12 before had none. */
  wonRevenueGrowth: number | null;
  /** Calendar years (UTC), oldest first; the current year is the part up to now (§9 step 1). */
  yearlyWonVolumes: YearlyWonVolume[];
  wonDealsLast12Months: number;
  /** Won deals closed inside the model's history window. */
  wonDealsInHistory: number;
  lostDealsInHistory: number;
  /** Won deals per year over the history window (or since the first purchase, if later; at least a year). */
  purchaseFrequencyPerYear: number;
  /** Share (0–1) of quarters with a won deal since the first purchase, within the history window (min. 4 quarters). */
  purchaseRegularity: number | null;
  /** Share (0–1) of years with a won deal since the first purchase, within the history window (min. 2 years). */
  repeatPurchaseShare: number | null;
  firstWonAt: string | null;
  lastWonAt: string | null;
  openPipelineAmount: number;
  openDealCount: number;
  /** Won over closed deals in the history window; null when none closed. */
  winRate: number | null;
  /** Years since the first won deal; 0 with deals but no win; null without deals. */
  tenureYears: number | null;
  /** Closed deals lost in a row, counting back from the most recent. */
  lostDealsStreak: number;
  /** Days since `notes_last_contacted` or the last held meeting, whichever is later. */
  daysSinceLastContact: number | null;
  activityWindowDays: number;
  meetingsInActivityWindow: number;
  meetingsCompleted: number;
  meetingsRescheduled: number;
  meetingsCancelled: number;
  meetingsNoShow: number;
  /** Rescheduled, cancelled and no-show meetings over all meetings in the window; null without meetings. */
  meetingProblemShare: number | null;
  buyingCentre: BuyingCentreMetrics;
  ticketsInActivityWindow: number;
  ticketsInPreviousActivityWindow: number;
  /** Tickets in the window over those in the window before; null when the window before had none. */
  ticketTrend: number | null;
  /** HIGH or URGENT tickets created in the window. */
  highPriorityTicketsInActivityWindow: number;
  openTickets: number;
  openHighPriorityTickets: number;
  annualCostToServe: number | null;
  /** Won revenue of the last 12 months minus the annual cost to serve (002); null without the cost. */
  netValueLast12Months: number | null;
};

/** Computes every metric of one company at `nowMs` under the model's windows. */
export function computeMetrics(input: CompanyInput, model: ScoringModel, nowMs: number): CompanyMetrics {
  const deals = dealMetrics(input.deals, model.windows.historyYears, nowMs);
  const activityMs = model.windows.activityDays * DAY_MS;
  const meetings = meetingMetrics(input, nowMs, activityMs);
  const tickets = ticketMetrics(input, nowMs, activityMs);
  const lastContactAt = Math.max(input.lastContactedAt ?? -Infinity, meetings.lastHeldAt);
  return {
    ...deals,
    daysSinceLastContact: Number.isFinite(lastContactAt)
      ? Math.floor((nowMs - lastContactAt) / DAY_MS)
      : null,
    activityWindowDays: model.windows.activityDays,
    meetingsInActivityWindow: meetings.inWindow,
    meetingsCompleted: meetings.completed,
    meetingsRescheduled: meetings.rescheduled,
    meetingsCancelled: meetings.cancelled,
    meetingsNoShow: meetings.noShow,
    meetingProblemShare:
      meetings.inWindow === 0
        ? null
        : roundTo((meetings.rescheduled + meetings.cancelled + meetings.noShow) / meetings.inWindow, 4),
    buyingCentre: buyingCentreMetrics(input, model.buyingCentre.keyRoles),
    ...tickets,
    annualCostToServe: input.annualCostToServe,
    netValueLast12Months:
      input.annualCostToServe === null
        ? null
        : roundTo(deals.wonRevenueLast12Months - input.annualCostToServe, 2),
  };
}

type DealMetrics = Pick<
  CompanyMetrics,
  | 'dealCount'
  | 'wonRevenueLast12Months'
  | 'wonRevenuePrevious12Months'
  | 'wonRevenueGrowth'
  | 'yearlyWonVolumes'
  | 'wonDealsLast12Months'
  | 'wonDealsInHistory'
  | 'lostDealsInHistory'
  | 'purchaseFrequencyPerYear'
  | 'purchaseRegularity'
  | 'repeatPurchaseShare'
  | 'firstWonAt'
  | 'lastWonAt'
  | 'openPipelineAmount'
  | 'openDealCount'
  | 'winRate'
  | 'tenureYears'
  | 'lostDealsStreak'
>;

function dealMetrics(deals: readonly DealInput[], historyYears: number, nowMs: number): DealMetrics {
  const historyStart = nowMs - historyYears * YEAR_MS;
  const lastYearStart = nowMs - YEAR_MS;
  const previousYearStart = nowMs - 2 * YEAR_MS;
  const currentYear = new Date(nowMs).getUTCFullYear();
  const firstYear = currentYear - historyYears + 1;
  const yearly = new Array<number>(historyYears).fill(0);
  const activeQuarters = new Uint8Array(historyYears * 4);
  const activeYears = new Uint8Array(historyYears);
  let wonLast = 0;
  let wonPrevious = 0;
  let wonDealsLast = 0;
  let wonInHistory = 0;
  let lostInHistory = 0;
  let firstWon = Infinity;
  let lastWon = -Infinity;
  let openAmount = 0;
  let openCount = 0;
  const closed: DealInput[] = [];

  for (const deal of deals) {
    if (!deal.isClosed) {
      openCount += 1;
      openAmount += deal.amount ?? 0;
      continue;
    }
    const at = deal.closedAt;
    if (at === null) continue;
    closed.push(deal);
    if (!deal.isWon) {
      if (at > historyStart) lostInHistory += 1;
      continue;
    }
    const amount = deal.amount ?? 0;
    if (at < firstWon) firstWon = at;
    if (at > lastWon) lastWon = at;
    if (at > lastYearStart) {
      wonLast += amount;
      wonDealsLast += 1;
    } else if (at > previousYearStart) {
      wonPrevious += amount;
    }
    const yearIndex = new Date(at).getUTCFullYear() - firstYear;
    if (yearIndex >= 0 && yearIndex < historyYears) yearly[yearIndex]! += amount;
    if (at > historyStart) {
      wonInHistory += 1;
      activeQuarters[Math.floor((nowMs - at) / QUARTER_MS)] = 1;
      activeYears[Math.floor((nowMs - at) / YEAR_MS)] = 1;
    }
  }

  const hasDeals = deals.length > 0;
  const hasWon = Number.isFinite(firstWon);
  const sinceFirstWon = hasWon ? nowMs - firstWon : 0;
  const observedQuarters = clamp(Math.floor(sinceFirstWon / QUARTER_MS) + 1, 4, historyYears * 4);
  const observedYears = clamp(Math.floor(sinceFirstWon / YEAR_MS) + 1, 2, historyYears);
  const closedInHistory = wonInHistory + lostInHistory;
  return {
    dealCount: deals.length,
    wonRevenueLast12Months: roundTo(wonLast, 2),
    wonRevenuePrevious12Months: roundTo(wonPrevious, 2),
    wonRevenueGrowth: wonPrevious > 0 ? roundTo(wonLast / wonPrevious - 1, 4) : null,
    yearlyWonVolumes: yearly.map((amount, index) => ({
      year: firstYear + index,
      amount: roundTo(amount, 2),
    })),
    wonDealsLast12Months: wonDealsLast,
    wonDealsInHistory: wonInHistory,
    lostDealsInHistory: lostInHistory,
    purchaseFrequencyPerYear: roundTo(wonInHistory / clamp(sinceFirstWon / YEAR_MS, 1, historyYears), 4),
    purchaseRegularity: hasDeals ? roundTo(countSet(activeQuarters) / observedQuarters, 4) : null,
    repeatPurchaseShare: hasDeals ? roundTo(countSet(activeYears) / observedYears, 4) : null,
    firstWonAt: hasWon ? new Date(firstWon).toISOString() : null,
    lastWonAt: hasWon ? new Date(lastWon).toISOString() : null,
    openPipelineAmount: roundTo(openAmount, 2),
    openDealCount: openCount,
    winRate: closedInHistory === 0 ? null : roundTo(wonInHistory / closedInHistory, 4),
    tenureYears: hasDeals ? roundTo(sinceFirstWon / YEAR_MS, 2) : null,
    lostDealsStreak: lostStreak(closed),
  };
}

function lostStreak(closed: DealInput[]): number {
  // most recent first; the id breaks ties so the result never depends on input order
  closed.sort(
    (a, b) => (b.closedAt as number) - (a.closedAt as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let streak = 0;
  for (const deal of closed) {
    if (deal.isWon) break;
    streak += 1;
  }
  return streak;
}

function meetingMetrics(input: CompanyInput, nowMs: number, activityMs: number) {
  const windowStart = nowMs - activityMs;
  let inWindow = 0;
  let completed = 0;
  let rescheduled = 0;
  let cancelled = 0;
  let noShow = 0;
  let lastHeldAt = -Infinity;
  for (const meeting of input.meetings) {
    const at = meeting.startAt;
    if (at === null || at > nowMs) continue;
    const wasHeld = meeting.outcome === 'COMPLETED' || meeting.outcome === null;
    if (wasHeld && at > lastHeldAt) lastHeldAt = at;
    if (at <= windowStart) continue;
    inWindow += 1;
    if (meeting.outcome === 'COMPLETED') completed += 1;
    else if (meeting.outcome === 'RESCHEDULED') rescheduled += 1;
    else if (meeting.outcome === 'CANCELED') cancelled += 1;
    else if (meeting.outcome === 'NO_SHOW') noShow += 1;
  }
  return { inWindow, completed, rescheduled, cancelled, noShow, lastHeldAt };
}

function ticketMetrics(
  input: CompanyInput,
  nowMs: number,
  activityMs: number,
): Pick<
  CompanyMetrics,
  | 'ticketsInActivityWindow'
  | 'ticketsInPreviousActivityWindow'
  | 'ticketTrend'
  | 'highPriorityTicketsInActivityWindow'
  | 'openTickets'
  | 'openHighPriorityTickets'
> {
  const windowStart = nowMs - activityMs;
  const previousStart = windowStart - activityMs;
  let recent = 0;
  let previous = 0;
  let highRecent = 0;
  let open = 0;
  let openHigh = 0;
  for (const ticket of input.tickets) {
    const isHigh = ticket.priority === 'HIGH' || ticket.priority === 'URGENT';
    if (ticket.isOpen) {
      open += 1;
      if (isHigh) openHigh += 1;
    }
    const at = ticket.createdAt;
    if (at === null) continue;
    if (at > windowStart) {
      recent += 1;
      if (isHigh) highRecent += 1;
    } else if (at > previousStart) {
      previous += 1;
    }
  }
  return {
    ticketsInActivityWindow: recent,
    ticketsInPreviousActivityWindow: previous,
    ticketTrend: previous === 0 ? null : roundTo(recent / previous, 4),
    highPriorityTicketsInActivityWindow: highRecent,
    openTickets: open,
    openHighPriorityTickets: openHigh,
  };
}

function buyingCentreMetrics(
  input: CompanyInput,
  keyRoles: readonly HubspotBuyingRole[],
): BuyingCentreMetrics {
  const covered: HubspotBuyingRole[] = [];
  let blockers = 0;
  for (const contact of input.contacts) {
    for (const role of contact.roles) {
      if (!covered.includes(role)) covered.push(role);
      if (role === 'BLOCKER') blockers += 1;
    }
  }
  // no roles on contacts, but HubSpot counts decision makers: that role at least is known
  if (covered.length === 0 && (input.numDecisionMakers ?? 0) > 0) covered.push('DECISION_MAKER');
  covered.sort();
  const uniqueKeyRoles = [...new Set(keyRoles)];
  let keyCovered = 0;
  for (const role of uniqueKeyRoles) if (covered.includes(role)) keyCovered += 1;
  return {
    contactCount: input.contacts.length,
    rolesCovered: covered,
    keyRolesCovered: keyCovered,
    keyRoleCount: uniqueKeyRoles.length,
    blockerCount: blockers,
    decisionMakersReported: input.numDecisionMakers,
  };
}

function countSet(flags: Uint8Array): number {
  let count = 0;
  for (const flag of flags) count += flag;
  return count;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
