/**
 * HubSpot's rules for defining a property (developers.hubspot.com/docs/guides/api/crm/properties):
 * internal names are lowercase letters, digits and underscores starting with a letter; type and
 * fieldType must be a valid pair; enumerations need options with unique values (a
 * booleancheckbox gets `true`/`false`); the group must exist. Shared by the properties and
 * schemas routes.
 */
import { z } from 'zod';
import { validationError } from '../http/errors';
import {
  FIELD_TYPES,
  FIELD_TYPES_BY_TYPE,
  PROPERTY_TYPES,
  type PropertyDefinition,
  type PropertyOption,
} from './property-types';

export const optionInputSchema = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean(),
  description: z.string().optional(),
});

export const propertyCreateSchema = z.object({
  name: z.string(),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES),
  groupName: z.string(),
  description: z.string().optional(),
  options: z.array(optionInputSchema).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  externalOptions: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  referencedObjectType: z.string().optional(),
  showCurrencySymbol: z.boolean().optional(),
});
export type PropertyCreate = z.infer<typeof propertyCreateSchema>;

export const propertyUpdateSchema = propertyCreateSchema.omit({ name: true }).partial();
export type PropertyUpdate = z.infer<typeof propertyUpdateSchema>;

const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Required attributes of HubSpot's request models (@hubspot/api-client crm/properties codegen). */
export const REQUIRED_ATTRIBUTES = {
  PropertyCreate: ['name', 'label', 'type', 'fieldType', 'groupName'],
  ObjectTypePropertyCreate: ['name', 'label', 'type', 'fieldType'],
  OptionInput: ['hidden', 'label', 'value'],
} as const;

/**
 * HubSpot's 400 for a request model missing a required attribute: its JSON binder answers
 * "Cannot build <Model>, some of required attributes are not set [<names>]".
 */
export function requireAttributes(model: string, value: unknown, fields: readonly string[], at = ''): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  const missing = fields.filter((field) => record[field] === undefined || record[field] === null);
  if (missing.length === 0) return;
  const message = `Invalid input JSON: Cannot build ${model}, some of required attributes are not set [${missing.join(', ')}]`;
  throw validationError(message, {
    errors: missing.map((field) => ({
      message: `${field} is required`,
      in: `${at}${field}`,
      code: 'REQUIRED_FIELD',
    })),
  });
}

/** Checks a property create or update body's required attributes, options included, before zod parses it. */
export function requirePropertyAttributes(
  model: 'PropertyCreate' | 'ObjectTypePropertyCreate' | 'PropertyUpdate',
  value: unknown,
  at = '',
): void {
  if (model !== 'PropertyUpdate') requireAttributes(model, value, REQUIRED_ATTRIBUTES[model], at);
  const options = (value as { options?: unknown } | null)?.options;
  if (!Array.isArray(options)) return;
  options.forEach((option, index) =>
    requireAttributes('OptionInput', option, REQUIRED_ATTRIBUTES.OptionInput, `${at}options[${index}].`),
  );
}

function invalid(message: string, field: string): never {
  throw validationError(message, { errors: [{ message, in: field, code: 'INVALID_PROPERTY_DEFINITION' }] });
}

export function checkPropertyName(name: string): void {
  if (!NAME_PATTERN.test(name) || name.length > 100) {
    invalid(
      `Property name '${name}' is invalid: use lowercase letters, digits and underscores, starting with a letter.`,
      'name',
    );
  }
}

/** The options a definition ends up with, or a 400 naming what is wrong. */
export function checkDefinition(
  name: string,
  type: PropertyDefinition['type'],
  fieldType: PropertyDefinition['fieldType'],
  options: z.infer<typeof optionInputSchema>[] | undefined,
): PropertyOption[] {
  if (!FIELD_TYPES_BY_TYPE[type].includes(fieldType)) {
    invalid(
      `Property ${name}: fieldType ${fieldType} is not valid for type ${type}; use one of ${FIELD_TYPES_BY_TYPE[type].join(', ')}.`,
      'fieldType',
    );
  }
  if (type !== 'enumeration') return [];
  const given =
    options && options.length > 0
      ? options
      : fieldType === 'booleancheckbox'
        ? [
            { label: 'Yes', value: 'true', hidden: false },
            { label: 'No', value: 'false', hidden: false },
          ]
        : invalid(`Property ${name}: an enumeration needs at least one option.`, 'options');
  const values = new Set<string>();
  return given.map((option, index) => {
    if (values.has(option.value))
      invalid(`Property ${name}: option value '${option.value}' appears twice.`, 'options');
    values.add(option.value);
    return {
      label: option.label,
      value: option.value,
      displayOrder: option.displayOrder ?? index,
      hidden: option.hidden,
      ...(option.description === undefined ? {} : { description: option.description }),
    };
  });
}

/** A new custom (not hubspotDefined) property from a validated create body. */
export function buildDefinition(input: PropertyCreate, groupName: string, nowMs: number): PropertyDefinition {
  checkPropertyName(input.name);
  const options = checkDefinition(input.name, input.type, input.fieldType, input.options);
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName,
    description: input.description ?? '',
    options,
    displayOrder: input.displayOrder ?? -1,
    hidden: input.hidden ?? false,
    formField: input.formField ?? true,
    hasUniqueValue: input.hasUniqueValue ?? false,
    calculated: false,
    externalOptions: input.externalOptions ?? false,
    hubspotDefined: false,
    readOnlyValue: false,
    ...(input.showCurrencySymbol === undefined ? {} : { showCurrencySymbol: input.showCurrencySymbol }),
    createdAt: nowMs,
    updatedAt: nowMs,
    archived: false,
  };
}
