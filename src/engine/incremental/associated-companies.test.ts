import { associatedCompanyIds } from './associated-companies';

describe('associatedCompanyIds', () => {
  test('resolves companies with one associations read per object type and deduplicates them', async () => {
    const calls: [string, string, readonly string[]][] = [];
    const associations: Record<string, string[]> = {
      'deals:1': ['11'],
      'deals:2': ['11', '12'],
      'tickets:7': ['13'],
    };
    const gateway = {
      batchReadAssociations: async (fromType: string, toType: string, ids: readonly string[]) => {
        calls.push([fromType, toType, ids]);
        return new Map(ids.map((id) => [id, associations[`${fromType}:${id}`] ?? []]));
      },
    };
    const companies = await associatedCompanyIds(gateway, [
      { objectType: 'deal', objectId: '1' },
      { objectType: 'ticket', objectId: '7' },
      { objectType: 'deal', objectId: '2' },
      { objectType: 'deal', objectId: '3' },
    ]);
    expect(companies.sort()).toEqual(['11', '12', '13']);
    expect(calls).toEqual([
      ['deals', 'companies', ['1', '2', '3']],
      ['tickets', 'companies', ['7']],
    ]);
  });

  test('makes no call when there is nothing to resolve', async () => {
    const gateway = {
      batchReadAssociations: async () => {
        throw new Error('must not be called');
      },
    };
    expect(await associatedCompanyIds(gateway, [])).toEqual([]);
  });
});
