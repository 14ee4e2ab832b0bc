/**
 * The organisation map's contact properties through @hubspot/api-client against the emulator: a
 * manager's kam_attitude and kam_influence on contacts move the buying-centre risk signal on the
 * next rescoring, where the buying role alone said otherwise.
 */
import type { RunningEmulator } from '../../../emulator';
import { explanationSchema } from '../../../src/engine/hubspot/explanation-schema';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { rescoreCompany } from '../../../src/engine/sync/rescore-company';
import { fillPortal, gatewayFor, NOW, portalWithPortfolio } from '../../support/portal';

const CONTACT_TO_COMPANY = 279;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(5);
});
beforeEach(() => fillPortal(emulator, 5));
afterAll(() => emulator.close());

async function blockerSignal(companyId: string) {
  await rescoreCompany({ gateway: gatewayFor(emulator), companyId, model: DEFAULT_SCORING_MODEL, now: NOW });
  const company = await gatewayFor(emulator).client.crm.companies.basicApi.getById(companyId, [
    'kam_explanation',
  ]);
  const explanation = explanationSchema.parse(JSON.parse(company.properties.kam_explanation ?? 'null'));
  return explanation.risk.signals.find((signal) => signal.id === 'blocker_in_buying_centre') ?? null;
}

test('attitude and influence on contacts move the blocker signal on the next rescoring', async () => {
  const gateway = gatewayFor(emulator);
  const [company] = await gateway.batchCreate('companies', [{ properties: { name: 'Mapped Ltd' } }]);
  const id = company!.id;
  const [champion, opponent] = await gateway.batchCreate('contacts', [
    {
      properties: { email: 'champion@mapped.example', hs_buying_role: 'CHAMPION' },
      associations: [{ toId: id, typeId: CONTACT_TO_COMPANY }],
    },
    {
      properties: { email: 'opponent@mapped.example', hs_buying_role: 'END_USER' },
      associations: [{ toId: id, typeId: CONTACT_TO_COMPANY }],
    },
  ]);
  const contacts = gateway.client.crm.contacts.basicApi;

  // by role alone: a champion and nobody against us
  expect(await blockerSignal(id)).toBeNull();

  // the manager marks the end user an anti-sponsor: a blocker, balanced by the champion
  await contacts.update(opponent!.id, { properties: { kam_attitude: 'anti_sponsor' } });
  expect(await blockerSignal(id)).toMatchObject({ severity: 'watch' });

  // the champion turns out to be a critic: no sponsor is left to balance the blocker
  await contacts.update(champion!.id, { properties: { kam_attitude: 'critic' } });
  expect(await blockerSignal(id)).toMatchObject({
    severity: 'at_risk',
    text: { en: '1 blocker(s) in the buying centre and no champion or executive sponsor.' },
  });

  // an anti-sponsor of low influence weighs nothing
  await contacts.update(opponent!.id, { properties: { kam_influence: 'low' } });
  expect(await blockerSignal(id)).toBeNull();
});
