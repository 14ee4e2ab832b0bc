/**
 * App function `keystone_get_account_plan` (card, plan section): the company's current account
 * development plan, the stored versions newest first, and whether plans can be stored in this
 * portal at all (custom objects, Enterprise). A current version that fails the schema is answered
 * as `invalidCurrent`, with its field paths, so the editor starts from it instead of a blank plan.
 */
import { FUNCTION_NAMES } from '../contract/common';
import { getAccountPlanParamsSchema } from '../contract/plan';
import { companyIdOf, defineAppFunction } from '../lib/app-function';

export const getAccountPlan = defineAppFunction({
  name: FUNCTION_NAMES.getAccountPlan,
  parameters: getAccountPlanParamsSchema,
  run: async ({ params, context, planStore }) => {
    const companyId = companyIdOf(context, params.companyId);
    const store = planStore();
    if (!(await store.isAvailable())) {
      return { companyId, plan: null, invalidCurrent: null, versions: [], storeAvailable: false };
    }
    const [current, versions] = await Promise.all([
      store.current(companyId),
      store.history(companyId, params.historyLimit),
    ]);
    return {
      companyId,
      plan: current?.ok ? current.stored : null,
      invalidCurrent: current && !current.ok ? current.version : null,
      invalidContent: current && !current.ok ? current.content : undefined,
      versions,
      storeAvailable: true,
    };
  },
});

export const main = getAccountPlan({ env: process.env });
