/**
 * A Professional portal has no custom objects (the schemas API answers 403), so the model store
 * cannot exist there. The model policy says such a portal scores with the shipped defaults; the
 * app's self-install must agree: it creates the kam_* properties, reports the store as
 * unavailable, and the first Recalculate scores instead of failing on the store.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { startEmulator } from '../../../emulator/index';
import { generatePortfolio } from '../../../emulator/generator';
import { main as recalculate } from '../../../src/app/functions/handlers/recalculate-company';
import { forgetInstallations } from '../../../src/engine/incremental/self-install';
import { DEFAULT_MODEL_VERSION } from '../../../src/engine/settings';
import { gatewayFor, NOW, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ token: TOKEN, tier: 'professional' });
});
afterAll(() => emulator.close());
beforeEach(() => forgetInstallations());

const env = useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

test('the first Recalculate on a portal without custom objects installs the properties and scores with the defaults', async () => {
  const { snapshot } = generatePortfolio({ companies: 3, seed: 5, now: NOW });
  for (const company of snapshot.companies) {
    for (const name of Object.keys(company.properties))
      if (name.startsWith('kam_')) delete company.properties[name];
  }
  emulator.loadSnapshot(snapshot);
  const companyId = snapshot.companies[0]!.id;

  const result = await recalculate({ propertiesToSend: { hs_object_id: companyId }, parameters: {} });

  expect(result).toMatchObject({ ok: true, companyId });
  const stored = await gatewayFor(emulator).batchRead(
    'companies',
    [companyId],
    ['kam_tier', 'kam_model_version'],
  );
  expect(stored.records[0]?.properties.kam_tier).toMatch(/^(key|important|regular)$/);
  expect(stored.records[0]?.properties.kam_model_version).toBe(DEFAULT_MODEL_VERSION);
  // the store's absence is said once, in the function's log, with what to do
  expect(env.logLines().join('\n')).toMatch(/custom object/i);
});
