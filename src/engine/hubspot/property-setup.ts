/**
 * `kam setup`: creates, idempotently, the `key_account_management` group and every `kam_*`
 * company property, and the same group with the organisation-map properties on contacts. A property that exists with the same type is brought up to date (labels,
 * description, missing enumeration options); one with a different type is reported, never clobbered.
 *
 * Options are sent whole (HubSpot's OptionInput requires label, value and hidden): an update
 * sends the portal's options as they are, in the portal's order with its hidden flags, and
 * appends only the options Keystone is missing. A batch create can answer 207 with per-input
 * errors: failed inputs are tried again (twice) and what still fails is reported by name.
 */
import { z } from 'zod';
import { batchErrorSchema, type CrmGateway } from './gateway';
import {
  KAM_CONTACT_PROPERTIES,
  KAM_PROPERTIES,
  KAM_PROPERTY_GROUP,
  type KamPropertyDefinition,
} from './kam-properties';

const existingPropertySchema = z.object({
  name: z.string(),
  type: z.string(),
  fieldType: z.string().optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  groupName: z.string().optional(),
  options: z
    .array(
      z.object({
        value: z.string(),
        label: z.string().optional(),
        hidden: z.boolean().optional(),
        displayOrder: z.number().optional(),
        description: z.string().optional(),
      }),
    )
    .optional(),
});
type ExistingProperty = z.infer<typeof existingPropertySchema>;

/** HubSpot's OptionInput, complete. */
type OptionInput = {
  label: string;
  value: string;
  hidden: boolean;
  displayOrder: number;
  description?: string;
};

/** A property HubSpot did not create, with what it said. */
export type SetupFailure = { name: string; category: string | undefined; message: string };

// A 207's failed inputs are sent again this many times before they are reported.
const CREATE_RETRIES = 2;

/** What setup did on one object type. */
export type PropertySetupReport = {
  groupCreated: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
  conflicts: { name: string; expectedType: string; actualType: string }[];
  /** Properties HubSpot refused in a batch create's 207 (after retries); none were half-made. */
  failed: SetupFailure[];
};

/** The company properties at the top level (as before contacts had any), the contact ones beside them. */
export type SetupReport = PropertySetupReport & {
  /** The organisation-map properties on contacts (`kam_influence`, `kam_attitude`, `kam_career`). */
  contacts: PropertySetupReport;
};

/** The CRM object types Keystone creates properties on, each with its catalogue. */
type PropertyObjectType = 'companies' | 'contacts';

function propertyPayload(definition: KamPropertyDefinition) {
  return {
    name: definition.name,
    label: definition.label,
    description: definition.description,
    groupName: KAM_PROPERTY_GROUP.name,
    type: definition.type as never,
    fieldType: definition.fieldType as never,
    formField: definition.role === 'input',
    options: (definition.options ?? []).map((option, index) => ({
      value: option.value,
      label: option.label,
      displayOrder: index,
      hidden: false,
    })),
  };
}

/**
 * The options to send with an update: the portal's own, untouched (order, hidden flags, labels,
 * including options an admin added), then Keystone's missing ones after them.
 */
export function mergedOptions(
  existing: ExistingProperty['options'],
  definition: KamPropertyDefinition,
): OptionInput[] {
  const portal = [...(existing ?? [])]
    .map((option, index) => ({ option, index }))
    .sort(
      (a, b) => (a.option.displayOrder ?? a.index) - (b.option.displayOrder ?? b.index) || a.index - b.index,
    )
    .map(({ option }, index): OptionInput => ({
      label: option.label ?? option.value,
      value: option.value,
      hidden: option.hidden ?? false,
      displayOrder: option.displayOrder ?? index,
      ...(option.description ? { description: option.description } : {}),
    }));
  let next = portal.reduce((max, option) => Math.max(max, option.displayOrder + 1), 0);
  for (const option of definition.options ?? []) {
    if (portal.some((have) => have.value === option.value)) continue;
    portal.push({ label: option.label, value: option.value, hidden: false, displayOrder: next++ });
  }
  return portal;
}

function needsUpdate(existing: ExistingProperty, definition: KamPropertyDefinition): boolean {
  if (existing.label !== definition.label || (existing.description ?? '') !== definition.description)
    return true;
  if (existing.groupName !== KAM_PROPERTY_GROUP.name) return true;
  // A bool's true/false options are HubSpot's own; portals differ in echoing them back.
  if (definition.type === 'bool') return false;
  const have = new Set((existing.options ?? []).map((o) => o.value));
  return (definition.options ?? []).some((o) => !have.has(o.value));
}

/** Makes the portal's company and contact properties match Keystone's catalogue; safe to run any number of times. */
export async function ensureKamProperties(
  gateway: CrmGateway,
  options: { dryRun?: boolean } = {},
): Promise<SetupReport> {
  const companies = await ensureObjectProperties(gateway, 'companies', KAM_PROPERTIES, options);
  const contacts = await ensureObjectProperties(gateway, 'contacts', KAM_CONTACT_PROPERTIES, options);
  return { ...companies, contacts };
}

async function ensureObjectProperties(
  gateway: CrmGateway,
  objectType: PropertyObjectType,
  catalogue: readonly KamPropertyDefinition[],
  options: { dryRun?: boolean },
): Promise<PropertySetupReport> {
  const client = gateway.client;
  const report: PropertySetupReport = {
    groupCreated: false,
    created: [],
    updated: [],
    unchanged: [],
    conflicts: [],
    failed: [],
  };

  const groups = await gateway.send(`GET /crm/v3/properties/${objectType}/groups`, () =>
    client.crm.properties.groupsApi.getAllWithHttpInfo(objectType),
  );
  if (!groups.data.results.some((group) => group.name === KAM_PROPERTY_GROUP.name)) {
    if (!options.dryRun) {
      await gateway.send(`POST /crm/v3/properties/${objectType}/groups`, () =>
        client.crm.properties.groupsApi.createWithHttpInfo(objectType, { ...KAM_PROPERTY_GROUP }),
      );
    }
    report.groupCreated = true;
  }

  const all = await gateway.send(`GET /crm/v3/properties/${objectType}`, () =>
    client.crm.properties.coreApi.getAllWithHttpInfo(objectType),
  );
  const existing = new Map<string, ExistingProperty>();
  for (const raw of all.data.results) {
    const parsed = existingPropertySchema.safeParse(raw);
    if (parsed.success) existing.set(parsed.data.name, parsed.data);
  }

  const toCreate: KamPropertyDefinition[] = [];
  for (const definition of catalogue) {
    const current = existing.get(definition.name);
    if (!current) {
      toCreate.push(definition);
    } else if (current.type !== definition.type) {
      report.conflicts.push({
        name: definition.name,
        expectedType: definition.type,
        actualType: current.type,
      });
    } else if (needsUpdate(current, definition)) {
      if (!options.dryRun) {
        const payload = propertyPayload(definition);
        // The admin's order, hidden flags and added options stay; only ours that are missing are added.
        const merged = mergedOptions(current.options, definition);
        await gateway.send(`PATCH /crm/v3/properties/${objectType}/{name}`, () =>
          client.crm.properties.coreApi.updateWithHttpInfo(objectType, definition.name, {
            label: payload.label,
            description: payload.description,
            groupName: payload.groupName,
            options: payload.options.length > 0 && definition.type !== 'bool' ? merged : undefined,
          }),
        );
      }
      report.updated.push(definition.name);
    } else {
      report.unchanged.push(definition.name);
    }
  }

  if (options.dryRun) {
    report.created.push(...toCreate.map((d) => d.name));
    return report;
  }
  let pending = toCreate;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    const { created, failed } = await createBatch(gateway, objectType, pending);
    report.created.push(...created);
    const retryable = failed.filter((failure) => failure.category !== 'OBJECT_ALREADY_EXISTS');
    if (attempt >= CREATE_RETRIES || retryable.length === 0) {
      report.failed.push(...failed);
      break;
    }
    report.failed.push(...failed.filter((failure) => failure.category === 'OBJECT_ALREADY_EXISTS'));
    pending = pending.filter((definition) => retryable.some((failure) => failure.name === definition.name));
  }
  // In catalogue order, whatever order HubSpot answered in.
  const order = (name: string) => catalogue.findIndex((definition) => definition.name === name);
  report.created.sort((a, b) => order(a) - order(b));
  report.failed.sort((a, b) => order(a.name) - order(b.name));
  return report;
}

/**
 * One batch create (up to 100 inputs; the catalogue is well under that). A 207 names each failed
 * input in its errors' `context.name`; an input neither created nor named is failed too, so no
 * property is ever reported as created unless HubSpot returned it.
 */
async function createBatch(
  gateway: CrmGateway,
  objectType: PropertyObjectType,
  definitions: readonly KamPropertyDefinition[],
): Promise<{ created: string[]; failed: SetupFailure[] }> {
  const response = await gateway.send(`POST /crm/v3/properties/${objectType}/batch/create`, () =>
    gateway.client.crm.properties.batchApi.createWithHttpInfo(objectType, {
      inputs: definitions.map(propertyPayload),
    }),
  );
  const asked = new Set(definitions.map((definition) => definition.name));
  const created = response.data.results.map((result) => result.name).filter((name) => asked.has(name));
  const errors = 'errors' in response.data && Array.isArray(response.data.errors) ? response.data.errors : [];
  const failed: SetupFailure[] = [];
  for (const raw of errors) {
    const error = batchErrorSchema.safeParse(raw);
    const names = (error.success ? error.data.context?.name : undefined) ?? [];
    for (const name of names) {
      if (!asked.has(name) || created.includes(name)) continue;
      failed.push({
        name,
        category: error.success ? error.data.category : undefined,
        message: (error.success ? error.data.message : undefined) ?? 'no message',
      });
    }
  }
  for (const name of asked) {
    if (!created.includes(name) && !failed.some((failure) => failure.name === name)) {
      failed.push({
        name,
        category: undefined,
        message: `HubSpot answered ${response.httpStatusCode} without creating it or naming an error`,
      });
    }
  }
  return { created, failed };
}
