import { failureOf, useEmulator } from '../../support/emulator';

describe('emulator: property values are validated like HubSpot', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 } });

  async function companyId(): Promise<string> {
    return (
      await harness.client.crm.companies.basicApi.create({ properties: { name: 'Acme' }, associations: [] })
    ).id;
  }

  test.each([
    [
      'an unknown property',
      { no_such_property: 'x' },
      'PROPERTY_DOESNT_EXIST',
      'Property "no_such_property" does not exist',
    ],
    [
      'an unknown enumeration option',
      { industry: 'UNDERWATER_BASKETRY' },
      'INVALID_OPTION',
      'UNDERWATER_BASKETRY was not one of the allowed options',
    ],
    ['a non-numeric number', { annualrevenue: 'a lot' }, 'INVALID_LONG', 'a lot was not a valid long'],
    [
      'a bool that is not true/false',
      { hs_is_target_account: 'maybe' },
      'INVALID_BOOLEAN',
      'maybe was not a valid boolean',
    ],
    [
      'an unparseable datetime',
      { createdate: 'yesterday-ish' },
      'INVALID_DATE',
      'yesterday-ish was not a valid date',
    ],
    ['a read-only value', { hs_lastmodifieddate: '2024-01-01T00:00:00Z' }, 'READ_ONLY_VALUE', 'read only'],
  ])('%s is a 400 VALIDATION_ERROR naming the property and value', async (_label, properties, code, text) => {
    const id = await companyId();
    const failure = await failureOf(harness.client.crm.companies.basicApi.update(id, { properties }));
    expect(failure.code).toBe(400);
    expect(failure.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(String(failure.body.message)).toContain('Property values were not valid');
    const [name] = Object.keys(properties);
    expect(failure.body.errors).toEqual([
      expect.objectContaining({ code, in: name, message: expect.stringContaining(text) }),
    ]);
  });

  test('every failing property is reported, and nothing is written', async () => {
    const id = await companyId();
    const failure = await failureOf(
      harness.client.crm.companies.basicApi.update(id, {
        properties: { name: 'Changed', industry: 'NOPE', nope: '1' },
      }),
    );
    expect((failure.body.errors as unknown[]).length).toBe(2);
    const read = await harness.client.crm.companies.basicApi.getById(id, ['name']);
    expect(read.properties.name).toBe('Acme');
  });

  test('a create with a bad value is a 400 too', async () => {
    const failure = await failureOf(
      harness.client.crm.deals.basicApi.create({ properties: { dealstage: 'won-ish' }, associations: [] }),
    );
    expect(failure.code).toBe(400);
  });

  test('datetimes written as epoch milliseconds come back as ISO strings; checkbox values take several options', async () => {
    const deal = await harness.client.crm.deals.basicApi.create({
      properties: { closedate: String(Date.parse('2024-03-01T10:00:00Z')) },
      associations: [],
    });
    expect(deal.properties.closedate).toBe('2024-03-01T10:00:00.000Z');
    const contact = await harness.client.crm.contacts.basicApi.create({
      properties: { hs_buying_role: 'DECISION_MAKER;CHAMPION' },
      associations: [],
    });
    expect(contact.properties.hs_buying_role).toBe('DECISION_MAKER;CHAMPION');
  });

  test('owners are the options of hubspot_owner_id', async () => {
    const owners = await harness.client.crm.owners.ownersApi.getPage();
    expect(owners.results.length).toBeGreaterThan(0);
    const id = await companyId();
    const updated = await harness.client.crm.companies.basicApi.update(id, {
      properties: { hubspot_owner_id: owners.results[0]!.id },
    });
    expect(updated.properties.hubspot_owner_id).toBe(owners.results[0]!.id);
    const failure = await failureOf(
      harness.client.crm.companies.basicApi.update(id, { properties: { hubspot_owner_id: '1' } }),
    );
    expect(failure.code).toBe(400);
  });
});
