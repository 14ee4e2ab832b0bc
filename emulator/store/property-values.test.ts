import { normaliseProperties } from './property-values';
import type { PropertyDefinition } from './property-types';

function definition(
  overrides: Partial<PropertyDefinition> & Pick<PropertyDefinition, 'name' | 'type' | 'fieldType'>,
): PropertyDefinition {
  return {
    label: overrides.name,
    groupName: 'g',
    description: '',
    options: [],
    displayOrder: 0,
    hidden: false,
    formField: true,
    hasUniqueValue: false,
    calculated: false,
    externalOptions: false,
    hubspotDefined: false,
    readOnlyValue: false,
    createdAt: 0,
    updatedAt: 0,
    archived: false,
    ...overrides,
  };
}

const option = (value: string) => ({ label: value, value, displayOrder: 0, hidden: false });
const definitions = new Map(
  [
    definition({ name: 'amount', type: 'number', fieldType: 'number' }),
    definition({ name: 'closedate', type: 'datetime', fieldType: 'date' }),
    definition({ name: 'renewal_on', type: 'date', fieldType: 'date' }),
    definition({ name: 'flag', type: 'bool', fieldType: 'booleancheckbox' }),
    definition({
      name: 'tier',
      type: 'enumeration',
      fieldType: 'select',
      options: [option('key'), option('regular')],
    }),
    definition({
      name: 'roles',
      type: 'enumeration',
      fieldType: 'checkbox',
      options: [option('A'), option('B')],
    }),
    definition({ name: 'computed', type: 'number', fieldType: 'number', readOnlyValue: true }),
    definition({ name: 'note', type: 'string', fieldType: 'text' }),
  ].map((entry) => [entry.name, entry]),
);

describe('normaliseProperties', () => {
  test.each([
    ['a number, trimmed', { amount: ' 12.50 ' }, { amount: '12.50' }],
    [
      'a datetime in epoch ms becomes ISO',
      { closedate: '1700000000000' },
      { closedate: '2023-11-14T22:13:20.000Z' },
    ],
    [
      'a datetime in ISO stays ISO',
      { closedate: '2024-01-02T03:04:05Z' },
      { closedate: '2024-01-02T03:04:05.000Z' },
    ],
    [
      'a date at midnight becomes YYYY-MM-DD',
      { renewal_on: '2024-05-01T00:00:00Z' },
      { renewal_on: '2024-05-01' },
    ],
    ['a bool in any case', { flag: 'TRUE' }, { flag: 'true' }],
    ['an option', { tier: 'key' }, { tier: 'key' }],
    ['several checkbox options', { roles: 'A;B' }, { roles: 'A;B' }],
    ['an empty string clears', { tier: '' }, { tier: '' }],
    ['null clears', { note: null }, { note: '' }],
    ['a text of exactly 65,536 characters', { note: 'x'.repeat(65_536) }, { note: 'x'.repeat(65_536) }],
  ])('accepts %s', (_label, input, expected) => {
    expect(normaliseProperties(definitions, input)).toEqual({ ok: true, values: expected });
  });

  test.each([
    ['an unknown property', { nope: 'x' }, 'PROPERTY_DOESNT_EXIST'],
    ['a non-numeric number', { amount: '12,5' }, 'INVALID_LONG'],
    ['an unparseable datetime', { closedate: 'soon' }, 'INVALID_DATE'],
    ['a date off midnight', { renewal_on: '2024-05-01T10:00:00Z' }, 'INVALID_DATE'],
    ['a bool that is not one', { flag: 'yes' }, 'INVALID_BOOLEAN'],
    ['an unknown option', { tier: 'Key' }, 'INVALID_OPTION'],
    ['one unknown option among several', { roles: 'A;C' }, 'INVALID_OPTION'],
    ['a read-only value', { computed: '1' }, 'READ_ONLY_VALUE'],
    ['a number given as a JSON number', { amount: 7 }, 'INVALID_TYPE'],
    ['a bool given as a JSON boolean', { flag: true }, 'INVALID_TYPE'],
    ['a text of 65,537 characters', { note: 'x'.repeat(65_537) }, 'INVALID_LENGTH'],
  ])('rejects %s', (_label, input, error) => {
    const result = normaliseProperties(definitions, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failures.map((failure) => failure.error)).toEqual([error]);
  });
});
