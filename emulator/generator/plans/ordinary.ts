/**
 * The "moving middle" (methodology §2): most customers. Spend is log-normal, which gives the
 * portfolio its long tail (003: about 20% of customers bring about 80% of revenue); some stopped
 * buying, some never bought.
 */
import type { AccountHistory, PlanContext } from '../history';
import type { Random } from '../prng';
import { DAY_MS, MONTH_MS, YEAR_MS } from '../time';
import {
  USUAL_EXTRA_ROLES,
  USUAL_MEETING_OUTCOMES,
  USUAL_TICKET_PRIORITIES,
  buyingCentre,
  dealSeries,
  meetingSeries,
  ticketSeries,
} from '../timeline';
import { partialKamInputs, pickOwner, randomLossReason } from './shared';

export function planOrdinary(random: Random, context: PlanContext): AccountHistory {
  const { now, historyStart } = context;
  const createdAt = Math.floor(now - random.between(0.25, 8) * YEAR_MS);
  const annualSpendUsd = random.logNormal(9_000, 1);
  const lifecycle = random.weighted([
    ['active', 72],
    ['churned', 16],
    ['prospect', 12],
  ] as const);
  const growthPerYear = Math.exp(random.normal() * 0.25);
  const firstClose = Math.max(historyStart, createdAt + 20 * DAY_MS);
  const lastClose = lifecycle === 'churned' ? now - random.between(13, 40) * MONTH_MS : now + 120 * DAY_MS;
  // half buy on a schedule (subscriptions, yearly renewals), half whenever a need comes up
  const isScheduled = lifecycle !== 'prospect' && random.chance(0.5);
  const deals = dealSeries(random, context, {
    from: firstClose,
    to: lastClose,
    wonPerYear:
      (lifecycle === 'prospect'
        ? 0.6
        : isScheduled
          ? random.pick([1, 1, 2, 4])
          : random.logNormal(1.2, 0.5)) * context.dealDensity,
    cadence: isScheduled ? 'regular' : 'random',
    winRate: random.between(0.5, 0.9),
    lostPerYear: 0.25 * context.dealDensity,
    spendAt: (at) => annualSpendUsd * growthPerYear ** ((at - now) / YEAR_MS),
    renewalShare: isScheduled ? 0.7 : 0.2,
    salesCycleDays: [14, 120],
    amountSigma: isScheduled ? 0.15 : 0.45,
    notBefore: createdAt,
  });
  if (lifecycle === 'prospect') {
    for (const deal of deals) if (deal.outcome === 'won') deal.outcome = 'lost';
  }
  const activeUntil = Math.min(now, lastClose + 90 * DAY_MS);
  const isCustomer = lifecycle !== 'prospect';
  const hasKamInputs = random.chance(0.25);
  const kam = hasKamInputs ? partialKamInputs(random, 0.6) : null;
  if (kam && lifecycle === 'churned' && random.chance(0.6)) kam.lossReason = randomLossReason(random);
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, false),
    icpTier: random.weighted([
      [null, 50],
      ['tier_3', 30],
      ['tier_2', 15],
      ['tier_1', 5],
    ] as const),
    isTargetAccount: random.chance(annualSpendUsd > 50_000 ? 0.3 : 0.05),
    deals,
    tickets: isCustomer
      ? ticketSeries(random, context, {
          from: firstClose,
          to: activeUntil,
          perYear: random.between(0.2, 1.2),
          priorities: USUAL_TICKET_PRIORITIES,
          medianResolutionDays: 3,
        })
      : [],
    meetings: meetingSeries(random, context, {
      from: Math.max(createdAt, historyStart),
      to: lifecycle === 'churned' ? activeUntil : now + 45 * DAY_MS,
      perYear: random.between(0.3, 3),
      cadence: 'random',
      pastOutcomes: USUAL_MEETING_OUTCOMES,
    }),
    contacts: buyingCentre(
      random,
      random.chance(0.5) ? [['DECISION_MAKER']] : [],
      random.int(0, 5),
      USUAL_EXTRA_ROLES,
    ),
    kam,
  };
}
