import { failureOf, useEmulator } from '../../support/emulator';

describe('emulator: CRM objects v3 (single records)', () => {
  const harness = useEmulator();

  test('a created company comes back with its properties, hs_object_id and the date properties', async () => {
    const created = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'Acme GmbH', domain: 'acme.example', annualrevenue: '1200000' },
      associations: [],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties).toMatchObject({
      name: 'Acme GmbH',
      domain: 'acme.example',
      hs_object_id: created.id,
    });
    expect(created.properties.createdate).toEqual(created.createdAt.toISOString());
    expect(created.properties.hs_lastmodifieddate).toBeDefined();

    const read = await harness.client.crm.companies.basicApi.getById(created.id, [
      'name',
      'annualrevenue',
      'industry',
    ]);
    expect(read.properties).toEqual({
      name: 'Acme GmbH',
      annualrevenue: '1200000',
      industry: null,
      hs_object_id: created.id,
      createdate: created.properties.createdate,
      hs_lastmodifieddate: created.properties.hs_lastmodifieddate,
    });
    expect(read.archived).toBe(false);
  });

  test('reads without properties return the type defaults', async () => {
    const created = await harness.client.crm.deals.basicApi.create({
      properties: { dealname: 'Renewal', amount: '5000', dealstage: 'closedwon', pipeline: 'default' },
      associations: [],
    });
    const read = await harness.client.crm.deals.basicApi.getById(created.id);
    expect(Object.keys(read.properties).sort()).toEqual(
      [
        'amount',
        'closedate',
        'createdate',
        'dealname',
        'dealstage',
        'hs_lastmodifieddate',
        'hs_object_id',
        'pipeline',
      ].sort(),
    );
  });

  test('the generic objects API accepts names and objectTypeIds', async () => {
    const created = await harness.client.crm.objects.basicApi.create('0-5', {
      properties: { subject: 'Broken pump', hs_ticket_priority: 'HIGH' },
      associations: [],
    });
    const read = await harness.client.crm.objects.basicApi.getById('tickets', created.id, ['subject']);
    expect(read.properties.subject).toBe('Broken pump');
  });

  test('update changes values and archive hides the record (404), archived=true still finds it', async () => {
    const { id } = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'Old' },
      associations: [],
    });
    const updated = await harness.client.crm.companies.basicApi.update(id, { properties: { name: 'New' } });
    expect(updated.properties.name).toBe('New');
    await harness.client.crm.companies.basicApi.archive(id);
    const missing = await failureOf(harness.client.crm.companies.basicApi.getById(id));
    expect(missing.code).toBe(404);
    expect(missing.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(missing.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const archived = await harness.client.crm.companies.basicApi.getById(
      id,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(archived.archived).toBe(true);
  });

  test('list pages with limit and after until every record is seen', async () => {
    for (let index = 0; index < 25; index++) {
      await harness.client.crm.contacts.basicApi.create({
        properties: { email: `p${index}@x.example` },
        associations: [],
      });
    }
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await harness.client.crm.contacts.basicApi.getPage(10, after, ['email']);
      seen.push(...page.results.map((result) => result.properties.email ?? ''));
      after = page.paging?.next?.after;
    } while (after);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  test('a list limit above 100 is a 400', async () => {
    const failure = await failureOf(harness.client.crm.companies.basicApi.getPage(101));
    expect(failure.code).toBe(400);
    expect(failure.body.category).toBe('VALIDATION_ERROR');
  });

  test('an unknown object type is HubSpot\'s 400 "Unable to infer object type"', async () => {
    const failure = await failureOf(harness.client.crm.objects.basicApi.getById('widgets', '1'));
    expect(failure.code).toBe(400);
    expect(String(failure.body.message)).toContain('Unable to infer object type from: widgets');
  });
});
