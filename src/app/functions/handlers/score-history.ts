/**
 * App function `keystone_score_history` (card "Score trend"): the company's `kam_score` and
 * `kam_tier` over time, read from HubSpot's property history of those output properties
 * (`propertiesWithHistory`, a batch read of at most 50 records a call) — Keystone keeps no
 * history store of its own.
 */
import { scoreHistoryParamsSchema } from '../contract/card';
import { FUNCTION_NAMES } from '../contract/common';
import { companyIdOf, defineAppFunction } from '../lib/app-function';
import { KeystoneError } from '../../../engine/errors';
import { SCORE_HISTORY_PROPERTIES, scoreHistoryOf } from '../../../engine/sync';

export const scoreHistory = defineAppFunction({
  name: FUNCTION_NAMES.scoreHistory,
  parameters: scoreHistoryParamsSchema,
  run: async ({ params, context, gateway }) => {
    const companyId = companyIdOf(context, params.companyId);
    const [record] = await gateway.batchReadWithHistory(
      'companies',
      [companyId],
      [...SCORE_HISTORY_PROPERTIES],
      [...SCORE_HISTORY_PROPERTIES],
    );
    if (!record) throw new KeystoneError('hubspot.not_found', `company ${companyId} was not found`);
    return { companyId, ...scoreHistoryOf(record.history) };
  },
});

export const main = scoreHistory({ env: process.env });
