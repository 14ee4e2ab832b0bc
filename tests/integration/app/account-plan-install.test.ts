/**
 * Installing the account-plan store: `kam setup` creates the `kam_account_plan` object and says
 * so; on a Professional portal (no custom objects) setup and the app's self-install warn and go
 * on, the card's read says plans cannot be stored, and a save says what the portal needs.
 */
import { runCli } from '../../../cli/program';
import * as setupCommand from '../../../cli/commands/setup';
import { generatePortfolio } from '../../../emulator/generator';
import { main as getPlan } from '../../../src/app/functions/handlers/get-account-plan';
import { main as savePlan } from '../../../src/app/functions/handlers/save-account-plan';
import { forgetInstallations } from '../../../src/engine/incremental/self-install';
import { captureIo } from '../../support/cli';
import { useEmulatorPerTest } from '../../support/emulator';
import { planInput } from '../../support/account-plan';
import { NOW, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

const start = useEmulatorPerTest();
// each test starts its own emulator, so the function's base URL is set in the test
const env = useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN }));
beforeEach(() => forgetInstallations());

describe('kam setup', () => {
  test('creates the kam_account_plan object associated with companies, and finds it on a re-run', async () => {
    const { emulator, client } = await start({ token: TOKEN });
    const io = captureIo({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url });

    expect(await runCli(['setup'], io, [setupCommand])).toBe(0);
    expect(io.stdout.join('\n')).toMatch(
      /account-plan store \(custom object kam_account_plan, 2-\d+\): created/,
    );
    const schemas = await client.crm.schemas.coreApi.getAll();
    const plan = schemas.results.find((schema) => schema.name === 'kam_account_plan');
    expect(plan?.associations.map((association) => association.toObjectTypeId)).toContain('0-2');

    const again = captureIo({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url });
    expect(await runCli(['setup', '--json'], again, [setupCommand])).toBe(0);
    expect(JSON.parse(again.stdout.join('\n'))).toMatchObject({
      planStore: { available: true, objectTypeId: plan?.objectTypeId, created: false },
    });
  });
});

describe('a Professional portal (no custom objects)', () => {
  test('kam setup makes the properties and says plans cannot be stored, exit 0', async () => {
    const { emulator } = await start({ token: TOKEN, tier: 'professional' });
    const io = captureIo({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url });
    expect(await runCli(['setup'], io, [setupCommand])).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/account-plan store: NOT AVAILABLE — .*Enterprise subscription/);
  });

  test('the card reads no plan store; a save installs the rest, warns, and says what plans need', async () => {
    const { emulator } = await start({ token: TOKEN, tier: 'professional' });
    process.env.HUBSPOT_BASE_URL = emulator.url;
    const { snapshot } = generatePortfolio({ companies: 2, seed: 5, now: NOW });
    emulator.loadSnapshot(snapshot);
    const companyId = snapshot.companies[0]!.id;
    const onRecord = (parameters: Record<string, unknown>) => ({
      propertiesToSend: { hs_object_id: companyId },
      parameters,
    });

    await expect(getPlan(onRecord({}))).resolves.toEqual({
      ok: true,
      companyId,
      plan: null,
      invalidCurrent: null,
      versions: [],
      storeAvailable: false,
    });
    const result = await savePlan(
      onRecord({
        plan: planInput(),
        baseVersionId: null,
        actingUser: { userId: '7001', email: 'kam@example.com' },
      }),
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'plan.store_unavailable' } });
    expect(!result.ok && result.error.message).toMatch(/Enterprise.*crm\.schemas\.custom\.read\/write/);
    const log = env.logLines().join('\n');
    expect(log).toMatch(/no account-plan store in this portal, plans cannot be saved/);
    expect(log).toMatch(/no model store in this portal/);
  });
});
