/** App function `keystone_preview_model` (settings page): how many sampled companies a draft model would re-tier, and how both models backtest on that sample. */
import { FUNCTION_NAMES } from '../contract/common';
import { previewModelParamsSchema } from '../contract/settings';
import { defineAppFunction } from '../lib/app-function';
import { baselineModel } from '../lib/model-service';
import { previewModel as preview } from '../lib/preview';

export const previewModel = defineAppFunction({
  name: FUNCTION_NAMES.previewModel,
  parameters: previewModelParamsSchema,
  run: async ({ params, gateway, now, modelStore }) =>
    preview(gateway, {
      model: params.model,
      sampleSize: params.sampleSize,
      activeModel: await baselineModel(modelStore()),
      now: now(),
    }),
});

export const main = previewModel({ env: process.env });
