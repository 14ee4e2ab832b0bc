/**
 * A key account on its way out (methodology §8 stages 1–2, §9 step 2 "sharply reduced volumes"):
 * large two to four years ago; won volume in the trailing 12 months is 5–30% of the 12 before;
 * a burst of high-priority tickets still open (recurring problems, §8 stage 1); recent meetings
 * cancelled or missed and nobody really talked to them for months (003 "postpones planned visits");
 * a blocker in the buying centre; the KAM has recorded a loss reason (§9 step 3).
 */
import type { DealEvent, MeetingEvent, PlanContext, AccountHistory, TicketEvent } from '../history';
import type { Random } from '../prng';
import { DAY_MS, HOUR_MS, MONTH_MS, YEAR_MS, floorTo } from '../time';
import {
  USUAL_MEETING_OUTCOMES,
  USUAL_TICKET_PRIORITIES,
  buyingCentre,
  dealSeries,
  meetingSeries,
  meetingSlot,
  ticket,
  ticketSeries,
} from '../timeline';
import { pickOwner, wonUsdBetween } from './shared';

/** Trailing-12-month won volume as a share of the previous 12 months. */
const RECENT_TO_PREVIOUS_VOLUME = [0.05, 0.3] as const;
const TICKET_BURST_DAYS = 90;

export function planDecliningKeyAccount(random: Random, context: PlanContext): AccountHistory {
  const { now, historyStart } = context;
  const createdAt = Math.floor(now - random.between(5, 9) * YEAR_MS);
  const annualSpendUsd = Math.max(100_000, random.logNormal(250_000, 0.4));
  const wonPerYear = Math.max(6, Math.round(10 * context.dealDensity));
  const deals = dealSeries(random, context, {
    from: historyStart,
    to: now - YEAR_MS,
    wonPerYear,
    cadence: 'regular',
    winRate: 1,
    lostPerYear: 1,
    spendAt: (at) => (at < now - 2 * YEAR_MS ? annualSpendUsd : annualSpendUsd * 0.85),
    renewalShare: 0.5,
    salesCycleDays: [20, 90],
    amountSigma: 0.25,
    notBefore: createdAt,
  }).filter((deal) => deal.closeAt <= now - YEAR_MS);
  const previousYearWonUsd = wonUsdBetween(deals, now - 2 * YEAR_MS, now - YEAR_MS);
  const previousYearVolume = previousYearWonUsd > 0 ? previousYearWonUsd : annualSpendUsd * 0.85;
  if (previousYearWonUsd === 0)
    deals.push(pastDeal(random, now - random.between(13, 23) * MONTH_MS, previousYearVolume, 'won'));
  const recentBudget = previousYearVolume * random.between(...RECENT_TO_PREVIOUS_VOLUME);
  // the budget is split exactly, so the drop stays within RECENT_TO_PREVIOUS_VOLUME
  const recentShares = Array.from({ length: random.int(1, 3) }, () => random.between(0.5, 1.5));
  const sharesTotal = recentShares.reduce((sum, share) => sum + share, 0);
  for (const share of recentShares) {
    const closeAt = now - random.between(1.5, 11.5) * MONTH_MS;
    deals.push({ ...pastDeal(random, closeAt, 0, 'won'), amountUsd: (recentBudget * share) / sharesTotal });
  }
  const recentLosses = random.int(2, 4); // the business goes to a competitor (§8 stage 2)
  for (let i = 0; i < recentLosses; i++) {
    deals.push(
      pastDeal(random, now - random.between(0.5, 11.5) * MONTH_MS, annualSpendUsd / wonPerYear, 'lost'),
    );
  }
  deals.sort((a, b) => a.closeAt - b.closeAt);

  const tickets: TicketEvent[] = ticketSeries(random, context, {
    from: historyStart,
    to: now - TICKET_BURST_DAYS * DAY_MS,
    perYear: 2,
    priorities: USUAL_TICKET_PRIORITIES,
    medianResolutionDays: 3,
  });
  const burst = random.int(4, 8);
  for (let i = 0; i < burst; i++) {
    const createdAtTicket =
      Math.floor((now - random.between(1, TICKET_BURST_DAYS - 2) * DAY_MS) / 1000) * 1000;
    if (i < 2)
      tickets.push({ createdAt: createdAtTicket, closedAt: null, priority: i === 0 ? 'URGENT' : 'HIGH' });
    else {
      const priority = random.weighted([
        ['URGENT', 20],
        ['HIGH', 40],
        ['MEDIUM', 30],
        ['LOW', 10],
      ] as const);
      tickets.push(ticket(random, context, createdAtTicket, priority, { medianResolutionDays: 10 }));
    }
  }
  tickets.sort((a, b) => a.createdAt - b.createdAt);

  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, true),
    icpTier: 'tier_1',
    isTargetAccount: true,
    deals,
    tickets,
    meetings: meetings(random, context),
    contacts: buyingCentre(random, [['DECISION_MAKER'], ['BLOCKER'], ['INFLUENCER']], random.int(1, 4), [
      [null, 30],
      ['END_USER', 40],
      ['BUDGET_HOLDER', 15],
      ['CHAMPION', 15],
    ]),
    kam: {
      marketReputation: random.pick(['high', 'industry_leader'] as const),
      growthPotential: random.pick(['low', 'medium'] as const),
      strategicFit: 'medium',
      perceptionLevel: 'provider',
      paymentDiscipline: 'sometimes_late',
      recommendsUs: false,
      annualCostToServeUsd: annualSpendUsd * random.between(0.08, 0.15),
      lossReason: random.pick([
        'switched_supplier',
        'quality_or_service',
        'price',
        'staff_attitude',
        'reduced_demand',
      ] as const),
    },
  };
}

function pastDeal(random: Random, closeAt: number, amountUsd: number, outcome: 'won' | 'lost'): DealEvent {
  const close = floorTo(closeAt, HOUR_MS);
  return {
    createdAt: close - Math.floor(random.between(10, 40) * DAY_MS),
    closeAt: close,
    outcome,
    amountUsd: amountUsd * random.logNormal(1, 0.15),
    pipeline: random.chance(0.5) ? 'renewals' : 'default',
  };
}

/** Regular completed meetings until 5–10 months ago, then only cancellations, no-shows and moves. */
function meetings(random: Random, context: PlanContext): MeetingEvent[] {
  const { now, historyStart } = context;
  const lastCompletedAt = meetingSlot(random, now - random.between(150, 300) * DAY_MS);
  const result = meetingSeries(random, context, {
    from: historyStart,
    to: lastCompletedAt - 30 * DAY_MS,
    perYear: 8,
    cadence: 'regular',
    pastOutcomes: USUAL_MEETING_OUTCOMES,
  });
  result.push({ startAt: lastCompletedAt, outcome: 'COMPLETED' });
  const drifting = random.int(0, 2);
  for (let i = 0; i < drifting; i++) {
    const startAt = meetingSlot(random, random.between(lastCompletedAt + 7 * DAY_MS, now - 100 * DAY_MS));
    result.push({ startAt, outcome: random.pick(['CANCELED', 'RESCHEDULED'] as const) });
  }
  const recent = random.int(2, 4);
  for (let i = 0; i < recent; i++) {
    const startAt = meetingSlot(random, now - random.between(5, 85) * DAY_MS);
    const outcome =
      i === 0
        ? 'CANCELED'
        : i === 1
          ? 'NO_SHOW'
          : random.pick(['CANCELED', 'NO_SHOW', 'RESCHEDULED'] as const);
    result.push({ startAt, outcome });
  }
  return result.sort((a, b) => a.startAt - b.startAt);
}
