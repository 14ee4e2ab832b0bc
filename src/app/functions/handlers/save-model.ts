/** App function `keystone_save_model` (settings page): validates and stores a new active model; admin key required. */
import { FUNCTION_NAMES } from '../contract/common';
import { saveModelParamsSchema } from '../contract/settings';
import { requireAdmin } from '../lib/admin-key';
import { defineAppFunction } from '../lib/app-function';
import { saveModel as storeModel } from '../lib/model-service';

export const saveModel = defineAppFunction({
  name: FUNCTION_NAMES.saveModel,
  parameters: saveModelParamsSchema,
  run: async ({ params, env, modelStore, ensureInstalled }) => {
    requireAdmin(env, params.adminKey, params.actingUser);
    await ensureInstalled();
    return storeModel(modelStore(), {
      model: params.model,
      note: params.note,
      actingUser: params.actingUser,
    });
  },
});

export const main = saveModel({ env: process.env });
