/**
 * Companies whose score inputs changed since a time: the company itself, or one of its deals or
 * tickets (a deal's change does not touch the company's own hs_lastmodifieddate).
 */
import type { CrmGateway } from '../hubspot/gateway';

export async function findCompaniesChangedSince(gateway: CrmGateway, since: Date): Promise<string[]> {
  const filterGroups = [
    { filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(since.getTime()) }] },
  ];
  const request = { filterGroups, properties: ['hs_object_id'] };
  const [companies, deals, tickets] = await Promise.all([
    gateway.searchAll('companies', request),
    gateway.searchAll('deals', request),
    gateway.searchAll('tickets', request),
  ]);
  const ids = new Set(companies.map((c) => c.id));
  for (const [type, records] of [
    ['deals', deals],
    ['tickets', tickets],
  ] as const) {
    if (records.length === 0) continue;
    const associations = await gateway.batchReadAssociations(
      type,
      'companies',
      records.map((r) => r.id),
    );
    for (const list of associations.values()) for (const id of list) ids.add(id);
  }
  return [...ids];
}
