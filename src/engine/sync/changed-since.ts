/**
 * Companies whose score inputs changed since a time: the company itself, or one of its deals,
 * tickets, meetings or buying-role contacts (a change to an associated record does not touch the
 * company's own hs_lastmodifieddate).
 */
import type { CrmGateway, CrmObjectType } from '../hubspot/gateway';

/** Contacts keep their modification time in `lastmodifieddate`; the other objects in `hs_lastmodifieddate`. */
const ASSOCIATED_TYPES: readonly { type: CrmObjectType; modifiedProperty: string }[] = [
  { type: 'deals', modifiedProperty: 'hs_lastmodifieddate' },
  { type: 'tickets', modifiedProperty: 'hs_lastmodifieddate' },
  { type: 'meetings', modifiedProperty: 'hs_lastmodifieddate' },
  { type: 'contacts', modifiedProperty: 'lastmodifieddate' },
];

const modifiedSince = (propertyName: string, since: Date) => ({
  filterGroups: [{ filters: [{ propertyName, operator: 'GTE', value: String(since.getTime()) }] }],
  properties: ['hs_object_id'],
});

export async function findCompaniesChangedSince(gateway: CrmGateway, since: Date): Promise<string[]> {
  const [companies, ...associated] = await Promise.all([
    gateway.searchAll('companies', modifiedSince('hs_lastmodifieddate', since)),
    ...ASSOCIATED_TYPES.map(({ type, modifiedProperty }) =>
      gateway.searchAll(type, modifiedSince(modifiedProperty, since)),
    ),
  ]);
  const ids = new Set(companies.map((c) => c.id));
  for (const [index, records] of associated.entries()) {
    if (records.length === 0) continue;
    const associations = await gateway.batchReadAssociations(
      ASSOCIATED_TYPES[index]!.type,
      'companies',
      records.map((r) => r.id),
    );
    for (const list of associations.values()) for (const id of list) ids.add(id);
  }
  return [...ids];
}
