import { useEmulator } from '../../support/emulator';

describe('emulator: property history', () => {
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 }, now: () => clock });

  test('two updates leave three values, newest first, with timestamps and sourceType INTEGRATION', async () => {
    const { id } = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'Acme', numberofemployees: '10' },
      associations: [],
    });
    clock += 60_000;
    await harness.client.crm.companies.basicApi.update(id, { properties: { numberofemployees: '20' } });
    clock += 60_000;
    await harness.client.crm.companies.batchApi.update({
      inputs: [{ id, properties: { numberofemployees: '35' } }],
    });

    const read = await harness.client.crm.companies.basicApi.getById(
      id,
      ['numberofemployees'],
      ['numberofemployees'],
    );
    expect(read.properties.numberofemployees).toBe('35');
    expect(
      read.propertiesWithHistory?.numberofemployees?.map((entry) => [
        entry.value,
        entry.timestamp.toISOString(),
        entry.sourceType,
      ]),
    ).toEqual([
      ['35', '2025-01-01T00:02:00.000Z', 'INTEGRATION'],
      ['20', '2025-01-01T00:01:00.000Z', 'INTEGRATION'],
      ['10', '2025-01-01T00:00:00.000Z', 'INTEGRATION'],
    ]);
  });

  test('an unchanged value writes no history and keeps hs_lastmodifieddate', async () => {
    const { id, properties } = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'Same' },
      associations: [],
    });
    clock += 1_000;
    const updated = await harness.client.crm.companies.basicApi.update(id, { properties: { name: 'Same' } });
    expect(updated.properties.hs_lastmodifieddate).toBe(properties.hs_lastmodifieddate);
    const batch = await harness.client.crm.companies.batchApi.read({
      inputs: [{ id }],
      properties: [],
      propertiesWithHistory: ['name'],
    });
    expect(batch.results[0]!.propertiesWithHistory?.name).toHaveLength(1);
  });

  test('a value loaded from a snapshot has one IMPORT entry until it is first changed', async () => {
    harness.emulator.loadSnapshot({
      schemaVersion: 1,
      companies: [
        { id: '501', properties: { name: 'Loaded', hs_lastmodifieddate: '2024-12-01T00:00:00.000Z' } },
      ],
    });
    clock += 1_000;
    await harness.client.crm.companies.basicApi.update('501', { properties: { name: 'Renamed' } });
    const read = await harness.client.crm.companies.basicApi.getById('501', ['name'], ['name']);
    expect(read.propertiesWithHistory?.name?.map((entry) => [entry.value, entry.sourceType])).toEqual([
      ['Renamed', 'INTEGRATION'],
      ['Loaded', 'IMPORT'],
    ]);
  });
});
