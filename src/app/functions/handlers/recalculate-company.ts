/**
 * App function `keystone_recalculate_company` (card "Recalculate"): rescores the company the card
 * is on with the active scoring model, writes what changed, and says whether its history was cut
 * to fit the 15 s budget (the sync engine caps associated records per type).
 */
import { recalculateCompanyParamsSchema } from '../contract/card';
import { FUNCTION_NAMES } from '../contract/common';
import { companyIdOf, defineAppFunction } from '../lib/app-function';
import { resolveScoringModel } from '../../../engine/settings';
import { rescoreCompany } from '../../../engine/sync';

export const recalculateCompany = defineAppFunction({
  name: FUNCTION_NAMES.recalculateCompany,
  parameters: recalculateCompanyParamsSchema,
  run: async ({ params, context, gateway, now, modelStore, planStore, ensureInstalled }) => {
    const companyId = companyIdOf(context, params.companyId);
    await ensureInstalled();
    const { model } = await resolveScoringModel(modelStore());
    const result = await rescoreCompany({ gateway, companyId, model, now: now(), plans: planStore() });
    return {
      companyId,
      changedProperties: Object.keys(result.changedProperties),
      truncated: result.truncated.length > 0,
      modelVersion: model.version,
    };
  },
});

export const main = recalculateCompany({ env: process.env });
