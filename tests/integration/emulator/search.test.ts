import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects';
import { failureOf, useEmulator } from '../../support/emulator';

type Filter = {
  propertyName: string;
  operator: FilterOperatorEnum;
  value?: string;
  highValue?: string;
  values?: string[];
};

describe('emulator: CRM search', () => {
  // A generous search limit here: the per-second limit has its own test in limits.test.ts.
  const harness = useEmulator({ searchPerSecond: 1_000, rateLimit: { perTenSeconds: 100_000 } });

  async function seedDeals(): Promise<void> {
    const inputs: { properties: Record<string, string> }[] = [
      {
        properties: {
          dealname: 'Alpha pump order',
          amount: '100',
          closedate: '2024-01-15T00:00:00Z',
          dealstage: 'closedwon',
        },
      },
      {
        properties: {
          dealname: 'Beta valves',
          amount: '2500.5',
          closedate: '2024-06-01T12:00:00Z',
          dealstage: 'closedlost',
        },
      },
      {
        properties: {
          dealname: 'Gamma service',
          amount: '900',
          closedate: '1735689600000',
          dealstage: 'closedwon',
        },
      },
      { properties: { dealname: 'Delta spare parts' } },
    ];
    await harness.client.crm.deals.batchApi.create({
      inputs: inputs.map((input) => ({ ...input, associations: [] })),
    });
  }

  async function names(filters: Filter[], sorts: string[] = []): Promise<string[]> {
    const response = await harness.client.crm.deals.searchApi.doSearch({
      filterGroups: [{ filters }],
      sorts,
      properties: ['dealname'],
      limit: 100,
    });
    return response.results.map((result) => result.properties.dealname ?? '').sort();
  }

  test.each<[string, Filter[], string[]]>([
    [
      'EQ on a string ignores case',
      [{ propertyName: 'dealname', operator: FilterOperatorEnum.Eq, value: 'alpha PUMP order' }],
      ['Alpha pump order'],
    ],
    [
      'NEQ includes records without the value',
      [{ propertyName: 'dealstage', operator: FilterOperatorEnum.Neq, value: 'closedwon' }],
      ['Beta valves', 'Delta spare parts'],
    ],
    [
      'GT compares numbers numerically',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.Gt, value: '900' }],
      ['Beta valves'],
    ],
    [
      'GTE and LT combine in one group',
      [
        { propertyName: 'amount', operator: FilterOperatorEnum.Gte, value: '100' },
        { propertyName: 'amount', operator: FilterOperatorEnum.Lt, value: '1000' },
      ],
      ['Alpha pump order', 'Gamma service'],
    ],
    [
      'LTE on datetimes takes epoch milliseconds',
      [
        {
          propertyName: 'closedate',
          operator: FilterOperatorEnum.Lte,
          value: String(Date.parse('2024-06-01T12:00:00Z')),
        },
      ],
      ['Alpha pump order', 'Beta valves'],
    ],
    [
      'BETWEEN on datetimes takes ISO strings',
      [
        {
          propertyName: 'closedate',
          operator: FilterOperatorEnum.Between,
          value: '2024-03-01T00:00:00Z',
          highValue: '2025-01-01T00:00:00Z',
        },
      ],
      ['Beta valves', 'Gamma service'],
    ],
    [
      'IN matches any listed value',
      [
        {
          propertyName: 'dealstage',
          operator: FilterOperatorEnum.In,
          values: ['closedlost', 'appointmentscheduled'],
        },
      ],
      ['Beta valves'],
    ],
    [
      'NOT_IN excludes listed values',
      [{ propertyName: 'dealstage', operator: FilterOperatorEnum.NotIn, values: ['closedwon'] }],
      ['Beta valves', 'Delta spare parts'],
    ],
    [
      'HAS_PROPERTY',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.HasProperty }],
      ['Alpha pump order', 'Beta valves', 'Gamma service'],
    ],
    [
      'NOT_HAS_PROPERTY',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.NotHasProperty }],
      ['Delta spare parts'],
    ],
    [
      'CONTAINS_TOKEN matches a word',
      [{ propertyName: 'dealname', operator: FilterOperatorEnum.ContainsToken, value: 'valves' }],
      ['Beta valves'],
    ],
    [
      'CONTAINS_TOKEN takes wildcards',
      [{ propertyName: 'dealname', operator: FilterOperatorEnum.ContainsToken, value: 'serv*' }],
      ['Gamma service'],
    ],
  ])('%s', async (_label, filters, expected) => {
    await seedDeals();
    expect(await names(filters)).toEqual(expected);
  });

  test('filter groups are ORed', async () => {
    await seedDeals();
    const response = await harness.client.crm.deals.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'dealname', operator: FilterOperatorEnum.Eq, value: 'Beta valves' }] },
        { filters: [{ propertyName: 'dealname', operator: FilterOperatorEnum.Eq, value: 'Gamma service' }] },
      ],
      properties: ['dealname'],
      limit: 10,
    });
    expect(response.total).toBe(2);
  });

  test('associations.company finds the records associated with a company', async () => {
    harness.emulator.loadSnapshot({
      schemaVersion: 1,
      companies: [
        {
          id: '1',
          properties: { name: 'A' },
          deals: [
            { id: '10', properties: { dealname: 'A1' } },
            { id: '11', properties: { dealname: 'A2' } },
          ],
        },
        { id: '2', properties: { name: 'B' }, deals: [{ id: '12', properties: { dealname: 'B1' } }] },
      ],
    });
    expect(
      await names([{ propertyName: 'associations.company', operator: FilterOperatorEnum.Eq, value: '1' }]),
    ).toEqual(['A1', 'A2']);
    expect(
      await names([{ propertyName: 'associations.company', operator: FilterOperatorEnum.In, values: ['2'] }]),
    ).toEqual(['B1']);
  });

  test('sorts order the results, descending included', async () => {
    await seedDeals();
    const response = await harness.client.crm.deals.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'amount', operator: FilterOperatorEnum.HasProperty }] }],
      sorts: [{ propertyName: 'amount', direction: 'DESCENDING' } as unknown as string],
      properties: ['amount'],
      limit: 10,
    });
    expect(response.results.map((result) => result.properties.amount)).toEqual(['2500.5', '900', '100']);
  });

  test('search pages with after and reports the total', async () => {
    await harness.client.crm.companies.batchApi.create({
      inputs: Array.from({ length: 25 }, (_, index) => ({
        properties: { name: `C${index}` },
        associations: [],
      })),
    });
    const first = await harness.client.crm.companies.searchApi.doSearch({ limit: 10, properties: ['name'] });
    expect(first.total).toBe(25);
    expect(first.paging?.next?.after).toBe('10');
    const last = await harness.client.crm.companies.searchApi.doSearch({
      limit: 10,
      after: '20',
      properties: ['name'],
    });
    expect(last.results).toHaveLength(5);
    expect(last.paging).toBeUndefined();
  });

  test('paging to the 10,001st result is a 400, as HubSpot caps a query at 10,000', async () => {
    harness.emulator.loadSnapshot({
      schemaVersion: 1,
      companies: Array.from({ length: 10_050 }, (_, index) => ({
        id: String(index + 1),
        properties: { name: `Co ${index}` },
      })),
    });
    const nearEnd = await harness.client.crm.companies.searchApi.doSearch({
      limit: 200,
      after: '9900',
      properties: ['name'],
    });
    expect(nearEnd.total).toBe(10_050);
    expect(nearEnd.results).toHaveLength(100);
    expect(nearEnd.paging?.next?.after).toBe('10000');
    const failure = await failureOf(
      harness.client.crm.companies.searchApi.doSearch({ limit: 200, after: '10000', properties: ['name'] }),
    );
    expect(failure.code).toBe(400);
    expect(failure.body.category).toBe('VALIDATION_ERROR');
  });

  test.each<[string, Record<string, unknown>]>([
    ['a limit above 200', { limit: 201 }],
    [
      'six filter groups',
      {
        filterGroups: Array.from({ length: 6 }, () => ({
          filters: [{ propertyName: 'name', operator: 'HAS_PROPERTY' }],
        })),
      },
    ],
    [
      'seven filters in a group',
      {
        filterGroups: [
          { filters: Array.from({ length: 7 }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' })) },
        ],
      },
    ],
    [
      'a filter on an unknown property',
      { filterGroups: [{ filters: [{ propertyName: 'no_such_thing', operator: 'HAS_PROPERTY' }] }] },
    ],
    [
      'an unknown operator',
      { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'LIKE', value: 'x' }] }] },
    ],
  ])('%s is a 400', async (_label, body) => {
    const failure = await failureOf(harness.client.crm.companies.searchApi.doSearch(body as never));
    expect(failure.code).toBe(400);
    expect(failure.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  test('search responses carry no X-HubSpot-RateLimit headers, as HubSpot documents', async () => {
    const response = await harness.client.crm.companies.searchApi.doSearchWithHttpInfo({ limit: 1 });
    expect(response.httpStatusCode).toBe(200);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('x-hubspot-ratelimit'))).toEqual(
      [],
    );
  });
});
