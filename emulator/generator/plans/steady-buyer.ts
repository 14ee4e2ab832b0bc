/**
 * A steady mid-size customer (the `steady` portfolio shape, issue #16): buys 3–6 times a year on
 * a schedule for all four years, at a spend that varies between customers far less than in the
 * long-tailed default. Most customers of a distributor or a subscription business look like this,
 * and a score must still tell the few that matter from the rest.
 */
import type { AccountHistory, PlanContext } from '../history';
import type { Random } from '../prng';
import { DAY_MS, YEAR_MS } from '../time';
import {
  USUAL_EXTRA_ROLES,
  USUAL_MEETING_OUTCOMES,
  USUAL_TICKET_PRIORITIES,
  buyingCentre,
  dealSeries,
  meetingSeries,
  ticketSeries,
} from '../timeline';
import { partialKamInputs, pickOwner } from './shared';

export function planSteadyBuyer(random: Random, context: PlanContext): AccountHistory {
  const { now, historyStart } = context;
  const createdAt = Math.floor(now - random.between(4.2, 8) * YEAR_MS);
  const annualSpendUsd = random.logNormal(30_000, 0.6);
  const growthPerYear = Math.exp(random.normal() * 0.08);
  const deals = dealSeries(random, context, {
    from: historyStart,
    to: now + 90 * DAY_MS,
    wonPerYear: random.int(3, 6),
    cadence: 'regular',
    winRate: random.between(0.75, 0.95),
    lostPerYear: 0.3,
    spendAt: (at) => annualSpendUsd * growthPerYear ** ((at - now) / YEAR_MS),
    renewalShare: 0.7,
    salesCycleDays: [7, 45],
    amountSigma: 0.15,
    notBefore: createdAt,
  });
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, annualSpendUsd > 60_000),
    icpTier: random.weighted([
      [null, 40],
      ['tier_3', 30],
      ['tier_2', 20],
      ['tier_1', 10],
    ] as const),
    isTargetAccount: random.chance(0.1),
    deals,
    tickets: ticketSeries(random, context, {
      from: historyStart,
      to: now,
      perYear: random.between(0.3, 1.5),
      priorities: USUAL_TICKET_PRIORITIES,
      medianResolutionDays: 3,
    }),
    meetings: meetingSeries(random, context, {
      from: historyStart,
      to: now + 45 * DAY_MS,
      perYear: random.between(1, 6),
      cadence: 'random',
      pastOutcomes: USUAL_MEETING_OUTCOMES,
    }),
    contacts: buyingCentre(
      random,
      random.chance(0.6) ? [['DECISION_MAKER']] : [],
      random.int(1, 5),
      USUAL_EXTRA_ROLES,
    ),
    kam: random.chance(0.25) ? partialKamInputs(random, 0.6) : null,
  };
}
