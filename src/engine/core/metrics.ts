/**
 * Per-company metrics (design "Data flow" 2): what the factors, the risk signals and the people
 * reading the card all look at. One pass over each kind of record, plain numbers out.
 */
import {
  HUBSPOT_BUYING_ROLES,
  ORGANISATION_GAPS,
  type HubspotBuyingRole,
  type OrganisationGapId,
} from './enums';
import { isAntiSponsor, isSponsor, organisationGapIds } from './organisation-map';
import type { CompanyInput, DealInput } from './company-input';
import { roundTo } from './numbers';
import { purchaseRhythmOf, type PurchaseRhythm } from './purchase-rhythm';
import {
  createSharedParts,
  findWithinRun,
  freezeShared,
  storeWithinRun,
  tableWithinRun,
  type SharedParts,
} from './shared-parts';
import type { ScoringModel } from '../settings/model-schema';

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;
const QUARTER_MS = YEAR_MS / 4;

export type YearlyWonVolume = { year: number; amount: number };

export type BuyingCentreMetrics = {
  contactCount: number;
  /** Every HubSpot buying role held by at least one associated contact, in HubSpot's option order. */
  rolesCovered: readonly HubspotBuyingRole[];
  /** How many of the model's key roles (§10) are held. */
  keyRolesCovered: number;
  keyRoleCount: number;
  /**
   * §10's anti-sponsors: contacts marked BLOCKER, or whose `kam_attitude` is anti_sponsor; the
   * manager's attitude overrides the role (a BLOCKER judged sponsor, supporter or neutral is not
   * one), and a contact whose `kam_influence` is low is not counted (organisation-map.ts).
   */
  blockerCount: number;
  /**
   * Someone champions us: a CHAMPION or EXECUTIVE_SPONSOR, or `kam_attitude` sponsor, under the same
   * rules (an attitude of critic or anti-sponsor overrides the role; low influence does not count).
   */
  hasSponsor: boolean;
  /** HubSpot's own `hs_num_decision_makers`, used when no contact carries roles. */
  decisionMakersReported: number | null;
};

export type CompanyMetrics = {
  /** Deals in the counted pipelines (none: the deal-based factors have no data). */
  dealCount: number;
  /** Associated meetings and tickets, any date (none: their factors have no data). */
  meetingCount: number;
  ticketCount: number;
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
  /** Closed deals lost in a row, counting back from the most recent (those closed after the last win). */
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
  /** 003: the organisation map's gaps (organisation-map.ts), in catalogue order; what the card shows. */
  organisationGaps: readonly OrganisationGapId[];
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
  /** The account's own purchase rhythm and short-window trend, for the graded risk score (issue #17). */
  purchaseRhythm: PurchaseRhythm;
};

/** Computes every metric of one company at `nowMs` under the model's windows. */
export function computeMetrics(
  input: CompanyInput,
  model: ScoringModel,
  nowMs: number,
  shared: SharedParts = createSharedParts(),
): CompanyMetrics {
  const deals = dealMetrics(input.deals, model.windows.historyYears, nowMs, shared);
  const activityMs = model.windows.activityDays * DAY_MS;
  const meetings = meetingMetrics(input, nowMs, activityMs);
  const tickets = ticketMetrics(input, nowMs, activityMs);
  const lastContactAt = Math.max(input.facts.lastContactedAt ?? -Infinity, meetings.lastHeldAt);
  // one literal listing every field (no spreads) keeps the result a fast-mode object on the hot path
  return {
    dealCount: deals.dealCount,
    meetingCount: input.meetings.length,
    ticketCount: input.tickets.length,
    wonRevenueLast12Months: deals.wonRevenueLast12Months,
    wonRevenuePrevious12Months: deals.wonRevenuePrevious12Months,
    wonRevenueGrowth: deals.wonRevenueGrowth,
    yearlyWonVolumes: deals.yearlyWonVolumes,
    wonDealsLast12Months: deals.wonDealsLast12Months,
    wonDealsInHistory: deals.wonDealsInHistory,
    lostDealsInHistory: deals.lostDealsInHistory,
    purchaseFrequencyPerYear: deals.purchaseFrequencyPerYear,
    purchaseRegularity: deals.purchaseRegularity,
    repeatPurchaseShare: deals.repeatPurchaseShare,
    firstWonAt: deals.firstWonAt,
    lastWonAt: deals.lastWonAt,
    openPipelineAmount: deals.openPipelineAmount,
    openDealCount: deals.openDealCount,
    winRate: deals.winRate,
    tenureYears: deals.tenureYears,
    lostDealsStreak: deals.lostDealsStreak,
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
    buyingCentre: buyingCentreMetrics(input, model.buyingCentre.keyRoles, shared),
    organisationGaps: organisationGapsOf(input, nowMs, shared),
    ticketsInActivityWindow: tickets.ticketsInActivityWindow,
    ticketsInPreviousActivityWindow: tickets.ticketsInPreviousActivityWindow,
    ticketTrend: tickets.ticketTrend,
    highPriorityTicketsInActivityWindow: tickets.highPriorityTicketsInActivityWindow,
    openTickets: tickets.openTickets,
    openHighPriorityTickets: tickets.openHighPriorityTickets,
    annualCostToServe: input.facts.annualCostToServe,
    netValueLast12Months:
      input.facts.annualCostToServe === null
        ? null
        : roundTo(deals.wonRevenueLast12Months - input.facts.annualCostToServe, 2),
    purchaseRhythm: purchaseRhythmOf(input.deals, model.windows.historyYears, nowMs),
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

// The deal, meeting and ticket summaries of the company being measured: one scratch object each,
// reused by every call (metrics are computed synchronously and `computeMetrics` copies them into
// its result right away), so none is allocated per company.
const dealScratch: DealMetrics = {
  dealCount: 0,
  wonRevenueLast12Months: 0,
  wonRevenuePrevious12Months: 0,
  wonRevenueGrowth: null,
  yearlyWonVolumes: [],
  wonDealsLast12Months: 0,
  wonDealsInHistory: 0,
  lostDealsInHistory: 0,
  purchaseFrequencyPerYear: 0,
  purchaseRegularity: null,
  repeatPurchaseShare: null,
  firstWonAt: null,
  lastWonAt: null,
  openPipelineAmount: 0,
  openDealCount: 0,
  winRate: null,
  tenureYears: null,
  lostDealsStreak: 0,
};

function dealMetrics(
  deals: readonly DealInput[],
  historyYears: number,
  nowMs: number,
  shared: SharedParts,
): DealMetrics {
  const historyStart = nowMs - historyYears * YEAR_MS;
  const lastYearStart = nowMs - YEAR_MS;
  const previousYearStart = nowMs - 2 * YEAR_MS;
  const currentYear = new Date(nowMs).getUTCFullYear();
  const firstYear = currentYear - historyYears + 1;
  const firstYearStart = Date.UTC(firstYear, 0, 1);
  const yearly = yearlyScratch(historyYears);
  // bit sets of the active quarters (at most 40) and years (at most 10) counted back from now
  let activeQuartersLow = 0;
  let activeQuartersHigh = 0;
  let activeYears = 0;
  let wonLast = 0;
  let wonPrevious = 0;
  let wonDealsLast = 0;
  let wonInHistory = 0;
  let lostInHistory = 0;
  let firstWon = Infinity;
  let lastWon = -Infinity;
  let firstWonDeal: DealInput | null = null;
  let lastWonDeal: DealInput | null = null;
  let openAmount = 0;
  let openCount = 0;

  for (const deal of deals) {
    if (!deal.isClosed) {
      openCount += 1;
      openAmount += deal.amount ?? 0;
      continue;
    }
    const at = deal.closedAt;
    if (at === null) continue;
    if (!deal.isWon) {
      if (at > historyStart) lostInHistory += 1;
      continue;
    }
    const amount = deal.amount ?? 0;
    if (at < firstWon) {
      firstWon = at;
      firstWonDeal = deal;
    }
    if (at > lastWon) {
      lastWon = at;
      lastWonDeal = deal;
    }
    if (at > lastYearStart) {
      wonLast += amount;
      wonDealsLast += 1;
    } else if (at > previousYearStart) {
      wonPrevious += amount;
    }
    if (at >= firstYearStart) yearly[yearIndexOf(at, firstYear, historyYears)]! += amount;
    if (at > historyStart) {
      wonInHistory += 1;
      const quarter = Math.floor((nowMs - at) / QUARTER_MS);
      if (quarter < 30) activeQuartersLow |= 1 << quarter;
      else activeQuartersHigh |= 1 << (quarter - 30);
      activeYears |= 1 << Math.floor((nowMs - at) / YEAR_MS);
    }
  }

  const hasDeals = deals.length > 0;
  const hasWon = firstWon !== Infinity;
  const sinceFirstWon = hasWon ? nowMs - firstWon : 0;
  const observedQuarters = clamp(Math.floor(sinceFirstWon / QUARTER_MS) + 1, 4, historyYears * 4);
  const observedYears = clamp(Math.floor(sinceFirstWon / YEAR_MS) + 1, 2, historyYears);
  const closedInHistory = wonInHistory + lostInHistory;
  const activeQuarterCount = countBits(activeQuartersLow) + countBits(activeQuartersHigh);
  // sized exactly up front: the list is kept in the result
  const yearlyWonVolumes = new Array<YearlyWonVolume>(historyYears);
  for (let index = 0; index < historyYears; index += 1) {
    const amount = roundTo(yearly[index]!, 2);
    yearlyWonVolumes[index] =
      amount === 0 ? noVolumeIn(firstYear + index, shared) : { year: firstYear + index, amount };
  }
  const out = dealScratch;
  out.dealCount = deals.length;
  out.wonRevenueLast12Months = roundTo(wonLast, 2);
  out.wonRevenuePrevious12Months = roundTo(wonPrevious, 2);
  // no growth over a previous year that shows as 0.00: a garbage amount such as "5e-324" there
  // made the ratio Infinity (and `kam_growth` the text "Infinity")
  const growth = out.wonRevenuePrevious12Months > 0 ? wonLast / wonPrevious - 1 : Number.NaN;
  out.wonRevenueGrowth = Number.isFinite(growth) ? roundTo(growth, 4) : null;
  out.yearlyWonVolumes = yearlyWonVolumes;
  out.wonDealsLast12Months = wonDealsLast;
  out.wonDealsInHistory = wonInHistory;
  out.lostDealsInHistory = lostInHistory;
  out.purchaseFrequencyPerYear = roundTo(wonInHistory / clamp(sinceFirstWon / YEAR_MS, 1, historyYears), 4);
  out.purchaseRegularity = hasDeals ? roundTo(activeQuarterCount / observedQuarters, 4) : null;
  out.repeatPurchaseShare = hasDeals ? roundTo(countBits(activeYears) / observedYears, 4) : null;
  out.firstWonAt = firstWonDeal === null ? null : isoOf(firstWonDeal);
  out.lastWonAt = lastWonDeal === null ? null : isoOf(lastWonDeal);
  out.openPipelineAmount = roundTo(openAmount, 2);
  out.openDealCount = openCount;
  out.winRate = closedInHistory === 0 ? null : roundTo(wonInHistory / closedInHistory, 4);
  out.tenureYears = hasDeals ? roundTo(sinceFirstWon / YEAR_MS, 2) : null;
  out.lostDealsStreak = lostStreak(deals, lastWon);
  return out;
}

/** A won deal's close date in ISO form: HubSpot's own text when it is that already (no new string). */
function isoOf(deal: DealInput): string {
  return deal.closedAtIso ?? new Date(deal.closedAt as number).toISOString();
}

// Won amounts per history year of the company being measured: one scratch array reused by every
// call (metrics are computed synchronously, one company at a time), so none is allocated per company.
let yearlyAmounts = new Float64Array(0);

/** The scratch array for `historyYears` years, zeroed. */
function yearlyScratch(historyYears: number): Float64Array {
  if (yearlyAmounts.length < historyYears) yearlyAmounts = new Float64Array(historyYears);
  yearlyAmounts.fill(0);
  return yearlyAmounts;
}

/** A year without won revenue: one frozen entry per year, shared within the run. */
function noVolumeIn(year: number, shared: SharedParts): YearlyWonVolume {
  const table = tableWithinRun<number, YearlyWonVolume>(shared, 'no-volume');
  let volume = table.get(year);
  if (volume === undefined) {
    volume = freezeShared({ year, amount: 0 });
    table.set(year, volume);
  }
  return volume;
}

/** Index of the calendar year (UTC) of `at` among the history years; `at` is on or after the first one. */
function yearIndexOf(at: number, firstYear: number, historyYears: number): number {
  let index = historyYears - 1;
  while (index > 0 && at < Date.UTC(firstYear + index, 0, 1)) index -= 1;
  return index;
}

function countBits(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/** Lost deals closed after the last won one: the streak of losses counting back from the most recent. */
function lostStreak(deals: readonly DealInput[], lastWonAt: number): number {
  let streak = 0;
  for (const deal of deals) {
    if (deal.isClosed && !deal.isWon && deal.closedAt !== null && deal.closedAt > lastWonAt) streak += 1;
  }
  return streak;
}

const meetingScratch = { inWindow: 0, completed: 0, rescheduled: 0, cancelled: 0, noShow: 0, lastHeldAt: 0 };

function meetingMetrics(input: CompanyInput, nowMs: number, activityMs: number): typeof meetingScratch {
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
  const out = meetingScratch;
  out.inWindow = inWindow;
  out.completed = completed;
  out.rescheduled = rescheduled;
  out.cancelled = cancelled;
  out.noShow = noShow;
  out.lastHeldAt = lastHeldAt;
  return out;
}

type TicketMetrics = Pick<
  CompanyMetrics,
  | 'ticketsInActivityWindow'
  | 'ticketsInPreviousActivityWindow'
  | 'ticketTrend'
  | 'highPriorityTicketsInActivityWindow'
  | 'openTickets'
  | 'openHighPriorityTickets'
>;

const ticketScratch: TicketMetrics = {
  ticketsInActivityWindow: 0,
  ticketsInPreviousActivityWindow: 0,
  ticketTrend: null,
  highPriorityTicketsInActivityWindow: 0,
  openTickets: 0,
  openHighPriorityTickets: 0,
};

function ticketMetrics(input: CompanyInput, nowMs: number, activityMs: number): TicketMetrics {
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
  const out = ticketScratch;
  out.ticketsInActivityWindow = recent;
  out.ticketsInPreviousActivityWindow = previous;
  out.ticketTrend = previous === 0 ? null : roundTo(recent / previous, 4);
  out.highPriorityTicketsInActivityWindow = highRecent;
  out.openTickets = open;
  out.openHighPriorityTickets = openHigh;
  return out;
}

function buyingCentreMetrics(
  input: CompanyInput,
  keyRoles: readonly HubspotBuyingRole[],
  shared: SharedParts,
): BuyingCentreMetrics {
  let mask = 0;
  let blockers = 0;
  let hasSponsor = false;
  for (const contact of input.contacts) {
    for (const role of contact.roles) mask |= 1 << HUBSPOT_BUYING_ROLES.indexOf(role);
    if (contact.influence === 'low') continue;
    if (isAntiSponsor(contact)) blockers += 1;
    if (!hasSponsor && isSponsor(contact)) hasSponsor = true;
  }
  // no roles on contacts, but HubSpot counts decision makers: that role at least is known
  if (mask === 0 && (input.facts.numDecisionMakers ?? 0) > 0)
    mask = 1 << HUBSPOT_BUYING_ROLES.indexOf('DECISION_MAKER');
  const contactCount = input.contacts.length;
  const reported = input.facts.numDecisionMakers;
  // the same contacts' roles give the same summary in every company: one frozen copy per run
  // (a contact is a blocker at most once, so the blockers are at most the contacts: one key for
  // both, doubled to hold whether a sponsor is there, which attitudes can set apart from the roles)
  const counts = (contactCount * (contactCount + 1) + blockers) * 2 + (hasSponsor ? 1 : 0);
  const existing = findWithinRun<BuyingCentreMetrics>(shared, 'buying-centre', reported, mask, counts);
  if (existing !== undefined) return existing;
  let keyMask = 0;
  for (const role of keyRoles) keyMask |= 1 << HUBSPOT_BUYING_ROLES.indexOf(role);
  return storeWithinRun(shared, 'buying-centre', reported, mask, counts, {
    contactCount,
    rolesCovered: rolesOf(mask, shared),
    keyRolesCovered: countBits(keyMask & mask),
    keyRoleCount: countBits(keyMask),
    blockerCount: blockers,
    hasSponsor,
    decisionMakersReported: reported,
  });
}

/** The map's gap ids; one frozen list per combination, shared within the run. */
function organisationGapsOf(
  input: CompanyInput,
  nowMs: number,
  shared: SharedParts,
): readonly OrganisationGapId[] {
  let mask = 0;
  for (const gap of organisationGapIds(input.contacts, { nowMs }))
    mask |= 1 << ORGANISATION_GAPS.indexOf(gap);
  const table = tableWithinRun<number, readonly OrganisationGapId[]>(shared, 'organisation-gaps');
  let gaps = table.get(mask);
  if (gaps === undefined) {
    gaps = freezeShared(ORGANISATION_GAPS.filter((_, index) => (mask & (1 << index)) !== 0));
    table.set(mask, gaps);
  }
  return gaps;
}

/** The roles in a bit set; one frozen list per set, shared within the run by every company holding it. */
function rolesOf(mask: number, shared: SharedParts): readonly HubspotBuyingRole[] {
  const table = tableWithinRun<number, readonly HubspotBuyingRole[]>(shared, 'buying-roles');
  let roles = table.get(mask);
  if (roles === undefined) {
    roles = freezeShared(HUBSPOT_BUYING_ROLES.filter((_, index) => (mask & (1 << index)) !== 0));
    table.set(mask, roles);
  }
  return roles;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
