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
  return companiesChangedIn(gateway, since, since);
}

/**
 * The ids of companies whose own record changed since `companiesSince`, or one of whose deals,
 * tickets, meetings or contacts changed since `recordsSince` (in the order found).
 */
export async function companiesChangedIn(
  gateway: CrmGateway,
  companiesSince: Date,
  recordsSince: Date,
): Promise<string[]> {
  const [companies, ...associated] = await Promise.all([
    gateway.searchAll('companies', modifiedSince('hs_lastmodifieddate', companiesSince)),
    ...ASSOCIATED_TYPES.map(({ type, modifiedProperty }) =>
      gateway.searchAll(type, modifiedSince(modifiedProperty, recordsSince)),
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
