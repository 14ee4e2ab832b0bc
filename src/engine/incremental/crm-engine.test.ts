import { createCrmIncrementalEngine } from './crm-engine';
import { createOutcome } from './test-utils/fixtures';

describe('createCrmIncrementalEngine', () => {
  test('resolves companies with one associations read per object type and deduplicates them', async () => {
    const calls: [string, string, readonly string[]][] = [];
    const associations: Record<string, string[]> = {
      'deals:1': ['11'],
      'deals:2': ['11', '12'],
      'tickets:7': ['13'],
    };
    const engine = createCrmIncrementalEngine({
      gateway: {
        batchReadAssociations: async (fromType, toType, ids) => {
          calls.push([fromType, toType, ids]);
          return new Map(ids.map((id) => [id, associations[`${fromType}:${id}`] ?? []]));
        },
      },
      rescore: async (companyId) => createOutcome({ companyId }),
    });
    const companies = await engine.resolveCompanyIds([
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
    const engine = createCrmIncrementalEngine({
      gateway: {
        batchReadAssociations: async () => {
          throw new Error('must not be called');
        },
      },
      rescore: async (companyId) => createOutcome({ companyId }),
    });
    expect(await engine.resolveCompanyIds([])).toEqual([]);
  });
});
