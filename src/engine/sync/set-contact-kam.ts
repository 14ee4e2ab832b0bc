/**
 * A manager's judgement of one person at a client (003, the organisation map): `kam_influence`,
 * `kam_attitude` and `kam_career` on a contact, set from the company's card, then the company
 * rescored, because the buying-centre factor and the risk signals read attitude and influence.
 *
 * The card acts on its own record only: the contact must be associated with that company
 * (associations v4, read from the contact's side: a person has few companies, a company may
 * have thousands of people). The checks run before anything is written.
 */
import type { Attitude, CareerStage, InfluenceLevel } from '../core/enums';
import { KeystoneError } from '../errors';
import type { CrmGateway } from '../hubspot/gateway';
import type { KAM_CONTACT_PROPERTIES } from '../hubspot/kam-properties';
import type { ScoringModel } from '../settings';
import { rescoreCompany, type RescoreResult } from './rescore-company';

/** The three judgements and the contact property each is stored in. */
export const CONTACT_KAM_FIELDS = {
  influence: 'kam_influence',
  attitude: 'kam_attitude',
  career: 'kam_career',
} as const satisfies Record<string, (typeof KAM_CONTACT_PROPERTIES)[number]['name']>;
export type ContactKamField = keyof typeof CONTACT_KAM_FIELDS;
const FIELDS = Object.keys(CONTACT_KAM_FIELDS) as ContactKamField[];

/** A value per field to set, or null to clear it; fields left out are left alone. */
export type ContactKamUpdate = {
  influence?: InfluenceLevel | null;
  attitude?: Attitude | null;
  career?: CareerStage | null;
};

/** The contact's three values as HubSpot holds them (null when empty). */
export type ContactKamValues = Record<ContactKamField, string | null>;

export type ContactKamChange = {
  field: ContactKamField;
  property: (typeof CONTACT_KAM_FIELDS)[ContactKamField];
  from: string | null;
  to: string | null;
};

export type CompanyContact = { companyId: string; contactId: string; values: ContactKamValues };

/**
 * Reads the contact and checks it belongs to the company. Throws `hubspot.not_found` for a
 * contact HubSpot does not know and `auth.not_associated` for one of another company.
 */
export async function readContactOfCompany(options: {
  gateway: CrmGateway;
  companyId: string;
  contactId: string;
}): Promise<CompanyContact> {
  const { gateway, companyId, contactId } = options;
  const { records } = await gateway.batchRead('contacts', [contactId], Object.values(CONTACT_KAM_FIELDS));
  const contact = records[0];
  if (!contact) {
    throw new KeystoneError('hubspot.not_found', `contact ${contactId} does not exist or was deleted`, {
      objectType: 'contacts',
      contactId,
    });
  }
  const companies = (await gateway.batchReadAssociations('contacts', 'companies', [contactId])).get(
    contactId,
  );
  if (!companies?.includes(companyId)) {
    throw new KeystoneError(
      'auth.not_associated',
      `contact ${contactId} is not associated with company ${companyId}: the card edits only the people of its own company`,
      { contactId, companyId },
    );
  }
  const values = Object.fromEntries(
    FIELDS.map((field) => [field, contact.properties[CONTACT_KAM_FIELDS[field]]?.trim() || null]),
  ) as ContactKamValues;
  return { companyId, contactId, values };
}

/** The fields whose value the update changes, in the fixed order influence, attitude, career. */
export function contactKamChanges(current: ContactKamValues, update: ContactKamUpdate): ContactKamChange[] {
  const changes: ContactKamChange[] = [];
  for (const field of FIELDS) {
    const wanted = update[field];
    if (wanted === undefined || wanted === current[field]) continue;
    changes.push({ field, property: CONTACT_KAM_FIELDS[field], from: current[field], to: wanted });
  }
  return changes;
}

/**
 * Writes what the update changes on a contact `readContactOfCompany` checked, then rescores its
 * company. Nothing changed: nothing is written to the contact, the company is still rescored.
 */
export async function setContactKam(options: {
  gateway: CrmGateway;
  contact: CompanyContact;
  update: ContactKamUpdate;
  model: ScoringModel;
  now: Date;
}): Promise<{ changes: ContactKamChange[]; values: ContactKamValues; rescore: RescoreResult }> {
  const { gateway, contact } = options;
  const changes = contactKamChanges(contact.values, options.update);
  if (changes.length > 0) {
    // An empty string clears a HubSpot property.
    const properties = Object.fromEntries(changes.map((change) => [change.property, change.to ?? '']));
    const outcome = await gateway.batchUpdate('contacts', [{ id: contact.contactId, properties }]);
    if (outcome.failures.length > 0) {
      throw new KeystoneError(
        'sync.write_failed',
        `writing ${changes.map((change) => change.property).join(', ')} of contact ${contact.contactId}: ${outcome.failures[0]?.message ?? 'HubSpot refused the update'}`,
        { contactId: contact.contactId },
      );
    }
  }
  const values = { ...contact.values };
  for (const change of changes) values[change.field] = change.to;
  const rescore = await rescoreCompany({
    gateway,
    companyId: contact.companyId,
    model: options.model,
    now: options.now,
  });
  return { changes, values, rescore };
}
