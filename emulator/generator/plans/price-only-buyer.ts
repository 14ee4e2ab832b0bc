/**
 * A price-only buyer (methodology §7 level 1, commodity broker: price is everything, loyalty ≈ 0;
 * 002 pays late): asks for many quotes, loses most of them to cheaper offers and wins only small
 * discounted orders.
 */
import type { AccountHistory, DealEvent, PlanContext } from '../history';
import type { Random } from '../prng';
import { DAY_MS, HOUR_MS, YEAR_MS, floorTo } from '../time';
import { USUAL_TICKET_PRIORITIES, buyingCentre, dealSeries, meetingSeries, ticketSeries } from '../timeline';
import { pickOwner } from './shared';

export function planPriceOnlyBuyer(random: Random, context: PlanContext): AccountHistory {
  const { now, historyStart } = context;
  const createdAt = Math.floor(now - random.between(1.5, 6) * YEAR_MS);
  const annualSpendUsd = random.logNormal(10_000, 0.5);
  const from = Math.max(historyStart, createdAt + 20 * DAY_MS);
  const deals = dealSeries(random, context, {
    from,
    to: now + 90 * DAY_MS,
    wonPerYear: random.between(1, 2) * Math.max(0.5, context.dealDensity),
    cadence: 'random',
    winRate: random.between(0.15, 0.3),
    spendAt: () => annualSpendUsd,
    renewalShare: 0,
    salesCycleDays: [7, 30],
    amountSigma: 0.4,
    notBefore: createdAt,
    discountPercent: [15, 35],
  });
  const quoteSpan = [from, now] as const;
  const closed = (outcome: DealEvent['outcome']): number =>
    deals.filter((deal) => deal.outcome === outcome).length;
  if (closed('won') === 0) deals.push(quote(random, quoteSpan, annualSpendUsd, 'won'));
  // most quotes are lost to a cheaper offer: at least two losses per win
  while (closed('lost') < 2 * closed('won')) deals.push(quote(random, quoteSpan, annualSpendUsd, 'lost'));
  deals.sort((a, b) => a.closeAt - b.closeAt);
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, false),
    icpTier: random.chance(0.5) ? 'tier_3' : null,
    isTargetAccount: false,
    deals,
    tickets: ticketSeries(random, context, {
      from,
      to: now,
      perYear: 1,
      priorities: USUAL_TICKET_PRIORITIES,
      medianResolutionDays: 3,
    }),
    meetings: meetingSeries(random, context, {
      from: Math.max(historyStart, createdAt),
      to: now + 30 * DAY_MS,
      perYear: random.between(1, 2),
      cadence: 'random',
      pastOutcomes: [
        ['COMPLETED', 65],
        ['NO_SHOW', 15],
        ['CANCELED', 10],
        ['RESCHEDULED', 10],
      ],
    }),
    contacts: buyingCentre(random, [['BUDGET_HOLDER']], random.int(0, 2), [
      [null, 50],
      ['END_USER', 35],
      ['OTHER', 15],
    ]),
    kam: {
      marketReputation: random.pick(['low', 'medium'] as const),
      growthPotential: 'low',
      strategicFit: 'low',
      perceptionLevel: 'commodity_broker',
      paymentDiscipline: 'often_late',
      recommendsUs: false,
      annualCostToServeUsd: annualSpendUsd * random.between(0.1, 0.25),
    },
  };
}

function quote(
  random: Random,
  [from, to]: readonly [number, number],
  annualSpendUsd: number,
  outcome: 'won' | 'lost',
): DealEvent {
  const closeAt = floorTo(random.between(from + 7 * DAY_MS, to), HOUR_MS);
  const listAmount = annualSpendUsd * random.logNormal(0.5, 0.4);
  const discountPercent = Math.round(random.between(15, 35));
  return {
    createdAt: Math.max(from, closeAt - Math.floor(random.between(7, 30) * DAY_MS)),
    closeAt,
    outcome,
    pipeline: 'default',
    ...(outcome === 'won'
      ? { amountUsd: listAmount * (1 - discountPercent / 100), discountPercent }
      : { amountUsd: listAmount }),
  };
}
