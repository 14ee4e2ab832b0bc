/**
 * App function `keystone_pin_tier` (card): pins a company's tier, optionally its strategy, with a
 * reason and an expiry, or clears the pin; admin key required (docs/decisions/0004-who-may-pin.md).
 * Rescores at once so `kam_tier` shows the pin before the next sync.
 */
import { pinTierParamsSchema, PIN_MAX_DAYS } from '../contract/card';
import { FUNCTION_NAMES } from '../contract/common';
import { requireAdmin } from '../lib/admin-key';
import { companyIdOf, defineAppFunction } from '../lib/app-function';
import { pinRequestOf } from '../lib/pin';
import { resolveScoringModel } from '../../../engine/settings';
import { pinCompanyTier } from '../../../engine/sync';

export const pinTier = defineAppFunction({
  name: FUNCTION_NAMES.pinTier,
  parameters: pinTierParamsSchema,
  run: async ({ params, context, gateway, env, now, modelStore, ensureInstalled }) => {
    requireAdmin(env, params.adminKey, params.actingUser, { doing: 'pinning a tier', verb: 'pin' });
    const companyId = companyIdOf(context, params.companyId);
    const at = now();
    const pin = params.action === 'set' ? pinRequestOf(params, at, PIN_MAX_DAYS) : null;
    await ensureInstalled();
    const { model } = await resolveScoringModel(modelStore());
    const result = await pinCompanyTier({ gateway, companyId, pin, model, now: at });
    return {
      companyId,
      tier: pin?.tier ?? result.score.tier,
      computedTier: result.score.tier,
      changedProperties: Object.keys(result.changedProperties),
    };
  },
});

export const main = pinTier({ env: process.env });
