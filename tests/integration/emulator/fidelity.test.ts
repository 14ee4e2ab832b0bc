/**
 * Contract tests for where the emulator is as strict as HubSpot (standard option lists, required
 * attributes, required properties, text length, string values) and for its fidelity knobs (207
 * partial failures, the portal tier, search index lag), all through @hubspot/api-client.
 */
import { TIER_RATE_LIMITS } from '../../../emulator';
import { STANDARD_PROPERTIES, STANDARD_PROPERTY_SOURCES } from '../../../emulator/store/standard-properties';
import { failureOf, rawRequest, useEmulator, useEmulatorPerTest } from '../../support/emulator';

const HIDDEN_OPTION = { label: 'A', value: 'a', displayOrder: 0, hidden: false };
const errorCodes = (body: Record<string, unknown>) =>
  ((body.errors as { code?: string }[] | undefined) ?? []).map((error) => error.code);

describe('emulator: HubSpot’s standard properties', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 } });
  const standardOptions = (type: string, name: string) =>
    STANDARD_PROPERTIES[type]!.find((property) => property.name === name)!.options.map((o) => o.value);

  test('the data file cites its sources and carries HubSpot’s full industry list', async () => {
    expect(STANDARD_PROPERTY_SOURCES.companies).toMatch(/^https:\/\/knowledge\.hubspot\.com\//);
    const industry = await harness.client.crm.properties.coreApi.getByName('companies', 'industry');
    expect(industry.options).toHaveLength(147);
    expect(industry.options.map((option) => option.value)).toEqual(
      expect.arrayContaining(['SEMICONDUCTORS', 'ENTERTAINMENT', 'WRITING_AND_EDITING']),
    );
    expect(industry.options.find((option) => option.value === 'SEMICONDUCTORS')?.label).toBe(
      'Semiconductors',
    );
  });

  test('a portfolio with every industry and every buying role loads through the API', async () => {
    const industries = standardOptions('companies', 'industry');
    const ids: string[] = [];
    for (let start = 0; start < industries.length; start += 100) {
      const created = await harness.client.crm.companies.batchApi.create({
        inputs: industries
          .slice(start, start + 100)
          .map((industry) => ({ properties: { name: `Co ${industry}`, industry }, associations: [] })),
      });
      ids.push(...created.results.map((company) => company.id));
    }
    expect(ids).toHaveLength(147);
    const roles = standardOptions('contacts', 'hs_buying_role');
    const contacts = await harness.client.crm.contacts.batchApi.create({
      inputs: [
        ...roles.map((role) => ({ properties: { email: `${role}@example.com`, hs_buying_role: role } })),
        { properties: { email: 'all@example.com', hs_buying_role: roles.join(';') } },
      ].map((input) => ({ ...input, associations: [] })),
    });
    expect(contacts.results).toHaveLength(roles.length + 1);
    const outcomes = standardOptions('meetings', 'hs_meeting_outcome');
    expect(outcomes).toEqual(['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED']);
    const meetings = await harness.client.crm.objects.batchApi.create('meetings', {
      inputs: outcomes.map((outcome) => ({
        properties: { hs_meeting_outcome: outcome, hs_timestamp: '2026-05-04T10:00:00.000Z' },
        associations: [],
      })),
    });
    expect(meetings.results).toHaveLength(5);
  });

  test('the default pipelines carry HubSpot’s stage ids', () => {
    expect(standardOptions('deals', 'dealstage')).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
      'closedwon',
      'closedlost',
    ]);
    expect(standardOptions('tickets', 'hs_pipeline_stage')).toEqual(['1', '2', '3', '4']);
  });
});

describe('emulator: required attributes and limits, with HubSpot’s error shapes', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 } });

  test('a property create without groupName is a 400 naming the missing attribute', async () => {
    const failure = await failureOf(
      harness.client.crm.properties.coreApi.create('companies', {
        name: 'kam_x',
        label: 'X',
        type: 'string',
        fieldType: 'text',
      } as never),
    );
    expect(failure.code).toBe(400);
    expect(failure.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining(
        'Cannot build PropertyCreate, some of required attributes are not set [groupName]',
      ),
    });
    expect(errorCodes(failure.body)).toEqual(['REQUIRED_FIELD']);
  });

  test.each([
    ['hidden', { label: 'A', value: 'a' }],
    ['label', { value: 'a', hidden: false }],
    ['value', { label: 'A', hidden: false }],
  ])('an option without %s is a 400 on create and on update', async (missing, option) => {
    const create = await failureOf(
      harness.client.crm.properties.coreApi.create('companies', {
        name: 'kam_choice',
        label: 'Choice',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'companyinformation',
        options: [option],
      } as never),
    );
    expect(create.code).toBe(400);
    expect(create.body.message).toContain(
      `Cannot build OptionInput, some of required attributes are not set [${missing}]`,
    );

    await harness.client.crm.properties.coreApi.create('companies', {
      name: 'kam_choice',
      label: 'Choice',
      type: 'enumeration' as never,
      fieldType: 'select' as never,
      groupName: 'companyinformation',
      options: [HIDDEN_OPTION],
    });
    const update = await failureOf(
      harness.client.crm.properties.coreApi.update('companies', 'kam_choice', {
        options: [HIDDEN_OPTION, option],
      } as never),
    );
    expect(update.code).toBe(400);
    expect(update.body).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect((update.body.errors as { in: string }[])[0]!.in).toBe(`options[1].${missing}`);
  });

  test('an update keeps the options exactly as sent: order and hidden flags', async () => {
    await harness.client.crm.properties.coreApi.create('companies', {
      name: 'kam_choice',
      label: 'Choice',
      type: 'enumeration' as never,
      fieldType: 'select' as never,
      groupName: 'companyinformation',
      options: [HIDDEN_OPTION, { label: 'B', value: 'b', displayOrder: 1, hidden: false }],
    });
    const updated = await harness.client.crm.properties.coreApi.update('companies', 'kam_choice', {
      options: [
        { label: 'B', value: 'b', displayOrder: 0, hidden: true },
        { label: 'A', value: 'a', displayOrder: 1, hidden: false },
      ],
    });
    expect(updated.options.map((o) => [o.value, o.displayOrder, o.hidden])).toEqual([
      ['b', 0, true],
      ['a', 1, false],
    ]);
  });

  test('a task, note or meeting without hs_timestamp is a 400 REQUIRED_PROPERTY; with it, created', async () => {
    for (const type of ['tasks', 'notes', 'meetings']) {
      const failure = await failureOf(
        harness.client.crm.objects.basicApi.create(type, { properties: {}, associations: [] }),
      );
      expect(failure.code).toBe(400);
      expect(failure.body.message).toContain('Property values were not valid');
      expect(errorCodes(failure.body)).toEqual(['REQUIRED_PROPERTY']);
    }
    const batch = await failureOf(
      harness.client.crm.objects.batchApi.create('tasks', {
        inputs: [{ properties: { hs_task_subject: 'Call' }, associations: [] }],
      }),
    );
    expect(batch.code).toBe(400);
    const task = await harness.client.crm.objects.basicApi.create('tasks', {
      properties: { hs_task_subject: 'Call', hs_timestamp: '2026-05-04T10:00:00.000Z' },
      associations: [],
    });
    expect(task.id).toMatch(/^\d+$/);
  });

  test('a custom object record without the schema’s required properties is a 400', async () => {
    const schema = await harness.client.crm.schemas.coreApi.create({
      name: 'contract',
      labels: { singular: 'Contract', plural: 'Contracts' },
      primaryDisplayProperty: 'title',
      requiredProperties: ['title', 'number'],
      properties: [
        { name: 'title', label: 'Title', type: 'string', fieldType: 'text' },
        { name: 'number', label: 'Number', type: 'number', fieldType: 'number' },
      ],
      associatedObjects: [],
    } as never);
    const failure = await failureOf(
      harness.client.crm.objects.basicApi.create(schema.objectTypeId as string, {
        properties: { title: 'Frame agreement' },
        associations: [],
      }),
    );
    expect(failure.code).toBe(400);
    expect(failure.body.errors).toEqual([
      expect.objectContaining({ code: 'REQUIRED_PROPERTY', in: 'number' }),
    ]);
    const created = await harness.client.crm.objects.basicApi.create(schema.objectTypeId as string, {
      properties: { title: 'Frame agreement', number: '7' },
      associations: [],
    });
    expect(created.properties.number).toBe('7');
  });

  test('a text value over 65,536 characters is a 400 INVALID_LENGTH; 65,536 is accepted', async () => {
    const failure = await failureOf(
      harness.client.crm.companies.basicApi.create({
        properties: { name: 'x'.repeat(65_537) },
        associations: [],
      }),
    );
    expect(failure.code).toBe(400);
    expect(errorCodes(failure.body)).toEqual(['INVALID_LENGTH']);
    const created = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'x'.repeat(65_536) },
      associations: [],
    });
    expect(created.properties.name).toHaveLength(65_536);
  });

  test('property values are strings: a JSON number or boolean is a 400 INVALID_TYPE', async () => {
    const failure = await failureOf(
      harness.client.crm.companies.basicApi.create({
        properties: { annualrevenue: 1200, hs_is_target_account: true } as never,
        associations: [],
      }),
    );
    expect(failure.code).toBe(400);
    expect(errorCodes(failure.body)).toEqual(['INVALID_TYPE', 'INVALID_TYPE']);
  });

  test('a batch read without properties or propertiesWithHistory is a 400 naming them', async () => {
    const response = await rawRequest(`${harness.emulator.url}/crm/v3/objects/companies/batch/read`, {
      method: 'POST',
      body: { inputs: [{ id: '1' }] },
    });
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toContain(
      'Cannot build BatchReadInputSimplePublicObjectId, some of required attributes are not set [properties, propertiesWithHistory]',
    );
  });
});

describe('emulator: fidelity knobs', () => {
  const start = useEmulatorPerTest();

  test('batchFailureRate: a property batch create answers 207 naming each failed input', async () => {
    const { emulator, client } = await start({ batchFailureRate: 1 });
    const response = await client.crm.properties.batchApi.createWithHttpInfo('companies', {
      inputs: ['kam_a', 'kam_b'].map((name) => ({
        name,
        label: name,
        type: 'string' as never,
        fieldType: 'text' as never,
        groupName: 'companyinformation',
      })),
    });
    expect(response.httpStatusCode).toBe(207);
    const body = response.data as { results: unknown[]; numErrors?: number; errors?: { context: unknown }[] };
    expect(body.results).toEqual([]);
    expect(body.numErrors).toBe(2);
    expect(body.errors?.map((error) => error.context)).toEqual([{ name: ['kam_a'] }, { name: ['kam_b'] }]);

    // Tools in another process turn it off (and on) through the admin API.
    const admin = await rawRequest(`${emulator.url}/__emulator/fidelity`, {
      method: 'PUT',
      body: { batchFailureRate: 0 },
    });
    expect(admin.body).toEqual({ tier: 'enterprise', searchLagMs: 0, batchFailureRate: 0 });
    const retried = await client.crm.properties.batchApi.createWithHttpInfo('companies', {
      inputs: [
        {
          name: 'kam_a',
          label: 'A',
          type: 'string' as never,
          fieldType: 'text' as never,
          groupName: 'companyinformation',
        },
      ],
    });
    expect(retried.httpStatusCode).toBe(201);
  });

  test('batchFailureRate: an object batch update answers 207; unknown and archived ids are 207 errors too', async () => {
    const { client } = await start({ batchFailureRate: 0.5, seed: 3 });
    const created = await client.crm.companies.batchApi.create({
      inputs: Array.from({ length: 10 }, (_, index) => ({
        properties: { name: `C${index}` },
        associations: [],
      })),
    });
    const ids = created.results.map((company) => company.id);
    await client.crm.companies.basicApi.archive(ids[0] as string);
    const response = await client.apiRequest({
      method: 'POST',
      path: '/crm/v3/objects/companies/batch/update',
      body: { inputs: [...ids, '999999'].map((id) => ({ id, properties: { name: 'Renamed' } })) },
    });
    expect(response.status).toBe(207);
    const body = (await response.json()) as {
      results: { id: string }[];
      errors: { category: string; context: { ids: string[] } }[];
    };
    const notFound = body.errors.find((error) => error.category === 'OBJECT_NOT_FOUND');
    expect(notFound?.context.ids).toEqual([ids[0]!, '999999']);
    const injected = body.errors.find((error) => error.category === 'INTERNAL_ERROR')?.context.ids ?? [];
    expect(injected.length).toBeGreaterThan(0);
    // Every input is either written or named in exactly one error.
    expect([...body.results.map((r) => r.id), ...injected, ...notFound!.context.ids].sort()).toEqual(
      [...ids, '999999'].sort(),
    );
  });

  test('tier professional: the schemas API is a 403 and the daily limit is Professional’s', async () => {
    const { client } = await start({ tier: 'professional' });
    const failure = await failureOf(client.crm.schemas.coreApi.getAll());
    expect(failure.code).toBe(403);
    expect(failure.body).toMatchObject({ status: 'error', category: 'MISSING_SCOPES' });
    const response = await client.crm.companies.basicApi.getPageWithHttpInfo(1);
    expect(response.headers['x-hubspot-ratelimit-daily']).toBe(String(TIER_RATE_LIMITS.professional.daily));
    expect(response.headers['x-hubspot-ratelimit-max']).toBe('190');
  });

  test('searchLagMs: search sees a create, an update and an archive only after the lag', async () => {
    const lagMs = 400;
    const { client } = await start({ searchLagMs: lagMs, searchPerSecond: 100 });
    const byName = async (name: string) =>
      (
        await client.crm.companies.searchApi.doSearch({
          filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ' as never, value: name }] }],
          properties: ['name'],
          limit: 10,
        } as never)
      ).results.map((company) => company.id);
    const wait = () => new Promise((resolve) => setTimeout(resolve, lagMs + 50));

    const { id } = await client.crm.companies.basicApi.create({
      properties: { name: 'Lagging' },
      associations: [],
    });
    expect(await byName('Lagging')).toEqual([]);
    // Reads by id are consistent at once, as in HubSpot.
    expect((await client.crm.companies.basicApi.getById(id, ['name'])).properties.name).toBe('Lagging');
    await wait();
    expect(await byName('Lagging')).toEqual([id]);

    await client.crm.companies.basicApi.update(id, { properties: { name: 'Renamed' } });
    expect(await byName('Renamed')).toEqual([]);
    expect(await byName('Lagging')).toEqual([id]);
    await wait();
    expect(await byName('Renamed')).toEqual([id]);

    await client.crm.companies.basicApi.archive(id);
    expect(await byName('Renamed')).toEqual([id]);
    await wait();
    expect(await byName('Renamed')).toEqual([]);
  });
});
