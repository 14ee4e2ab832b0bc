/**
 * The portal's owners (users who can own records), in the shape of HubSpot's `PublicOwner`
 * (GET /crm/v3/owners). Their ids are the options of every `hubspot_owner_id` property, so a
 * generator may assign records to them.
 */

export interface Owner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  type: 'PERSON';
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

const NAMES: [string, string][] = [
  ['Anna', 'Keller'],
  ['Ben', 'Okafor'],
  ['Chiara', 'Rossi'],
  ['David', 'Lindqvist'],
  ['Emma', 'Schmidt'],
  ['Farid', 'Haddad'],
];

/** Six owners with stable ids (HubSpot owner ids are numeric strings). */
export const SEEDED_OWNERS: readonly Owner[] = NAMES.map(([firstName, lastName], index) => ({
  id: String(70_000_001 + index),
  email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@keystone-demo.example`,
  firstName,
  lastName,
  userId: 9_000_001 + index,
  type: 'PERSON',
  archived: false,
  teams: [{ id: '4100', name: index < 3 ? 'Key accounts' : 'Sales', primary: true }],
}));

export function ownerToJson(owner: Owner, timestampIso: string): Record<string, unknown> {
  return {
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    type: owner.type,
    archived: owner.archived,
    teams: owner.teams,
    createdAt: timestampIso,
    updatedAt: timestampIso,
  };
}
