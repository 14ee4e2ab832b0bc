/**
 * methodology §6 end to end through @hubspot/api-client: setup creates the two manager inputs and
 * the output, a sync writes `kam_supplier_position`, a changed input moves it on the next
 * rescoring, and a value outside low/high clears it with the input named invalid — no crash.
 */
import type { RunningEmulator } from '../../../emulator';
import { explanationSchema } from '../../../src/engine/hubspot/explanation-schema';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { rescoreCompany } from '../../../src/engine/sync/rescore-company';
import { fillPortal, gatewayFor, NOW, portalWithPortfolio, sync } from '../../support/portal';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(20);
});
beforeEach(() => fillPortal(emulator, 20));
afterAll(() => emulator.close());

const client = () => gatewayFor(emulator).client;

async function firstCompanyIds(count: number): Promise<string[]> {
  const page = await client().crm.companies.basicApi.getPage(count);
  return page.results.map((company) => company.id);
}

async function setInputs(id: string, properties: Record<string, string>): Promise<void> {
  await client().crm.companies.basicApi.update(id, { properties });
}

async function stored(id: string) {
  const company = await client().crm.companies.basicApi.getById(id, [
    'kam_supplier_position',
    'kam_explanation',
  ]);
  const explanation = explanationSchema.parse(JSON.parse(company.properties.kam_explanation ?? 'null'));
  return { position: company.properties.kam_supplier_position ?? '', explanation };
}

const rescore = (companyId: string) =>
  rescoreCompany({ gateway: gatewayFor(emulator), companyId, model: DEFAULT_SCORING_MODEL, now: NOW });

test('setup creates the two inputs and the output with their options and labels', async () => {
  const properties = client().crm.properties.coreApi;
  const position = await properties.getByName('companies', 'kam_supplier_position');
  expect(position.type).toBe('enumeration');
  expect(position.options.map((option) => [option.value, option.label])).toEqual([
    ['managed', 'Managed supplier'],
    ['partner', 'Partner supplier'],
    ['independent', 'Independent supplier'],
    ['desired', 'Desired supplier'],
  ]);
  for (const name of ['kam_client_dependence', 'kam_value_delivered']) {
    const input = await properties.getByName('companies', name);
    expect(input.type).toBe('enumeration');
    expect(input.options.map((option) => option.value)).toEqual(['low', 'high']);
  }
});

test('a sync writes the position of a company with both inputs; a changed input moves it on the next rescoring', async () => {
  const [partner, desired, unset] = await firstCompanyIds(3);
  await setInputs(partner!, { kam_client_dependence: 'high', kam_value_delivered: 'high' });
  await setInputs(desired!, { kam_client_dependence: 'low', kam_value_delivered: 'high' });
  await setInputs(unset!, { kam_client_dependence: '', kam_value_delivered: '' });
  await sync(gatewayFor(emulator));
  expect((await stored(partner!)).position).toBe('partner');
  expect((await stored(desired!)).position).toBe('desired');
  expect((await stored(unset!)).position).toBe('');

  await setInputs(partner!, { kam_value_delivered: 'low' });
  const result = await rescore(partner!);
  expect(result.changedProperties.kam_supplier_position).toBe('managed');
  expect((await stored(partner!)).position).toBe('managed');

  // clearing one input clears the position: no guess from the other
  await setInputs(partner!, { kam_value_delivered: '' });
  await rescore(partner!);
  const cleared = await stored(partner!);
  expect(cleared.position).toBe('');
  expect(cleared.explanation.position).toEqual({
    value: null,
    missing: ['kam_value_delivered'],
    invalid: [],
  });
});

test('an input value outside low/high clears the position and is named invalid, without failing the sync', async () => {
  const [id] = await firstCompanyIds(1);
  // HubSpot refuses a value that is not an option; an admin may add one to the property, though
  const properties = client().crm.properties.coreApi;
  const dependence = await properties.getByName('companies', 'kam_client_dependence');
  await properties.update('companies', 'kam_client_dependence', {
    options: [
      ...dependence.options.map((option) => ({
        label: option.label,
        value: option.value,
        displayOrder: option.displayOrder,
        hidden: option.hidden,
      })),
      { label: 'Medium', value: 'medium', displayOrder: 9, hidden: false },
    ],
  });
  await setInputs(id!, { kam_client_dependence: 'high', kam_value_delivered: 'high' });
  await sync(gatewayFor(emulator));
  expect((await stored(id!)).position).toBe('partner');

  await setInputs(id!, { kam_client_dependence: 'medium' });
  const run = await sync(gatewayFor(emulator));
  expect(run.summary.writeFailures).toEqual([]);
  expect(run.writes.find((write) => write.id === id)?.properties).toMatchObject({
    kam_supplier_position: '',
  });
  const after = await stored(id!);
  expect(after.position).toBe('');
  expect(after.explanation.position).toEqual({
    value: null,
    missing: [],
    invalid: ['kam_client_dependence'],
  });
  expect(after.explanation.dataIssueCount).toBeGreaterThan(0);
});
