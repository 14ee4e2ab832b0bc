/** App function `keystone_get_model` (settings page): the active scoring model, its versions and any invalid ones. */
import { FUNCTION_NAMES } from '../contract/common';
import { getModelParamsSchema } from '../contract/settings';
import { defineAppFunction } from '../lib/app-function';
import { getModel as readModel } from '../lib/model-service';

export const getModel = defineAppFunction({
  name: FUNCTION_NAMES.getModel,
  parameters: getModelParamsSchema,
  run: ({ params, modelStore }) => readModel(modelStore(), params.historyLimit),
});

export const main = getModel({ env: process.env });
