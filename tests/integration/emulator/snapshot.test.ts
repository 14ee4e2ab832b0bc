import type { EmulatorSnapshot } from '../../../emulator';
import { generatePortfolio } from '../../../emulator/generator';
import { useEmulator } from '../../support/emulator';

describe('emulator: loading a portfolio snapshot', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 }, searchPerSecond: 1_000 });

  const snapshot: EmulatorSnapshot = {
    schemaVersion: 1,
    takenAt: '2026-01-01T00:00:00.000Z',
    homeCurrency: 'EUR',
    companies: [
      {
        id: '100',
        properties: {
          name: 'Acme',
          industry: 'MACHINERY',
          kam_tier: 'key',
          createdate: '2020-01-01T00:00:00.000Z',
        },
        deals: [
          { id: '200', properties: { dealname: 'Big one', amount: '5000', dealstage: 'custom_stage_7' } },
        ],
        tickets: [{ id: '300', properties: { subject: 'Pump', hs_ticket_priority: 'HIGH' } }],
        meetings: [
          {
            id: '400',
            properties: {
              hs_meeting_outcome: 'COMPLETED',
              hs_meeting_start_time: '2025-06-01T10:00:00.000Z',
            },
          },
        ],
        contacts: [
          { id: '500', properties: { firstname: 'Jane', hs_buying_role: 'DECISION_MAKER', jobtitle: null } },
        ],
      },
      {
        id: '101',
        properties: { name: 'Beta' },
        deals: [],
        tickets: [],
        meetings: [],
        contacts: [{ id: '500', properties: { firstname: 'Jane (again)' } }],
      },
    ],
  };

  test('records keep their ids, and company associations use the default types', async () => {
    const summary = harness.emulator.loadSnapshot(snapshot);
    expect(summary).toMatchObject({ companies: 2, records: 6, associations: 5 });
    const deals = await harness.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: [{ id: '100' }],
    });
    expect(deals.results[0]!.to).toEqual([
      { toObjectId: 200, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 342, label: null }] },
    ]);
    const meeting = await harness.client.crm.objects.basicApi.getById(
      'meetings',
      '400',
      ['hs_meeting_outcome'],
      undefined,
      ['companies'],
    );
    expect(meeting.associations?.companies?.results).toEqual([
      { id: '100', type: 'meeting_event_to_company' },
    ]);
  });

  test('a contact listed under two companies is one record with two associations', async () => {
    harness.emulator.loadSnapshot(snapshot);
    const contact = await harness.client.crm.contacts.basicApi.getById(
      '500',
      ['firstname', 'jobtitle'],
      undefined,
      ['companies'],
    );
    expect(contact.properties.firstname).toBe('Jane');
    expect(contact.properties.jobtitle).toBeNull();
    expect(contact.associations?.companies?.results.map((result) => result.id).sort()).toEqual([
      '100',
      '101',
    ]);
  });

  test('the portal is widened to fit the data: unknown properties and enumeration values become definitions', async () => {
    const summary = harness.emulator.loadSnapshot(snapshot);
    expect(summary.implicitProperties).toEqual(['companies.kam_tier']);
    const stage = await harness.client.crm.properties.coreApi.getByName('deals', 'dealstage');
    expect(stage.options.map((option) => option.value)).toContain('custom_stage_7');
    // An implicit definition gives way to the app's own (kam setup) instead of answering 409.
    await harness.client.crm.properties.coreApi.create('companies', {
      name: 'kam_tier',
      label: 'Tier',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'companyinformation',
      options: [{ label: 'Key', value: 'key', displayOrder: 0, hidden: false }],
    } as never);
    const found = await harness.client.crm.companies.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'kam_tier', operator: 'EQ' as never, value: 'key' }] }],
      properties: ['name'],
      limit: 10,
    });
    expect(found.results.map((result) => result.id)).toEqual(['100']);
  });

  test('a loaded snapshot is copied unless handed over with adopt', async () => {
    const mine: EmulatorSnapshot = {
      schemaVersion: 1,
      companies: [{ id: '7', properties: { name: 'Mine' } }],
    };
    harness.emulator.loadSnapshot(mine);
    await harness.client.crm.companies.basicApi.update('7', { properties: { name: 'Changed' } });
    expect(mine.companies[0]!.properties.name).toBe('Mine');
    const handedOver: EmulatorSnapshot = {
      schemaVersion: 1,
      companies: [{ id: '8', properties: { name: 'Given' } }],
    };
    harness.emulator.loadSnapshot(handedOver, { adopt: true });
    expect((await harness.client.crm.companies.basicApi.getById('8', ['name'])).properties.name).toBe(
      'Given',
    );
  });

  test('ids handed out by the API never collide with loaded ones', async () => {
    harness.emulator.loadSnapshot(snapshot);
    const created = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'New' },
      associations: [],
    });
    expect(Number(created.id)).toBeGreaterThan(500);
  });

  test("the generator's portfolio loads and reads back through the client", async () => {
    const { snapshot: generated } = generatePortfolio({
      companies: 200,
      seed: 7,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const summary = harness.emulator.loadSnapshot(generated);
    expect(summary.companies).toBe(200);
    const page = await harness.client.crm.companies.basicApi.getPage(100, undefined, ['name']);
    expect(page.results).toHaveLength(100);
    const first = generated.companies[0]!;
    const deals = await harness.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: [{ id: first.id }],
    });
    const expectedDeals = new Set(first.deals.map((deal) => deal.id));
    if (expectedDeals.size > 0)
      expect(new Set(deals.results[0]!.to.map((to) => String(to.toObjectId)))).toEqual(expectedDeals);
  });
});
