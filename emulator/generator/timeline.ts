/**
 * Builders of event series that the plans share: purchases (won, lost and still-open deals),
 * meetings and tickets over a time window.
 */
import type { BuyingRole, DealPipelineId, MeetingOutcome, TicketPriority } from './hubspot-values';
import type { ContactPlan, DealEvent, MeetingEvent, PlanContext, TicketEvent } from './history';
import type { Random } from './prng';
import { DAY_MS, HOUR_MS, YEAR_MS, floorTo } from './time';

export interface DealSeriesOptions {
  /** Earliest and latest close date; closes after `now` become open deals. */
  from: number;
  to: number;
  wonPerYear: number;
  /**
   * `regular`: one purchase per period with a few days' jitter, always won, plus lost
   * opportunities at `lostPerYear`; `random`: opportunities arrive as a Poisson process and each
   * is won with probability `winRate`.
   */
  cadence: 'regular' | 'random';
  winRate: number;
  lostPerYear?: number;
  /** Yearly spend rate (USD) at a time; one purchase is spend / wonPerYear, with noise. */
  spendAt: (at: number) => number;
  /** Share of repeat purchases booked in the renewals pipeline. */
  renewalShare: number;
  salesCycleDays: readonly [number, number];
  /** Log-space spread of one purchase around its expected amount. */
  amountSigma: number;
  /** No deal is created before this (the company's create date). */
  notBefore: number;
  discountPercent?: readonly [number, number];
}

export function dealSeries(random: Random, context: PlanContext, options: DealSeriesOptions): DealEvent[] {
  const deals: DealEvent[] = [];
  if (options.wonPerYear <= 0 || options.to <= options.from) return deals;
  let hasBought = false;
  const add = (at: number, wins: boolean): void => {
    const closeAt = floorTo(at, HOUR_MS);
    const cycleMs = random.between(options.salesCycleDays[0], options.salesCycleDays[1]) * DAY_MS;
    const createdAt = Math.max(options.notBefore, Math.floor((closeAt - cycleMs) / 1000) * 1000);
    if (createdAt > context.now || createdAt >= closeAt) return;
    const outcome = closeAt > context.now ? 'open' : wins ? 'won' : 'lost';
    const pipeline: DealPipelineId =
      hasBought && random.chance(options.renewalShare) ? 'renewals' : 'default';
    const listAmount =
      (options.spendAt(closeAt) / options.wonPerYear) * random.logNormal(1, options.amountSigma);
    const deal: DealEvent = { createdAt, closeAt, outcome, amountUsd: listAmount, pipeline };
    if (outcome === 'won' && options.discountPercent) {
      const discount = Math.round(random.between(options.discountPercent[0], options.discountPercent[1]));
      deal.discountPercent = discount;
      deal.amountUsd = listAmount * (1 - discount / 100);
    }
    if (outcome === 'won') hasBought = true;
    deals.push(deal);
  };
  if (options.cadence === 'regular') {
    const gapMs = YEAR_MS / options.wonPerYear;
    for (let at = options.from + random.float() * gapMs; at <= options.to; at += gapMs) {
      add(Math.max(options.from, at + random.normal() * 3 * DAY_MS), true);
    }
    const lostPerYear = options.lostPerYear ?? 0;
    if (lostPerYear > 0) {
      const lostGapMs = YEAR_MS / lostPerYear;
      for (
        let at = options.from + random.exponential(lostGapMs);
        at <= options.to;
        at += random.exponential(lostGapMs)
      ) {
        add(at, false);
      }
      deals.sort((a, b) => a.closeAt - b.closeAt);
    }
  } else {
    const gapMs = YEAR_MS / (options.wonPerYear / options.winRate);
    for (
      let at = options.from + random.exponential(gapMs);
      at <= options.to;
      at += random.exponential(gapMs)
    ) {
      add(at, random.chance(options.winRate));
    }
  }
  return deals;
}

export interface MeetingSeriesOptions {
  from: number;
  /** May lie after `now`: meetings after it are SCHEDULED. */
  to: number;
  perYear: number;
  cadence: 'regular' | 'random';
  /** Outcomes of past meetings, by relative weight. */
  pastOutcomes: readonly (readonly [MeetingOutcome, number])[];
}

/** A weekday business-hour slot on the half hour near `at` (UTC). */
export function meetingSlot(random: Random, at: number): number {
  const day = Math.floor(at / DAY_MS);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return (day + shift) * DAY_MS + random.int(16, 33) * (HOUR_MS / 2);
}

export function meetingSeries(
  random: Random,
  context: PlanContext,
  options: MeetingSeriesOptions,
): MeetingEvent[] {
  const meetings: MeetingEvent[] = [];
  if (options.perYear <= 0 || options.to <= options.from) return meetings;
  const gapMs = YEAR_MS / options.perYear;
  const regular = options.cadence === 'regular';
  let at = options.from + (regular ? random.float() * gapMs : random.exponential(gapMs));
  for (; at <= options.to; at += regular ? gapMs : random.exponential(gapMs)) {
    const startAt = meetingSlot(random, regular ? at + random.normal() * 5 * DAY_MS : at);
    const outcome = startAt > context.now ? 'SCHEDULED' : random.weighted(options.pastOutcomes);
    meetings.push({ startAt, outcome });
  }
  return meetings;
}

export interface TicketSeriesOptions {
  from: number;
  to: number;
  perYear: number;
  priorities: readonly (readonly [TicketPriority, number])[];
  medianResolutionDays: number;
}

export function ticketSeries(
  random: Random,
  context: PlanContext,
  options: TicketSeriesOptions,
): TicketEvent[] {
  const tickets: TicketEvent[] = [];
  if (options.perYear <= 0) return tickets;
  const gapMs = YEAR_MS / options.perYear;
  const to = Math.min(options.to, context.now);
  for (let at = options.from + random.exponential(gapMs); at <= to; at += random.exponential(gapMs)) {
    tickets.push(
      ticket(random, context, Math.floor(at / 1000) * 1000, random.weighted(options.priorities), options),
    );
  }
  return tickets;
}

/** One ticket created at `createdAt`; it is open when its resolution would end after `now`. */
export function ticket(
  random: Random,
  context: PlanContext,
  createdAt: number,
  priority: TicketPriority,
  options: Pick<TicketSeriesOptions, 'medianResolutionDays'>,
): TicketEvent {
  const closedAt = createdAt + random.logNormal(options.medianResolutionDays, 1) * DAY_MS;
  return {
    createdAt,
    closedAt: closedAt > context.now ? null : Math.floor(closedAt / 1000) * 1000,
    priority,
  };
}

/** A buying centre: one contact per required role set, then `extra` contacts with optional random roles. */
export function buyingCentre(
  random: Random,
  required: readonly (readonly BuyingRole[])[],
  extra: number,
  extraRoles: readonly (readonly [BuyingRole | null, number])[],
): ContactPlan[] {
  const contacts: ContactPlan[] = required.map((roles) => ({ roles: [...roles] }));
  for (let i = 0; i < extra; i++) {
    const role = random.weighted(extraRoles);
    contacts.push({ roles: role === null ? [] : [role] });
  }
  return random.shuffle(contacts);
}

/** Ordinary outcome mix of past meetings. */
export const USUAL_MEETING_OUTCOMES: readonly (readonly [MeetingOutcome, number])[] = [
  ['COMPLETED', 78],
  ['RESCHEDULED', 9],
  ['NO_SHOW', 5],
  ['CANCELED', 8],
];

/** Ordinary ticket priority mix. */
export const USUAL_TICKET_PRIORITIES: readonly (readonly [TicketPriority, number])[] = [
  ['LOW', 35],
  ['MEDIUM', 40],
  ['HIGH', 20],
  ['URGENT', 5],
];

/** Roles of contacts beyond the required ones; most contacts have none. */
export const USUAL_EXTRA_ROLES: readonly (readonly [BuyingRole | null, number])[] = [
  [null, 45],
  ['END_USER', 16],
  ['INFLUENCER', 12],
  ['DECISION_MAKER', 6],
  ['BUDGET_HOLDER', 6],
  ['CHAMPION', 5],
  ['LEGAL_AND_COMPLIANCE', 3],
  ['OTHER', 4],
  ['EXECUTIVE_SPONSOR', 2],
  ['BLOCKER', 1],
];
