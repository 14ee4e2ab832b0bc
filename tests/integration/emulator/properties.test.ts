import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties';
import { failureOf, useEmulator } from '../../support/emulator';

const tierProperty = {
  name: 'kam_tier',
  label: 'Key-account tier',
  type: PropertyCreateTypeEnum.Enumeration,
  fieldType: PropertyCreateFieldTypeEnum.Select,
  groupName: 'keystone',
  options: [
    { label: 'Key', value: 'key', displayOrder: 0, hidden: false },
    { label: 'Important', value: 'important', displayOrder: 1, hidden: false },
    { label: 'Regular', value: 'regular', displayOrder: 2, hidden: false },
  ],
};

describe('emulator: properties v3 and property groups', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 } });

  async function createTier(): Promise<void> {
    await harness.client.crm.properties.groupsApi.create('companies', {
      name: 'keystone',
      label: 'Keystone',
      displayOrder: 1,
    });
    await harness.client.crm.properties.coreApi.create('companies', tierProperty);
  }

  test('the standard properties Keystone reads are there with HubSpot types', async () => {
    const all = await harness.client.crm.properties.coreApi.getAll('companies');
    const byName = new Map(all.results.map((property) => [property.name, property]));
    expect(byName.get('annualrevenue')).toMatchObject({
      type: 'number',
      fieldType: 'number',
      hubspotDefined: true,
    });
    expect(byName.get('hs_ideal_customer_profile')?.options.map((option) => option.value)).toEqual([
      'tier_1',
      'tier_2',
      'tier_3',
    ]);
    const deals = await harness.client.crm.properties.coreApi.getByName('deals', 'closedate');
    expect(deals).toMatchObject({ type: 'datetime', fieldType: 'date' });
    const roles = await harness.client.crm.properties.coreApi.getByName('contacts', 'hs_buying_role');
    expect(roles.fieldType).toBe('checkbox');
  });

  test('a created group and enumeration property read back; a second create is a 409', async () => {
    await createTier();
    const group = await harness.client.crm.properties.groupsApi.getByName('companies', 'keystone');
    expect(group.label).toBe('Keystone');
    const property = await harness.client.crm.properties.coreApi.getByName('companies', 'kam_tier');
    expect(property).toMatchObject({ name: 'kam_tier', groupName: 'keystone', hubspotDefined: false });
    const failure = await failureOf(harness.client.crm.properties.coreApi.create('companies', tierProperty));
    expect(failure.code).toBe(409);
    expect(failure.body.category).toBe('OBJECT_ALREADY_EXISTS');
    const groupAgain = await failureOf(
      harness.client.crm.properties.groupsApi.create('companies', { name: 'keystone', label: 'Again' }),
    );
    expect(groupAgain.code).toBe(409);
  });

  test.each([
    ['string with fieldType select', { type: 'string', fieldType: 'select' }],
    ['number with fieldType text', { type: 'number', fieldType: 'text' }],
    ['bool with fieldType radio', { type: 'bool', fieldType: 'radio' }],
    ['datetime with fieldType number', { type: 'datetime', fieldType: 'number' }],
    ['an enumeration without options', { type: 'enumeration', fieldType: 'select', options: [] }],
    ['an upper-case name', { name: 'KamScore', type: 'number', fieldType: 'number' }],
    ['a group that does not exist', { type: 'number', fieldType: 'number', groupName: 'nope' }],
  ])('%s is a 400', async (_label, overrides) => {
    const failure = await failureOf(
      harness.client.crm.properties.coreApi.create('companies', {
        name: 'kam_probe',
        label: 'Probe',
        groupName: 'companyinformation',
        ...overrides,
      } as never),
    );
    expect(failure.code).toBe(400);
    expect(failure.body.category).toBe('VALIDATION_ERROR');
  });

  test('valid type/fieldType pairs are accepted', async () => {
    const pairs: [string, string][] = [
      ['string', 'text'],
      ['string', 'textarea'],
      ['number', 'number'],
      ['enumeration', 'radio'],
      ['enumeration', 'checkbox'],
      ['enumeration', 'booleancheckbox'],
      ['datetime', 'date'],
      ['date', 'date'],
      ['bool', 'booleancheckbox'],
    ];
    for (const [index, [type, fieldType]] of pairs.entries()) {
      await harness.client.crm.properties.coreApi.create('deals', {
        name: `kam_pair_${index}`,
        label: `Pair ${index}`,
        type,
        fieldType,
        groupName: 'dealinformation',
        options:
          type === 'enumeration' && fieldType !== 'booleancheckbox'
            ? [{ label: 'A', value: 'a', displayOrder: 0, hidden: false }]
            : [],
      } as never);
    }
    const all = await harness.client.crm.properties.coreApi.getAll('deals');
    expect(all.results.filter((property) => property.name.startsWith('kam_pair_'))).toHaveLength(
      pairs.length,
    );
  });

  test('batch create reports taken names as errors of a 207; batch read finds by name', async () => {
    await createTier();
    const created = await harness.client.crm.properties.batchApi.create('companies', {
      inputs: [
        tierProperty,
        {
          name: 'kam_score',
          label: 'Score',
          type: PropertyCreateTypeEnum.Number,
          fieldType: PropertyCreateFieldTypeEnum.Number,
          groupName: 'keystone',
        },
      ],
    });
    expect(created.results.map((property) => property.name)).toEqual(['kam_score']);
    expect('numErrors' in created && created.numErrors).toBe(1);
    const read = await harness.client.crm.properties.batchApi.read('companies', {
      inputs: [{ name: 'kam_score' }, { name: 'kam_tier' }],
      archived: false,
    });
    expect(read.results.map((property) => property.name).sort()).toEqual(['kam_score', 'kam_tier']);
  });

  test('update adds an enumeration option that writes may then use', async () => {
    await createTier();
    const { id } = await harness.client.crm.companies.basicApi.create({
      properties: { name: 'X' },
      associations: [],
    });
    const rejected = await failureOf(
      harness.client.crm.companies.basicApi.update(id, { properties: { kam_tier: 'strategic' } }),
    );
    expect(rejected.code).toBe(400);
    await harness.client.crm.properties.coreApi.update('companies', 'kam_tier', {
      options: [
        ...tierProperty.options,
        { label: 'Strategic', value: 'strategic', displayOrder: 3, hidden: false },
      ],
    });
    const updated = await harness.client.crm.companies.basicApi.update(id, {
      properties: { kam_tier: 'strategic' },
    });
    expect(updated.properties.kam_tier).toBe('strategic');
  });

  test('a HubSpot-defined property cannot be archived; a custom one can', async () => {
    await createTier();
    const failure = await failureOf(harness.client.crm.properties.coreApi.archive('companies', 'name'));
    expect(failure.code).toBe(400);
    await harness.client.crm.properties.coreApi.archive('companies', 'kam_tier');
    const missing = await failureOf(harness.client.crm.properties.coreApi.getByName('companies', 'kam_tier'));
    expect(missing.code).toBe(404);
  });
});
