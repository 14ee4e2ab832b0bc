import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { failureOf, useEmulator } from '../../support/emulator';

const modelSchema = {
  name: 'kam_model',
  labels: { singular: 'Scoring model', plural: 'Scoring models' },
  primaryDisplayProperty: 'model_name',
  requiredProperties: ['model_name'],
  searchableProperties: ['model_name'],
  secondaryDisplayProperties: [],
  properties: [
    { name: 'model_name', label: 'Model name', type: 'string', fieldType: 'text' },
    { name: 'model_version', label: 'Version', type: 'number', fieldType: 'number' },
    { name: 'model_json', label: 'Model', type: 'string', fieldType: 'textarea' },
  ],
  associatedObjects: ['COMPANY'],
};

describe('emulator: custom object schemas', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 }, portalId: 777 });

  async function createSchema() {
    return harness.client.crm.schemas.coreApi.create(modelSchema as never);
  }

  test('a created schema has objectTypeId 2-<n>, fullyQualifiedName p<portal>_<name> and its properties', async () => {
    const schema = await createSchema();
    expect(schema.objectTypeId).toMatch(/^2-\d+$/);
    expect(schema.fullyQualifiedName).toBe('p777_kam_model');
    expect(schema.primaryDisplayProperty).toBe('model_name');
    expect(schema.properties.map((property) => property.name)).toEqual(
      expect.arrayContaining(['model_name', 'model_version', 'model_json']),
    );
    const listed = await harness.client.crm.schemas.coreApi.getAll();
    expect(listed.results.map((result) => result.objectTypeId)).toEqual([schema.objectTypeId]);
    const byName = await harness.client.crm.schemas.coreApi.getById('p_kam_model');
    expect(byName.objectTypeId).toBe(schema.objectTypeId);
  });

  test('custom records work through the object, batch, search and association routes by every spelling', async () => {
    const schema = await createSchema();
    const objectTypeId = schema.objectTypeId!;
    const created = await harness.client.crm.objects.basicApi.create(objectTypeId, {
      properties: { model_name: 'default', model_version: '3' },
      associations: [],
    });
    const read = await harness.client.crm.objects.basicApi.getById('p_kam_model', created.id, [
      'model_version',
    ]);
    expect(read.properties.model_version).toBe('3');
    await harness.client.crm.objects.basicApi.update('p777_kam_model', created.id, {
      properties: { model_version: '4' },
    });
    const found = await harness.client.crm.objects.searchApi.doSearch('p_kam_model', {
      filterGroups: [{ filters: [{ propertyName: 'model_version', operator: 'GTE' as never, value: '4' }] }],
      properties: ['model_name'],
      limit: 10,
    });
    expect(found.results.map((result) => result.id)).toEqual([created.id]);
    const company = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'Acme' },
      associations: [],
    });
    await harness.client.crm.associations.v4.basicApi.createDefault(
      objectTypeId,
      created.id,
      'companies',
      company.id,
    );
    const associations = await harness.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company.id,
      'p_kam_model',
    );
    expect(associations.results[0]!.associationTypes[0]).toMatchObject({
      category: AssociationSpecAssociationCategoryEnum.UserDefined,
    });
    const bad = await failureOf(
      harness.client.crm.objects.basicApi.update(objectTypeId, created.id, {
        properties: { model_version: 'v4' },
      }),
    );
    expect(bad.code).toBe(400);
  });

  test('a second schema with the same name is a 409; a primaryDisplayProperty outside the properties a 400', async () => {
    await createSchema();
    expect((await failureOf(createSchema())).code).toBe(409);
    const failure = await failureOf(
      harness.client.crm.schemas.coreApi.create({
        ...modelSchema,
        name: 'other',
        primaryDisplayProperty: 'missing',
      } as never),
    );
    expect(failure.code).toBe(400);
  });

  test('/crm/v3/schemas answers as well as the client path /crm-object-schemas/v3/schemas', async () => {
    await createSchema();
    const response = await harness.client.apiRequest({ method: 'GET', path: '/crm/v3/schemas' });
    const body = (await response.json()) as { results: { name: string }[] };
    expect(body.results.map((result) => result.name)).toEqual(['kam_model']);
  });
});
