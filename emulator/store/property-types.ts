/**
 * Property definitions in HubSpot's shape (the `Property` model of @hubspot/api-client's
 * crm/properties codegen) and the type/fieldType pairs HubSpot accepts
 * (developers.hubspot.com/docs/guides/api/crm/properties, "Property type and fieldType values").
 */

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const FIELD_TYPES = [
  'textarea',
  'text',
  'date',
  'file',
  'number',
  'select',
  'radio',
  'checkbox',
  'booleancheckbox',
  'calculation_equation',
  'html',
  'phonenumber',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Which fieldTypes HubSpot accepts for each type; any other pair is a 400. */
export const FIELD_TYPES_BY_TYPE: Record<PropertyType, readonly FieldType[]> = {
  string: ['text', 'textarea', 'file', 'html', 'phonenumber'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
};

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hidden: boolean;
  formField: boolean;
  hasUniqueValue: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  /** HubSpot computes the value; API writes of it are rejected (READ_ONLY_VALUE). */
  readOnlyValue: boolean;
  showCurrencySymbol?: boolean;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  /**
   * Defined by the emulator because a loaded snapshot used it without a definition. An API
   * create of the same name replaces it instead of answering 409 (see emulator/README.md).
   */
  isImplicit?: boolean;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

/** The JSON HubSpot returns for a property. */
export function propertyToJson(property: PropertyDefinition): Record<string, unknown> {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    groupName: property.groupName,
    description: property.description,
    options: property.options.map((option) => ({ ...option, description: option.description ?? '' })),
    displayOrder: property.displayOrder,
    hidden: property.hidden,
    formField: property.formField,
    hasUniqueValue: property.hasUniqueValue,
    calculated: property.calculated,
    externalOptions: property.externalOptions,
    hubspotDefined: property.hubspotDefined,
    ...(property.showCurrencySymbol === undefined ? {} : { showCurrencySymbol: property.showCurrencySymbol }),
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: property.readOnlyValue,
    },
    createdAt: new Date(property.createdAt).toISOString(),
    updatedAt: new Date(property.updatedAt).toISOString(),
    archived: property.archived,
  };
}

export function groupToJson(group: PropertyGroup): Record<string, unknown> {
  return { name: group.name, label: group.label, displayOrder: group.displayOrder, archived: group.archived };
}
