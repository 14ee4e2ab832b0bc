/**
 * HubSpot's standard (hubspotDefined) properties that a fresh emulated portal starts with, read
 * from one data file, `hubspot-standard-properties.json`: every property Keystone reads plus the
 * common ones around them, with HubSpot's full option lists (the 147 industries, lifecycle
 * stages, buying roles, meeting outcomes, the default deal and ticket pipelines and their stages,
 * …) and the documentation each comes from (its `sources`). Only the emulator reads it; the
 * file is parsed once, with zod, when this module loads, so a bad edit fails every test at once.
 */
import { z } from 'zod';
import data from './hubspot-standard-properties.json';
import { FIELD_TYPES, PROPERTY_TYPES, type FieldType, type PropertyType } from './property-types';

const optionSchema = z.object({ value: z.string().min(1), label: z.string().min(1) });

const propertySchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES),
  /** A key of `optionLists`, or `owners` (HubSpot fills those options from the owners list). */
  options: z.string().optional(),
  readOnlyValue: z.boolean().optional(),
  calculated: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
});

const fileSchema = z
  .object({
    sources: z.record(z.string(), z.string()),
    optionLists: z.record(z.string(), z.array(optionSchema).min(1)),
    objects: z.record(z.string(), z.array(propertySchema)),
  })
  .superRefine((file, context) => {
    for (const [type, properties] of Object.entries(file.objects)) {
      for (const property of properties) {
        const list = property.options;
        if (list !== undefined && list !== 'owners' && !file.optionLists[list]) {
          context.addIssue({ code: 'custom', message: `${type}.${property.name}: no option list '${list}'` });
        }
      }
    }
  });

export interface StandardOption {
  value: string;
  label: string;
}

export interface StandardProperty {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  /** The options in HubSpot's order; empty for the owner property, whose options are the owners. */
  options: readonly StandardOption[];
  hasOwnerOptions: boolean;
  readOnlyValue: boolean;
  calculated: boolean;
  hasUniqueValue: boolean;
}

const file = fileSchema.parse(data);

/** Where each part of the data comes from (URLs), as the data file states them. */
export const STANDARD_PROPERTY_SOURCES: Readonly<Record<string, string>> = file.sources;

/** Standard properties per object type name (`companies`, `contacts`, …). */
export const STANDARD_PROPERTIES: Readonly<Record<string, readonly StandardProperty[]>> = Object.fromEntries(
  Object.entries(file.objects).map(([type, properties]) => [
    type,
    properties.map((property): StandardProperty => ({
      name: property.name,
      label: property.label,
      type: property.type,
      fieldType: property.fieldType,
      options:
        property.options === undefined || property.options === 'owners'
          ? []
          : file.optionLists[property.options]!,
      hasOwnerOptions: property.options === 'owners',
      readOnlyValue: property.readOnlyValue ?? false,
      calculated: property.calculated ?? false,
      hasUniqueValue: property.hasUniqueValue ?? false,
    })),
  ]),
);

/** The option values of a standard option list, e.g. `industry`. */
export function standardOptionValues(list: string): string[] {
  return (file.optionLists[list] ?? []).map((option) => option.value);
}

/** HubSpot's default sales pipeline ("default") and its stage ids. */
export const DEFAULT_DEAL_STAGES = standardOptionValues('dealstage');

/** HubSpot's default support pipeline ("0") and its stage ids (New, Waiting on contact, Waiting on us, Closed). */
export const DEFAULT_TICKET_STAGES = standardOptionValues('hs_pipeline_stage');
