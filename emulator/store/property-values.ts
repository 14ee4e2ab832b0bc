/**
 * Validates and normalises property values the way HubSpot does on object writes: unknown
 * properties, read-only values, enumeration options, numbers, dates and booleans. Failures carry
 * HubSpot's error codes (PROPERTY_DOESNT_EXIST, INVALID_OPTION, INVALID_LONG, INVALID_DATE,
 * INVALID_BOOLEAN, READ_ONLY_VALUE) and messages, as in its "Property values were not valid" 400.
 */
import type { PropertyDefinition } from './property-types';

export interface PropertyFailure {
  name: string;
  value: string;
  error: string;
  message: string;
}

export type RawPropertyValue = string | number | boolean | null;

/** HubSpot's limit on a text value written through the API (single- and multi-line text). */
export const MAX_TEXT_LENGTH = 65_536;

const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const EPOCH_PATTERN = /^-?\d+$/;

/** Epoch milliseconds of a datetime written as epoch ms or an ISO string (HubSpot accepts both). */
export function parseDateTimeMs(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (EPOCH_PATTERN.test(trimmed)) return Number(trimmed);
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : ms;
}

function fail(name: string, value: string, error: string, message: string): PropertyFailure {
  return { name, value, error, message };
}

function normaliseOne(definition: PropertyDefinition, value: string): string | PropertyFailure {
  const { name } = definition;
  // An empty string clears a property in HubSpot, whatever its type.
  if (value === '') return '';
  switch (definition.type) {
    case 'number': {
      const trimmed = value.trim();
      if (!NUMBER_PATTERN.test(trimmed))
        return fail(name, value, 'INVALID_LONG', `${value} was not a valid long.`);
      return trimmed;
    }
    case 'datetime': {
      const ms = parseDateTimeMs(value);
      if (ms === null) return fail(name, value, 'INVALID_DATE', `${value} was not a valid date.`);
      return new Date(ms).toISOString();
    }
    case 'date': {
      const ms = parseDateTimeMs(value);
      if (ms === null) return fail(name, value, 'INVALID_DATE', `${value} was not a valid date.`);
      // HubSpot stores date properties as midnight UTC and rejects any other time of day.
      const iso = new Date(ms).toISOString();
      if (!iso.endsWith('T00:00:00.000Z')) {
        return fail(name, value, 'INVALID_DATE', `${value} is at ${iso.slice(11, 23)} UTC, not midnight!`);
      }
      return iso.slice(0, 10);
    }
    case 'bool': {
      const lower = value.trim().toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        return fail(name, value, 'INVALID_BOOLEAN', `${value} was not a valid boolean.`);
      }
      return lower;
    }
    case 'enumeration': {
      // Multiple checkboxes hold several options separated by semicolons.
      const parts = definition.fieldType === 'checkbox' ? value.split(';') : [value];
      const allowed = definition.options;
      for (const part of parts) {
        if (!allowed.some((option) => option.value === part)) {
          const list = allowed.map((option) => option.value).join(', ');
          return fail(name, value, 'INVALID_OPTION', `${part} was not one of the allowed options: [${list}]`);
        }
      }
      return value;
    }
    default:
      if (value.length > MAX_TEXT_LENGTH) {
        return fail(
          name,
          `${value.slice(0, 40)}…`,
          'INVALID_LENGTH',
          `${name} is ${value.length} characters long; the maximum is ${MAX_TEXT_LENGTH}.`,
        );
      }
      return value;
  }
}

/** The failures of a create that leaves out properties the object type requires. */
export function missingRequired(
  required: readonly string[],
  values: Readonly<Record<string, string>>,
): PropertyFailure[] {
  return required
    .filter((name) => (values[name] ?? '') === '')
    .map((name) => fail(name, '', 'REQUIRED_PROPERTY', `${name} is required and was not set.`));
}

/** Normalises a write; returns the values to store or every failure (HubSpot reports them all). */
export function normaliseProperties(
  definitions: ReadonlyMap<string, PropertyDefinition>,
  input: Record<string, RawPropertyValue>,
): { ok: true; values: Record<string, string> } | { ok: false; failures: PropertyFailure[] } {
  const values: Record<string, string> = {};
  const failures: PropertyFailure[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const value = raw === null ? '' : String(raw);
    // SimplePublicObjectInput types every value as a string (numbers and dates included).
    if (typeof raw === 'number' || typeof raw === 'boolean') {
      failures.push(
        fail(
          name,
          value,
          'INVALID_TYPE',
          `${name}: ${value} is a JSON ${typeof raw}; property values are strings (send "${value}").`,
        ),
      );
      continue;
    }
    const definition = definitions.get(name);
    if (!definition || definition.archived) {
      failures.push(fail(name, value, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`));
      continue;
    }
    if (definition.readOnlyValue) {
      failures.push(
        fail(name, value, 'READ_ONLY_VALUE', `${name} is a read only property; its value cannot be set.`),
      );
      continue;
    }
    const result = normaliseOne(definition, value);
    if (typeof result === 'string') values[name] = result;
    else failures.push(result);
  }
  return failures.length > 0 ? { ok: false, failures } : { ok: true, values };
}
