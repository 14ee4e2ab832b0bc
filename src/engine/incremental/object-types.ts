/**
 * The CRM object types whose changes can move a key-account score, described once. Webhook
 * parsing and coalescing read this table instead of branching on type names (style §3).
 * `objectTypeId`s are HubSpot's fixed ids for standard objects; `legacyName` is the prefix of
 * legacy subscription types (`deal.propertyChange`); `associationName` is the word HubSpot uses
 * in legacy association types (`COMPANY_TO_DEAL`).
 */
import {
  COMPANY_INPUT_PROPERTIES,
  CONTACT_INPUT_PROPERTIES,
  DEAL_INPUT_PROPERTIES,
  MEETING_INPUT_PROPERTIES,
  TICKET_INPUT_PROPERTIES,
} from '../core/input-properties';
import { KAM_OUTPUT_PROPERTY_NAMES } from '../hubspot/kam-properties';

export const INCREMENTAL_OBJECT_TYPES = ['company', 'deal', 'ticket', 'contact', 'meeting'] as const;
export type IncrementalObjectType = (typeof INCREMENTAL_OBJECT_TYPES)[number];

/** Objects other than the company itself: they reach a score through their company associations. */
export type RelatedObjectType = Exclude<IncrementalObjectType, 'company'>;

export type ObjectTypeDescriptor = {
  objectTypeId: string;
  /** The object type in CRM API paths (`/crm/v4/associations/deals/companies/…`). */
  crmType: string;
  legacyName: string | null;
  associationName: string;
  /** The properties whose change should trigger a rescore. */
  triggerProperties: readonly string[];
};

/**
 * Company properties the core reads but that must never trigger a rescore, with the reason.
 * `hs_lastmodifieddate` changes on every write, Keystone's own included: subscribing to it
 * would be a self-rescoring loop.
 */
export const NON_TRIGGER_COMPANY_PROPERTIES: Readonly<Record<string, string>> = {
  hs_lastmodifieddate: 'changes on every write, Keystone’s own included (a loop)',
  createdate: 'never changes after creation',
  name: 'display only; no factor reads it',
  domain: 'display only; no factor reads it',
  hubspot_owner_id: 'who owns the account does not move the score',
  kam_tier_pinned: 'set through the pin function, which rescores the company itself',
  kam_pin_expires_at: 'set through the pin function, which rescores the company itself',
};

const outputNames: ReadonlySet<string> = new Set(KAM_OUTPUT_PROPERTY_NAMES);

/** Input properties minus Keystone's own outputs minus the explicit exclusions. */
function triggersFrom(
  properties: readonly string[],
  excluded: Readonly<Record<string, string>> = {},
): string[] {
  return properties.filter((name) => !outputNames.has(name) && !(name in excluded));
}

export const OBJECT_TYPE_DESCRIPTORS: Readonly<Record<IncrementalObjectType, ObjectTypeDescriptor>> = {
  company: {
    crmType: 'companies',
    objectTypeId: '0-2',
    legacyName: 'company',
    associationName: 'COMPANY',
    triggerProperties: triggersFrom(COMPANY_INPUT_PROPERTIES, NON_TRIGGER_COMPANY_PROPERTIES),
  },
  deal: {
    crmType: 'deals',
    objectTypeId: '0-3',
    legacyName: 'deal',
    associationName: 'DEAL',
    // createdate never changes; hs_is_closed* are calculated from dealstage, which is subscribed
    triggerProperties: triggersFrom(DEAL_INPUT_PROPERTIES, {
      createdate: 'immutable',
      hs_is_closed_won: 'follows dealstage',
      hs_is_closed: 'follows dealstage',
    }),
  },
  ticket: {
    crmType: 'tickets',
    objectTypeId: '0-5',
    legacyName: 'ticket',
    associationName: 'TICKET',
    triggerProperties: triggersFrom(TICKET_INPUT_PROPERTIES, {
      createdate: 'immutable',
      closed_date: 'follows hs_pipeline_stage',
    }),
  },
  contact: {
    crmType: 'contacts',
    objectTypeId: '0-1',
    legacyName: 'contact',
    associationName: 'CONTACT',
    triggerProperties: triggersFrom(CONTACT_INPUT_PROPERTIES, {
      notes_last_contacted:
        'moves with every logged activity; the company’s own notes_last_contacted triggers',
    }),
  },
  meeting: {
    crmType: 'meetings',
    objectTypeId: '0-47',
    legacyName: null,
    associationName: 'MEETING',
    triggerProperties: triggersFrom(MEETING_INPUT_PROPERTIES),
  },
};

const byObjectTypeId = new Map<string, IncrementalObjectType>(
  INCREMENTAL_OBJECT_TYPES.map((type) => [OBJECT_TYPE_DESCRIPTORS[type].objectTypeId, type]),
);
const byLegacyName = new Map<string, IncrementalObjectType>(
  INCREMENTAL_OBJECT_TYPES.flatMap((type) => {
    const name = OBJECT_TYPE_DESCRIPTORS[type].legacyName;
    return name === null ? [] : [[name, type] as const];
  }),
);
const byAssociationName = new Map<string, IncrementalObjectType>(
  INCREMENTAL_OBJECT_TYPES.map((type) => [OBJECT_TYPE_DESCRIPTORS[type].associationName, type]),
);

export const objectTypeFromId = (objectTypeId: string): IncrementalObjectType | null =>
  byObjectTypeId.get(objectTypeId) ?? null;
export const objectTypeFromLegacyName = (legacyName: string): IncrementalObjectType | null =>
  byLegacyName.get(legacyName) ?? null;
export const objectTypeFromAssociationName = (associationName: string): IncrementalObjectType | null =>
  byAssociationName.get(associationName) ?? null;

export function isTriggerProperty(objectType: IncrementalObjectType, propertyName: string): boolean {
  return OBJECT_TYPE_DESCRIPTORS[objectType].triggerProperties.includes(propertyName);
}

export function isKeystoneOutputProperty(propertyName: string): boolean {
  return outputNames.has(propertyName);
}
