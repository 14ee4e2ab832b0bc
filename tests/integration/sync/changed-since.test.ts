import type { RunningEmulator } from '../../../emulator';
import { generatePortfolio } from '../../../emulator/generator';
import { findCompaniesChangedSince } from '../../../src/engine/sync/changed-since';
import { gatewayFor, NOW, portalWithPortfolio, searchCaughtUp } from '../../support/portal';

const COMPANIES = 60;
const SEED = 11;
const TYPES = ['deals', 'tickets', 'meetings', 'contacts'] as const;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES, SEED);
});
afterAll(async () => emulator.close());

/** Which companies list each associated record, from the generated portfolio the portal holds. */
function companiesHolding(type: (typeof TYPES)[number]): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const company of generatePortfolio({ companies: COMPANIES, seed: SEED, now: NOW }).snapshot
    .companies) {
    for (const record of company[type])
      holders.set(record.id, [...(holders.get(record.id) ?? []), company.id]);
  }
  return holders;
}

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('companies changed since (kam sync --since)', () => {
  test('nothing changed after the moment: no company', async () => {
    await later();
    expect(await findCompaniesChangedSince(gatewayFor(emulator), new Date())).toEqual([]);
  });

  test.each(TYPES)('a change to one of its %s alone brings the company in', async (type) => {
    const [recordId, holders] = [...companiesHolding(type)].find(([, companies]) => companies.length > 0)!;
    await later();
    const since = new Date();
    await later();
    const property = {
      deals: 'dealname',
      tickets: 'subject',
      meetings: 'hs_meeting_title',
      contacts: 'jobtitle',
    }[type];
    await gatewayFor(emulator).batchUpdate(type, [
      { id: recordId, properties: { [property]: `changed ${type}` } },
    ]);
    await searchCaughtUp(emulator);
    expect((await findCompaniesChangedSince(gatewayFor(emulator), since)).sort()).toEqual(
      [...holders].sort(),
    );
  });

  test('a change to the company itself brings it in', async () => {
    await later();
    const since = new Date();
    await later();
    const companyId = generatePortfolio({ companies: COMPANIES, seed: SEED, now: NOW }).snapshot.companies[0]!
      .id;
    const outcome = await gatewayFor(emulator).batchUpdate('companies', [
      { id: companyId, properties: { name: 'Renamed in the test' } },
    ]);
    expect(outcome.failures).toEqual([]);
    await searchCaughtUp(emulator);
    expect(await findCompaniesChangedSince(gatewayFor(emulator), since)).toEqual([companyId]);
  });
});
