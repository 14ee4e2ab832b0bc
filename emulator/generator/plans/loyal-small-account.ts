/**
 * A loyal small account (methodology §3 maintenance: loyal but not very attractive): modest orders
 * at a steady rhythm for four years, so its sales can be forecast (002), and a quarterly review
 * that actually happens.
 */
import type { AccountHistory, PlanContext } from '../history';
import type { Random } from '../prng';
import { DAY_MS, YEAR_MS } from '../time';
import { buyingCentre, dealSeries, meetingSeries, ticketSeries } from '../timeline';
import { pickOwner } from './shared';

export function planLoyalSmallAccount(random: Random, context: PlanContext): AccountHistory {
  const { now, historyStart } = context;
  const createdAt = Math.floor(now - random.between(4.5, 8) * YEAR_MS);
  const annualSpendUsd = Math.min(40_000, Math.max(6_000, random.logNormal(15_000, 0.35)));
  const growthPerYear = random.between(1, 1.05);
  const ordersPerYear = Math.max(4, Math.round(random.pick([4, 6, 12]) * Math.min(1, context.dealDensity)));
  const deals = dealSeries(random, context, {
    from: historyStart,
    to: now + 60 * DAY_MS,
    wonPerYear: ordersPerYear,
    cadence: 'regular',
    winRate: 1,
    lostPerYear: 0.2,
    spendAt: (at) => annualSpendUsd * growthPerYear ** ((at - now) / YEAR_MS),
    renewalShare: 0.8,
    salesCycleDays: [7, 21],
    amountSigma: 0.08,
    notBefore: createdAt,
  });
  const meetings = meetingSeries(random, context, {
    from: historyStart,
    to: now + 45 * DAY_MS,
    perYear: 4,
    cadence: 'regular',
    pastOutcomes: [
      ['COMPLETED', 90],
      ['RESCHEDULED', 10],
    ],
  });
  const lastPastMeeting = meetings.filter((meeting) => meeting.startAt <= now).at(-1);
  if (lastPastMeeting) lastPastMeeting.outcome = 'COMPLETED'; // the latest review took place: engagement is current
  const hasKamInputs = random.chance(0.7);
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, false),
    icpTier: random.chance(0.7) ? 'tier_3' : 'tier_2',
    isTargetAccount: false,
    deals,
    tickets: ticketSeries(random, context, {
      from: historyStart,
      to: now,
      perYear: 0.5,
      priorities: [
        ['LOW', 60],
        ['MEDIUM', 40],
      ],
      medianResolutionDays: 2,
    }),
    meetings,
    contacts: buyingCentre(random, [['DECISION_MAKER', 'BUDGET_HOLDER']], random.int(1, 3), [
      [null, 40],
      ['END_USER', 40],
      ['CHAMPION', 20],
    ]),
    kam: hasKamInputs
      ? {
          marketReputation: random.pick(['low', 'medium'] as const),
          growthPotential: random.pick(['low', 'medium'] as const),
          strategicFit: random.pick(['medium', 'high'] as const),
          perceptionLevel: 'value_adder',
          paymentDiscipline: 'on_time',
          recommendsUs: true,
          annualCostToServeUsd: annualSpendUsd * random.between(0.04, 0.1),
        }
      : null,
  };
}
