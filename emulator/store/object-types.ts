/**
 * The object types the emulator knows, described as data so no route branches on a type name.
 * Standard ids and names are HubSpot's (developers.hubspot.com/docs/guides/crm/understanding-the-crm,
 * "Object type IDs"); custom types are added by the schemas API.
 */

export interface ObjectTypeDescriptor {
  /** HubSpot's objectTypeId: `0-2` for companies, `2-<n>` for custom objects. */
  objectTypeId: string;
  /** Plural API name used in paths: `companies`, or the custom schema's name. */
  name: string;
  /** Singular name, used in v3 association type names (`company_to_deal`) and messages. */
  singular: string;
  /** Upper-case name HubSpot puts in batch error messages ("Could not get some COMPANY objects"). */
  errorName: string;
  /** Extra path spellings HubSpot accepts for this type. */
  aliases: string[];
  /** Property holding the creation time (`createdate`, `hs_createdate` on custom objects). */
  createdProperty: string;
  /** Property holding the last modification time (contacts use `lastmodifieddate`). */
  lastModifiedProperty: string;
  /** Properties returned when a read names none (HubSpot's per-type defaults). */
  defaultProperties: string[];
  /** Properties the free-text `query` of a search looks in. */
  searchableProperties: string[];
  /** The default property group new properties of this type belong to. */
  defaultGroup: { name: string; label: string };
  isCustom: boolean;
}

const standard = (
  descriptor: Omit<ObjectTypeDescriptor, 'isCustom' | 'errorName' | 'createdProperty'> & {
    createdProperty?: string;
  },
): ObjectTypeDescriptor => ({
  ...descriptor,
  createdProperty: descriptor.createdProperty ?? 'createdate',
  errorName: descriptor.singular.toUpperCase(),
  isCustom: false,
});

/** HubSpot's standard objects that Keystone touches. */
export const STANDARD_OBJECT_TYPES: readonly ObjectTypeDescriptor[] = [
  standard({
    objectTypeId: '0-1',
    name: 'contacts',
    singular: 'contact',
    aliases: ['contact'],
    lastModifiedProperty: 'lastmodifieddate',
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    searchableProperties: ['firstname', 'lastname', 'email', 'phone', 'company'],
    defaultGroup: { name: 'contactinformation', label: 'Contact information' },
  }),
  standard({
    objectTypeId: '0-2',
    name: 'companies',
    singular: 'company',
    aliases: ['company'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    searchableProperties: ['name', 'domain', 'website', 'phone'],
    defaultGroup: { name: 'companyinformation', label: 'Company information' },
  }),
  standard({
    objectTypeId: '0-3',
    name: 'deals',
    singular: 'deal',
    aliases: ['deal'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ],
    searchableProperties: ['dealname'],
    defaultGroup: { name: 'dealinformation', label: 'Deal information' },
  }),
  standard({
    objectTypeId: '0-5',
    name: 'tickets',
    singular: 'ticket',
    aliases: ['ticket'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [
      'content',
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'hs_pipeline',
      'hs_pipeline_stage',
      'hs_ticket_category',
      'hs_ticket_priority',
      'subject',
    ],
    searchableProperties: ['subject', 'content'],
    defaultGroup: { name: 'ticketinformation', label: 'Ticket information' },
  }),
  standard({
    objectTypeId: '0-27',
    name: 'tasks',
    singular: 'task',
    aliases: ['task'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    createdProperty: 'hs_createdate',
    searchableProperties: ['hs_task_subject', 'hs_task_body'],
    defaultGroup: { name: 'task', label: 'Task information' },
  }),
  standard({
    objectTypeId: '0-46',
    name: 'notes',
    singular: 'note',
    aliases: ['note'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    createdProperty: 'hs_createdate',
    searchableProperties: ['hs_note_body'],
    defaultGroup: { name: 'notes', label: 'Note information' },
  }),
  standard({
    objectTypeId: '0-47',
    name: 'meetings',
    singular: 'meeting',
    aliases: ['meeting', 'meeting_event'],
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    createdProperty: 'hs_createdate',
    searchableProperties: ['hs_meeting_title', 'hs_meeting_body'],
    defaultGroup: { name: 'meeting', label: 'Meeting information' },
  }),
];

/** Builds the descriptor of a custom object type defined through the schemas API. */
export function customObjectType(input: {
  objectTypeId: string;
  name: string;
  fullyQualifiedName: string;
  searchableProperties: string[];
  primaryDisplayProperty: string;
}): ObjectTypeDescriptor {
  return {
    objectTypeId: input.objectTypeId,
    name: input.name,
    singular: input.name,
    errorName: input.name.toUpperCase(),
    // HubSpot accepts a custom type by objectTypeId, fullyQualifiedName or `p_<name>`.
    aliases: [input.fullyQualifiedName, `p_${input.name}`],
    createdProperty: 'hs_createdate',
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', input.primaryDisplayProperty],
    searchableProperties: input.searchableProperties,
    defaultGroup: { name: `${input.name}_information`, label: `${input.name} information` },
    isCustom: true,
  };
}

/** Looks types up by every spelling HubSpot accepts (case-insensitive, as HubSpot is). */
export class ObjectTypeRegistry {
  private readonly byKey = new Map<string, ObjectTypeDescriptor>();
  private readonly all: ObjectTypeDescriptor[] = [];

  constructor(types: readonly ObjectTypeDescriptor[] = STANDARD_OBJECT_TYPES) {
    for (const type of types) this.add(type);
  }

  add(type: ObjectTypeDescriptor): void {
    this.all.push(type);
    for (const key of [type.objectTypeId, type.name, ...type.aliases])
      this.byKey.set(key.toLowerCase(), type);
  }

  find(spelling: string): ObjectTypeDescriptor | undefined {
    return this.byKey.get(spelling.toLowerCase());
  }

  list(): readonly ObjectTypeDescriptor[] {
    return this.all;
  }
}
