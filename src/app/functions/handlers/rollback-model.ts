/** App function `keystone_rollback_model` (settings page): re-activates an old version as a new one; admin key required. */
import { FUNCTION_NAMES } from '../contract/common';
import { rollbackModelParamsSchema } from '../contract/settings';
import { requireAdmin } from '../lib/admin-key';
import { defineAppFunction } from '../lib/app-function';
import { rollbackModel as restoreModel } from '../lib/model-service';

export const rollbackModel = defineAppFunction({
  name: FUNCTION_NAMES.rollbackModel,
  parameters: rollbackModelParamsSchema,
  run: ({ params, env, modelStore }) => {
    requireAdmin(env, params.adminKey, params.actingUser);
    return restoreModel(modelStore(), { versionId: params.versionId, actingUser: params.actingUser });
  },
});

export const main = rollbackModel({ env: process.env });
