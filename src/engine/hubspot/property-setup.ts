/**
 * `kam setup`: creates, idempotently, the `key_account_management` group and every `kam_*`
 * company property. A property that exists with the same type is brought up to date (labels,
 * description, missing enumeration options); one with a different type is reported, never clobbered.
 */
import { z } from 'zod';
import type { CrmGateway } from './gateway';
import { KAM_PROPERTIES, KAM_PROPERTY_GROUP, type KamPropertyDefinition } from './kam-properties';

const existingPropertySchema = z.object({
  name: z.string(),
  type: z.string(),
  fieldType: z.string().optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  groupName: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string().optional() })).optional(),
});
type ExistingProperty = z.infer<typeof existingPropertySchema>;

export type SetupReport = {
  groupCreated: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
  conflicts: { name: string; expectedType: string; actualType: string }[];
};

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

function needsUpdate(existing: ExistingProperty, definition: KamPropertyDefinition): boolean {
  if (existing.label !== definition.label || (existing.description ?? '') !== definition.description)
    return true;
  if (existing.groupName !== KAM_PROPERTY_GROUP.name) return true;
  // A bool's true/false options are HubSpot's own; portals differ in echoing them back.
  if (definition.type === 'bool') return false;
  const have = new Set((existing.options ?? []).map((o) => o.value));
  return (definition.options ?? []).some((o) => !have.has(o.value));
}

/** Makes the portal's company properties match Keystone's catalogue; safe to run any number of times. */
export async function ensureKamProperties(
  gateway: CrmGateway,
  options: { dryRun?: boolean } = {},
): Promise<SetupReport> {
  const client = gateway.client;
  const report: SetupReport = { groupCreated: false, created: [], updated: [], unchanged: [], conflicts: [] };

  const groups = await gateway.send('GET /crm/v3/properties/companies/groups', () =>
    client.crm.properties.groupsApi.getAllWithHttpInfo('companies'),
  );
  if (!groups.data.results.some((group) => group.name === KAM_PROPERTY_GROUP.name)) {
    if (!options.dryRun) {
      await gateway.send('POST /crm/v3/properties/companies/groups', () =>
        client.crm.properties.groupsApi.createWithHttpInfo('companies', { ...KAM_PROPERTY_GROUP }),
      );
    }
    report.groupCreated = true;
  }

  const all = await gateway.send('GET /crm/v3/properties/companies', () =>
    client.crm.properties.coreApi.getAllWithHttpInfo('companies'),
  );
  const existing = new Map<string, ExistingProperty>();
  for (const raw of all.data.results) {
    const parsed = existingPropertySchema.safeParse(raw);
    if (parsed.success) existing.set(parsed.data.name, parsed.data);
  }

  const toCreate: KamPropertyDefinition[] = [];
  for (const definition of KAM_PROPERTIES) {
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
        // Keep options the admin added; only add ours that are missing.
        const merged = [...(current.options ?? [])];
        for (const option of payload.options)
          if (!merged.some((o) => o.value === option.value)) merged.push(option);
        await gateway.send('PATCH /crm/v3/properties/companies/{name}', () =>
          client.crm.properties.coreApi.updateWithHttpInfo('companies', definition.name, {
            label: payload.label,
            description: payload.description,
            groupName: payload.groupName,
            options: payload.options.length > 0 ? (merged as never) : undefined,
          }),
        );
      }
      report.updated.push(definition.name);
    } else {
      report.unchanged.push(definition.name);
    }
  }

  if (toCreate.length > 0 && !options.dryRun) {
    // Batch create takes up to 100 inputs; the catalogue is well under that.
    await gateway.send('POST /crm/v3/properties/companies/batch/create', () =>
      client.crm.properties.batchApi.createWithHttpInfo('companies', {
        inputs: toCreate.map(propertyPayload),
      }),
    );
  }
  report.created.push(...toCreate.map((d) => d.name));
  return report;
}
