import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { failureOf, useEmulator } from '../../support/emulator';

const HUBSPOT_DEFINED = AssociationSpecAssociationCategoryEnum.HubspotDefined;

describe('emulator: associations v4', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 } });

  async function create(
    type: 'companies' | 'deals' | 'contacts' | 'tickets',
    count: number,
  ): Promise<string[]> {
    const response = await harness.client.crm.objects.batchApi.create(type, {
      inputs: Array.from({ length: count }, () => ({ properties: {}, associations: [] })),
    });
    return response.results.map((result) => result.id);
  }

  test('a default association is readable from both sides with HubSpot type ids 342 / 341', async () => {
    const [company] = await create('companies', 1);
    const [deal] = await create('deals', 1);
    const created = await harness.client.crm.associations.v4.basicApi.createDefault(
      'companies',
      company!,
      'deals',
      deal!,
    );
    expect(created.results.map((result) => result.associationSpec.associationTypeId).sort()).toEqual([
      341, 342,
    ]);

    const forward = await harness.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: [{ id: company! }],
    });
    expect(forward.results).toEqual([
      expect.objectContaining({
        _from: { id: company },
        to: [
          {
            toObjectId: Number(deal),
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 342, label: null }],
          },
        ],
      }),
    ]);
    const backward = await harness.client.crm.associations.v4.batchApi.getPage('0-3', '0-2', {
      inputs: [{ id: deal! }],
    });
    expect(backward.results[0]!.to[0]!.associationTypes[0]!.typeId).toBe(341);
  });

  test.each([
    ['companies', 'contacts', 280, 279],
    ['companies', 'tickets', 340, 339],
    ['companies', 'meetings', 187, 188],
    ['tasks', 'companies', 192, 191],
  ])('default %s → %s uses type %i (inverse %i)', async (from, to, typeId, inverseTypeId) => {
    // HubSpot requires hs_timestamp on engagements (meetings, tasks).
    const propertiesOf = (type: string): Record<string, string> =>
      type === 'meetings' || type === 'tasks' ? { hs_timestamp: '2026-01-05T09:00:00.000Z' } : {};
    const [fromId] = (
      await harness.client.crm.objects.batchApi.create(from, {
        inputs: [{ properties: propertiesOf(from), associations: [] }],
      })
    ).results.map((r) => r.id);
    const [toId] = (
      await harness.client.crm.objects.batchApi.create(to, {
        inputs: [{ properties: propertiesOf(to), associations: [] }],
      })
    ).results.map((r) => r.id);
    const response = await harness.client.crm.associations.v4.batchApi.createDefault(from, to, {
      inputs: [{ _from: { id: fromId! }, to: { id: toId! } }],
    });
    expect(
      response.results.map((result) => result.associationSpec.associationTypeId).sort((a, b) => a - b),
    ).toEqual([typeId, inverseTypeId].sort((a, b) => a - b));
  });

  test('ids without associations, and unknown ids, come back as errors of a 207', async () => {
    const [company, lonely] = await create('companies', 2);
    const [deal] = await create('deals', 1);
    await harness.client.crm.associations.v4.basicApi.createDefault('companies', company!, 'deals', deal!);
    const response = await harness.client.crm.associations.v4.batchApi.getPageWithHttpInfo(
      'companies',
      'deals',
      {
        inputs: [{ id: company! }, { id: lonely! }, { id: '987654' }],
      },
    );
    expect(response.httpStatusCode).toBe(207);
    const body = response.data as unknown as {
      results: unknown[];
      numErrors: number;
      errors: { context: Record<string, string[]> }[];
    };
    expect(body.results).toHaveLength(1);
    expect(body.numErrors).toBe(2);
    expect(body.errors.map((error) => error.context.fromObjectId![0]).sort()).toEqual(
      [lonely, '987654'].sort(),
    );
  });

  test('each input pages its associations 500 at a time with its own after', async () => {
    const [company] = await create('companies', 1);
    const deals: string[] = [];
    for (let batch = 0; batch < 6; batch++) deals.push(...(await create('deals', 100)));
    for (let start = 0; start < deals.length; start += 100) {
      await harness.client.crm.associations.v4.batchApi.createDefault('companies', 'deals', {
        inputs: deals
          .slice(start, start + 100)
          .map((deal) => ({ _from: { id: company! }, to: { id: deal } })),
      });
    }
    const first = await harness.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: [{ id: company! }],
    });
    expect(first.results[0]!.to).toHaveLength(500);
    const after = first.results[0]!.paging?.next?.after;
    expect(after).toBeDefined();
    const second = await harness.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: [{ id: company!, after: after! }],
    });
    expect(second.results[0]!.to).toHaveLength(100);
    expect(second.results[0]!.paging).toBeUndefined();
    const seen = [...first.results[0]!.to, ...second.results[0]!.to].map((to) => String(to.toObjectId));
    expect(new Set(seen)).toEqual(new Set(deals));
  });

  test('more than 1,000 batch read inputs is a 400', async () => {
    const failure = await failureOf(
      harness.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
        inputs: Array.from({ length: 1_001 }, (_, index) => ({ id: String(index + 1) })),
      }),
    );
    expect(failure.code).toBe(400);
  });

  test('labelled create adds the primary type; labels archive removes only it; archive removes the pair', async () => {
    const [company] = await create('companies', 1);
    const [contact] = await create('contacts', 1);
    const created = await harness.client.crm.associations.v4.batchApi.create('contacts', 'companies', {
      inputs: [
        {
          _from: { id: contact! },
          to: { id: company! },
          types: [
            { associationCategory: HUBSPOT_DEFINED, associationTypeId: 279 },
            { associationCategory: HUBSPOT_DEFINED, associationTypeId: 1 },
          ],
        },
      ],
    });
    expect(created.results[0]!.labels).toEqual(['Primary']);
    const fromCompany = await harness.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company!,
      'contacts',
    );
    expect(fromCompany.results[0]!.associationTypes.map((type) => type.typeId).sort((a, b) => a - b)).toEqual(
      [2, 280],
    );

    await harness.client.crm.associations.v4.batchApi.archiveLabels('contacts', 'companies', {
      inputs: [
        {
          _from: { id: contact! },
          to: { id: company! },
          types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 1 }],
        },
      ],
    });
    const afterLabels = await harness.client.crm.associations.v4.basicApi.getPage(
      'contacts',
      contact!,
      'companies',
    );
    expect(afterLabels.results[0]!.associationTypes.map((type) => type.typeId)).toEqual([279]);

    await harness.client.crm.associations.v4.batchApi.archive('companies', 'contacts', {
      inputs: [{ _from: { id: company! }, to: [{ id: contact! }] }],
    });
    const afterArchive = await harness.client.crm.associations.v4.basicApi.getPage(
      'contacts',
      contact!,
      'companies',
    );
    expect(afterArchive.results).toEqual([]);
  });

  test('an association type that does not exist between the two types is a 400', async () => {
    const [company] = await create('companies', 1);
    const [deal] = await create('deals', 1);
    const failure = await failureOf(
      harness.client.crm.associations.v4.basicApi.create('companies', company!, 'deals', deal!, [
        { associationCategory: HUBSPOT_DEFINED, associationTypeId: 279 },
      ]),
    );
    expect(failure.code).toBe(400);
  });

  test('objects created with associations, and v3 reads with associations=deals', async () => {
    const [deal] = await create('deals', 1);
    const company = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'With deal' },
      associations: [
        { to: { id: deal! }, types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 342 }] },
      ],
    });
    const read = await harness.client.crm.companies.basicApi.getById(company.id, ['name'], undefined, [
      'deals',
    ]);
    expect(read.associations?.deals?.results).toEqual([{ id: deal, type: 'company_to_deal_unlabeled' }]);
  });

  test('associations to archived records are not returned', async () => {
    const [company] = await create('companies', 1);
    const [deal] = await create('deals', 1);
    await harness.client.crm.associations.v4.basicApi.createDefault('companies', company!, 'deals', deal!);
    await harness.client.crm.deals.basicApi.archive(deal!);
    const page = await harness.client.crm.associations.v4.basicApi.getPage('companies', company!, 'deals');
    expect(page.results).toEqual([]);
  });

  test('the labels route lists the types between two object types', async () => {
    const response = await harness.client.crm.associations.v4.schema.definitionsApi.getAll(
      'companies',
      'deals',
    );
    expect(response.results.map((type) => type.typeId).sort((a, b) => a - b)).toEqual([6, 342]);
  });
});
