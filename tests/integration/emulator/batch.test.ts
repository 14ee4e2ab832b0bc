import { failureOf, useEmulator } from '../../support/emulator';

describe('emulator: CRM objects v3 batch routes', () => {
  const harness = useEmulator();

  async function createCompanies(count: number): Promise<string[]> {
    const response = await harness.client.crm.companies.batchApi.create({
      inputs: Array.from({ length: count }, (_, index) => ({
        properties: { name: `Company ${index}` },
        associations: [],
      })),
    });
    return response.results.map((result) => result.id);
  }

  test('batch create answers COMPLETE with one result per input', async () => {
    const response = await harness.client.crm.companies.batchApi.create({
      inputs: [
        { properties: { name: 'A', industry: 'MACHINERY' }, associations: [] },
        { properties: { name: 'B' }, associations: [] },
      ],
    });
    expect(response.status).toBe('COMPLETE');
    expect(response.results.map((result) => result.properties.name).sort()).toEqual(['A', 'B']);
    expect(response.startedAt).toBeInstanceOf(Date);
    expect(response.completedAt).toBeInstanceOf(Date);
  });

  test('batch read returns the requested properties; unknown ids make it a 207 with OBJECT_NOT_FOUND', async () => {
    const [first, second] = await createCompanies(2);
    const response = await harness.client.crm.companies.batchApi.read({
      inputs: [{ id: first! }, { id: second! }, { id: '999999' }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(response.results.map((result) => result.id).sort()).toEqual([first, second].sort());
    expect(response.results[0]!.properties).toHaveProperty('name');
    expect('numErrors' in response && response.numErrors).toBe(1);
    expect('errors' in response && response.errors).toEqual([
      expect.objectContaining({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        context: { ids: ['999999'] },
      }),
    ]);
  });

  test('101 inputs is a 400 for read, create, update and archive', async () => {
    const inputs = Array.from({ length: 101 }, (_, index) => ({ id: String(index + 1) }));
    const api = harness.client.crm.companies.batchApi;
    const failures = await Promise.all([
      failureOf(api.read({ inputs, properties: [], propertiesWithHistory: [] })),
      failureOf(api.create({ inputs: inputs.map(() => ({ properties: { name: 'x' }, associations: [] })) })),
      failureOf(api.update({ inputs: inputs.map((input) => ({ ...input, properties: { name: 'x' } })) })),
      failureOf(api.archive({ inputs })),
    ]);
    for (const failure of failures) {
      expect(failure.code).toBe(400);
      expect(failure.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
  });

  test('a batch read with propertiesWithHistory takes at most 50 inputs', async () => {
    const inputs = Array.from({ length: 51 }, (_, index) => ({ id: String(index + 1) }));
    const failure = await failureOf(
      harness.client.crm.companies.batchApi.read({ inputs, properties: [], propertiesWithHistory: ['name'] }),
    );
    expect(failure.code).toBe(400);
    const ok = await harness.client.crm.companies.batchApi.read({
      inputs: inputs.slice(0, 50),
      properties: [],
      propertiesWithHistory: ['name'],
    });
    expect(ok.status).toBe('COMPLETE');
  });

  test('batch update writes every input; unknown ids come back as a 207', async () => {
    const [first] = await createCompanies(1);
    const response = await harness.client.crm.companies.batchApi.update({
      inputs: [
        { id: first!, properties: { name: 'Renamed' } },
        { id: '424242', properties: { name: 'Ghost' } },
      ],
    });
    expect(response.results.map((result) => result.properties.name)).toEqual(['Renamed']);
    expect('errors' in response && response.errors?.[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['424242'] },
    });
  });

  test('one invalid value rejects the whole batch update and writes nothing', async () => {
    const [first, second] = await createCompanies(2);
    const failure = await failureOf(
      harness.client.crm.companies.batchApi.update({
        inputs: [
          { id: first!, properties: { name: 'Changed' } },
          { id: second!, properties: { industry: 'NOT_AN_INDUSTRY' } },
        ],
      }),
    );
    expect(failure.code).toBe(400);
    expect(String(failure.body.message)).toContain('NOT_AN_INDUSTRY was not one of the allowed options');
    const read = await harness.client.crm.companies.basicApi.getById(first!, ['name']);
    expect(read.properties.name).toBe('Company 0');
  });

  test('duplicate ids in a batch update are a 400', async () => {
    const [first] = await createCompanies(1);
    const failure = await failureOf(
      harness.client.crm.companies.batchApi.update({
        inputs: [
          { id: first!, properties: { name: 'a' } },
          { id: first!, properties: { name: 'b' } },
        ],
      }),
    );
    expect(failure.code).toBe(400);
  });

  test('batch archive answers 204 and the records are gone from reads', async () => {
    const ids = await createCompanies(3);
    await harness.client.crm.companies.batchApi.archive({ inputs: ids.map((id) => ({ id })) });
    const response = await harness.client.crm.companies.batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties: [],
      propertiesWithHistory: [],
    });
    expect(response.results).toEqual([]);
    expect('numErrors' in response && response.numErrors).toBe(1);
  });

  test('batch read by idProperty finds contacts by email', async () => {
    await harness.client.crm.contacts.basicApi.create({
      properties: { email: 'jane@acme.example', firstname: 'Jane' },
      associations: [],
    });
    const response = await harness.client.crm.contacts.batchApi.read({
      inputs: [{ id: 'jane@acme.example' }],
      idProperty: 'email',
      properties: ['firstname'],
      propertiesWithHistory: [],
    });
    expect(response.results[0]!.properties.firstname).toBe('Jane');
  });
});
