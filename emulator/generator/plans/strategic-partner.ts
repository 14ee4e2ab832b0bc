/**
 * A full strategic partnership (methodology §1–§2 key account, §4 "protect ties", §7 level 4):
 * large, steady and growing purchases, a busy meeting calendar, the whole buying centre known
 * (003), perceived as a business partner, recommends us (002).
 */
import type { AccountHistory, PlanContext } from '../history';
import type { Random } from '../prng';
import { DAY_MS, YEAR_MS } from '../time';
import { buyingCentre, dealSeries, meetingSeries, ticketSeries } from '../timeline';
import { ensureYearOverYearGrowth, pickOwner } from './shared';

export function planStrategicPartner(random: Random, context: PlanContext): AccountHistory {
  const { now, historyStart } = context;
  const createdAt = Math.floor(now - random.between(5, 9) * YEAR_MS);
  const annualSpendUsd = Math.max(60_000, random.logNormal(120_000, 0.45));
  const growthPerYear = random.between(1.1, 1.3);
  const deals = dealSeries(random, context, {
    from: historyStart,
    to: now + 120 * DAY_MS,
    wonPerYear: Math.max(6, Math.round(10 * context.dealDensity)),
    cadence: 'regular',
    winRate: 1,
    lostPerYear: 1.5 * context.dealDensity,
    spendAt: (at) => annualSpendUsd * growthPerYear ** ((at - now) / YEAR_MS),
    renewalShare: 0.5,
    salesCycleDays: [20, 90],
    amountSigma: 0.25,
    notBefore: createdAt,
  });
  ensureYearOverYearGrowth(deals, now, 1.05);
  if (!deals.some((deal) => deal.outcome === 'open')) {
    // an expansion under negotiation: partners keep generating opportunities (003)
    deals.push({
      createdAt: Math.floor(now - random.between(5, 40) * DAY_MS),
      closeAt: Math.floor(now + random.between(20, 100) * DAY_MS),
      outcome: 'open',
      amountUsd: annualSpendUsd * random.between(0.15, 0.3),
      pipeline: 'default',
    });
  }
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, true),
    icpTier: 'tier_1',
    isTargetAccount: true,
    deals,
    tickets: ticketSeries(random, context, {
      from: historyStart,
      to: now,
      perYear: random.between(2, 4),
      priorities: [
        ['LOW', 50],
        ['MEDIUM', 40],
        ['HIGH', 10],
      ],
      medianResolutionDays: 1.5,
    }),
    meetings: meetingSeries(random, context, {
      from: historyStart,
      to: now + 60 * DAY_MS,
      perYear: random.between(10, 14),
      cadence: 'regular',
      pastOutcomes: [
        ['COMPLETED', 95],
        ['RESCHEDULED', 3],
        ['NO_SHOW', 1],
        ['CANCELED', 1],
      ],
    }),
    contacts: buyingCentre(
      random,
      [['DECISION_MAKER'], ['CHAMPION'], ['EXECUTIVE_SPONSOR'], ['BUDGET_HOLDER'], ['INFLUENCER']],
      random.int(2, 5),
      [
        [null, 30],
        ['END_USER', 40],
        ['INFLUENCER', 15],
        ['LEGAL_AND_COMPLIANCE', 10],
        ['OTHER', 5],
      ],
    ),
    kam: {
      marketReputation: random.pick(['high', 'industry_leader'] as const),
      growthPotential: random.pick(['medium', 'high'] as const),
      strategicFit: 'high',
      perceptionLevel: 'business_partner',
      paymentDiscipline: 'on_time',
      recommendsUs: true,
      annualCostToServeUsd: annualSpendUsd * random.between(0.03, 0.08),
    },
  };
}
