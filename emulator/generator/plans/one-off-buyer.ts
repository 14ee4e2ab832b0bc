/**
 * A one-off buyer (002: a good key client "buys steadily, so sales can be forecast"; this one does
 * not): one large purchase two to four years ago and nothing since.
 */
import type { AccountHistory, DealEvent, MeetingEvent, PlanContext, TicketEvent } from '../history';
import type { Random } from '../prng';
import { DAY_MS, HOUR_MS, MONTH_MS, YEAR_MS, floorTo } from '../time';
import { USUAL_EXTRA_ROLES, buyingCentre, meetingSlot, ticket } from '../timeline';
import { partialKamInputs, pickOwner } from './shared';

export function planOneOffBuyer(random: Random, context: PlanContext): AccountHistory {
  const { now, historyStart } = context;
  const createdAt = Math.floor(now - random.between(2.3, 6) * YEAR_MS);
  const closeAt =
    Math.floor(random.between(Math.max(historyStart, createdAt + 30 * DAY_MS), now - 2 * YEAR_MS) / 1000) *
    1000;
  const dealCreatedAt = Math.max(createdAt, closeAt - Math.floor(random.between(20, 90) * DAY_MS));
  const annualSpendUsd = random.logNormal(80_000, 0.6);
  const deals: DealEvent[] = [
    { createdAt: dealCreatedAt, closeAt, outcome: 'won', amountUsd: annualSpendUsd, pipeline: 'default' },
  ];
  const quoteClose = floorTo(closeAt - random.between(1, 6) * MONTH_MS, HOUR_MS);
  if (random.chance(0.3) && quoteClose - 20 * DAY_MS > createdAt && quoteClose >= historyStart) {
    const amountUsd = annualSpendUsd * random.between(0.3, 0.8);
    deals.unshift({
      createdAt: quoteClose - 20 * DAY_MS,
      closeAt: quoteClose,
      outcome: 'lost',
      amountUsd,
      pipeline: 'default',
    });
  }
  const meetings: MeetingEvent[] = [];
  const meetingCount = random.int(1, 3);
  for (let i = 0; i < meetingCount; i++) {
    meetings.push({
      startAt: meetingSlot(random, random.between(dealCreatedAt, closeAt + 30 * DAY_MS)),
      outcome: 'COMPLETED',
    });
  }
  meetings.sort((a, b) => a.startAt - b.startAt);
  const tickets: TicketEvent[] = [];
  const ticketCount = random.int(0, 2);
  for (let i = 0; i < ticketCount; i++) {
    const ticketAt = Math.floor(random.between(closeAt, closeAt + 3 * MONTH_MS) / 1000) * 1000;
    tickets.push(
      ticket(random, context, ticketAt, random.pick(['LOW', 'MEDIUM'] as const), { medianResolutionDays: 3 }),
    );
  }
  tickets.sort((a, b) => a.createdAt - b.createdAt);
  const kam = random.chance(0.2)
    ? { ...partialKamInputs(random, 0.5), growthPotential: 'low' as const }
    : null;
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, false),
    icpTier: random.weighted([
      [null, 60],
      ['tier_3', 30],
      ['tier_2', 10],
    ] as const),
    isTargetAccount: false,
    deals,
    tickets,
    meetings,
    contacts: buyingCentre(random, [['DECISION_MAKER']], random.int(0, 1), USUAL_EXTRA_ROLES),
    kam,
  };
}
