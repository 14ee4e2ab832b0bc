/**
 * App function `keystone_save_account_plan` (card, plan editor): saves the plan as the company's
 * new current version (refused with `plan.conflict` when another save came in since the editor
 * opened, `plan.invalid` naming the fields), then rescores the company the way Recalculate does,
 * so `kam_plan_status`, `kam_plan_next_review` and `kam_plan_progress` follow at once. Any user who
 * sees the card may save; `actingUser` is recorded with the version (kam serve puts the signed user there).
 */
import { FUNCTION_NAMES } from '../contract/common';
import { saveAccountPlanParamsSchema } from '../contract/plan';
import { companyIdOf, defineAppFunction } from '../lib/app-function';
import { isKeystoneError } from '../../../engine/errors';
import { resolveScoringModel } from '../../../engine/settings';
import { rescoreCompany } from '../../../engine/sync';

export const saveAccountPlan = defineAppFunction({
  name: FUNCTION_NAMES.saveAccountPlan,
  parameters: saveAccountPlanParamsSchema,
  run: async ({ params, context, gateway, now, modelStore, planStore, ensureInstalled, logger }) => {
    const companyId = companyIdOf(context, params.companyId);
    await ensureInstalled();
    const saved = await planStore().save(companyId, params.plan, {
      userId: params.actingUser.userId,
      userEmail: params.actingUser.email,
      note: params.note,
      baseVersionId: params.baseVersionId,
    });
    try {
      const { model } = await resolveScoringModel(modelStore());
      const result = await rescoreCompany({ gateway, companyId, model, now: now() });
      return { companyId, saved, changedProperties: Object.keys(result.changedProperties) };
    } catch (error) {
      // the save stands: answering a failure would make the editor save again into a conflict
      const rescoreError = {
        code: isKeystoneError(error) ? error.code : 'internal',
        message: `the plan was saved as ${saved.version}, but rescoring company ${companyId} failed: ${error instanceof Error ? error.message : String(error)}; Recalculate or the next sync updates the plan status`,
      };
      logger.warn(`${FUNCTION_NAMES.saveAccountPlan}: rescoring after the save failed`, {
        companyId,
        code: rescoreError.code,
        reason: rescoreError.message,
      });
      return { companyId, saved, changedProperties: [], rescoreError };
    }
  },
});

export const main = saveAccountPlan({ env: process.env });
