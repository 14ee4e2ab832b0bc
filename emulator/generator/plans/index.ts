/** One plan per archetype: what happens with an account of that kind over four years. */
import type { Archetype } from '../archetypes';
import type { AccountHistory, PlanContext } from '../history';
import type { Random } from '../prng';
import { planDecliningKeyAccount } from './declining-key-account';
import { planGrowingNewcomer } from './growing-newcomer';
import { planLoyalSmallAccount } from './loyal-small-account';
import { planOneOffBuyer } from './one-off-buyer';
import { planOrdinary } from './ordinary';
import { planPriceOnlyBuyer } from './price-only-buyer';
import { planStrategicPartner } from './strategic-partner';

export type AccountPlan = (random: Random, context: PlanContext) => AccountHistory;

export const PLANS: Readonly<Record<Archetype, AccountPlan>> = {
  strategic_partner: planStrategicPartner,
  growing_newcomer: planGrowingNewcomer,
  loyal_small_account: planLoyalSmallAccount,
  declining_key_account: planDecliningKeyAccount,
  one_off_buyer: planOneOffBuyer,
  price_only_buyer: planPriceOnlyBuyer,
  ordinary: planOrdinary,
};
