/**
 * A high-potential newcomer (methodology §1 development potential and reputational capital, §3
 * key development): a young relationship with an industry leader whose orders grow fast, with
 * large deals still open.
 */
import type { AccountHistory, PlanContext } from '../history';
import type { Random } from '../prng';
import { DAY_MS, MONTH_MS, YEAR_MS } from '../time';
import { USUAL_TICKET_PRIORITIES, buyingCentre, dealSeries, meetingSeries, ticketSeries } from '../timeline';
import { ensureYearOverYearGrowth, pickOwner } from './shared';

export function planGrowingNewcomer(random: Random, context: PlanContext): AccountHistory {
  const { now } = context;
  const createdAt = Math.floor(now - random.between(6, 16) * MONTH_MS);
  const annualSpendUsd = random.logNormal(80_000, 0.5);
  const growthRatePerYear = Math.log(random.between(4, 8)); // spend rate a year ago was 1/4–1/8 of today's
  const deals = dealSeries(random, context, {
    from: createdAt + 20 * DAY_MS,
    to: now + 120 * DAY_MS,
    wonPerYear: Math.max(6, Math.round(10 * context.dealDensity)),
    cadence: 'regular',
    winRate: 1,
    lostPerYear: 1,
    spendAt: (at) => annualSpendUsd * Math.exp((growthRatePerYear * (at - now)) / YEAR_MS),
    renewalShare: 0.2,
    salesCycleDays: [10, 45],
    amountSigma: 0.25,
    notBefore: createdAt,
  });
  ensureYearOverYearGrowth(deals, now, 2);
  const bigOpenDeals = random.int(2, 3);
  for (let i = 0; i < bigOpenDeals; i++) {
    deals.push({
      createdAt: Math.floor(Math.max(createdAt, now - random.between(5, 60) * DAY_MS)),
      closeAt: Math.floor(now + random.between(15, 120) * DAY_MS),
      outcome: 'open',
      amountUsd: annualSpendUsd * random.between(0.2, 0.5),
      pipeline: 'default',
    });
  }
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, true),
    icpTier: random.chance(0.6) ? 'tier_1' : 'tier_2',
    isTargetAccount: true,
    deals,
    tickets: ticketSeries(random, context, {
      from: createdAt,
      to: now,
      perYear: random.between(1.5, 3),
      priorities: USUAL_TICKET_PRIORITIES,
      medianResolutionDays: 2,
    }),
    meetings: meetingSeries(random, context, {
      from: createdAt,
      to: now + 60 * DAY_MS,
      perYear: random.between(10, 16),
      cadence: 'regular',
      pastOutcomes: [
        ['COMPLETED', 90],
        ['RESCHEDULED', 7],
        ['CANCELED', 3],
      ],
    }),
    contacts: buyingCentre(random, [['DECISION_MAKER'], ['CHAMPION'], ['INFLUENCER']], random.int(1, 3), [
      [null, 40],
      ['END_USER', 40],
      ['BUDGET_HOLDER', 20],
    ]),
    kam: {
      marketReputation: 'industry_leader',
      growthPotential: 'high',
      strategicFit: random.pick(['medium', 'high'] as const),
      perceptionLevel: random.pick(['provider', 'value_adder'] as const),
      paymentDiscipline: 'on_time',
      ...(random.chance(0.5) ? { recommendsUs: true } : {}),
      annualCostToServeUsd: annualSpendUsd * random.between(0.05, 0.12),
    },
  };
}
