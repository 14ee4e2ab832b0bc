/**
 * App function `keystone_set_contact_kam` (card, organisation map): sets a contact's influence,
 * attitude and career (`kam_influence`, `kam_attitude`, `kam_career`), only for a contact of the
 * card's own company, then rescores the company, whose buying-centre factor and risk signals read them.
 */
import { setContactKamParamsSchema } from '../contract/card';
import { FUNCTION_NAMES } from '../contract/common';
import { companyIdOf, defineAppFunction } from '../lib/app-function';
import { resolveScoringModel } from '../../../engine/settings';
import { readContactOfCompany, setContactKam as writeContactKam } from '../../../engine/sync';

const valueOf = <T extends string>(value: T | '' | undefined): T | null | undefined =>
  value === '' ? null : value;

export const setContactKam = defineAppFunction({
  name: FUNCTION_NAMES.setContactKam,
  parameters: setContactKamParamsSchema,
  run: async ({ params, context, gateway, now, modelStore, ensureInstalled }) => {
    const companyId = companyIdOf(context, params.companyId);
    const contact = await readContactOfCompany({ gateway, companyId, contactId: params.contactId });
    await ensureInstalled();
    const { model } = await resolveScoringModel(modelStore());
    const update = {
      influence: valueOf(params.influence),
      attitude: valueOf(params.attitude),
      career: valueOf(params.career),
    };
    const result = await writeContactKam({ gateway, contact, update, model, now: now() });
    return {
      companyId,
      contactId: params.contactId,
      contactChanges: result.changes.map(({ field, from, to }) => ({ field, from, to })),
      contact: result.values,
      changedProperties: Object.keys(result.rescore.changedProperties),
    };
  },
});

export const main = setContactKam({ env: process.env });
