/** App function `keystone_create_task` (card): a recommendation as a task for the company owner, once per day. */
import { createTaskParamsSchema } from '../contract/card';
import { FUNCTION_NAMES } from '../contract/common';
import { companyIdOf, defineAppFunction } from '../lib/app-function';
import { createRecommendationTask } from '../lib/tasks';

export const createTask = defineAppFunction({
  name: FUNCTION_NAMES.createTask,
  parameters: createTaskParamsSchema,
  run: ({ params, context, gateway, now }) =>
    createRecommendationTask(gateway, {
      companyId: companyIdOf(context, params.companyId),
      recommendationId: params.recommendationId,
      language: params.language,
      now: now(),
    }),
});

export const main = createTask({ env: process.env });
