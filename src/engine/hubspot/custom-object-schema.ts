/**
 * Keystone's custom objects (the scoring-model store and the account-plan store): finding one by
 * name and creating it when missing, through HubSpot's schemas API. Custom objects need
 * Enterprise: a 403 from the schemas API becomes the store's own "unavailable" error, which says
 * what to do, so each store names only its object and its message.
 */
import { z } from 'zod';
import { KeystoneError, isKeystoneError, type KeystoneErrorCode } from '../errors';
import type { CrmGateway } from './gateway';

/** A custom object Keystone owns: its schema, and the error a portal without custom objects gets. */
export type CustomObjectSpec = {
  definition: { name: string } & Record<string, unknown>;
  unavailable: { code: KeystoneErrorCode; message: string };
};

type PropertySpec = { name: string; label: string; type: string; fieldType: string };

/** The schema's properties: an enumeration (`booleancheckbox`) gets HubSpot's Yes/No options. */
export function customObjectProperties(properties: readonly PropertySpec[]) {
  return properties.map((property) => ({
    ...property,
    ...(property.type === 'enumeration'
      ? {
          options: [
            { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
            { label: 'No', value: 'false', displayOrder: 1, hidden: false },
          ],
        }
      : {}),
  }));
}

const schemaListSchema = z.object({
  results: z.array(z.object({ objectTypeId: z.string(), name: z.string() }).passthrough()),
});

async function schemasCall<T>(spec: CustomObjectSpec, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isKeystoneError(error) && error.details.status === 403) {
      throw new KeystoneError(
        spec.unavailable.code,
        spec.unavailable.message,
        { ...error.details },
        { cause: error },
      );
    }
    throw error;
  }
}

/** The object's objectTypeId, or null when the portal does not have it; the spec's error on a 403. */
export async function findCustomObjectTypeId(
  gateway: CrmGateway,
  spec: CustomObjectSpec,
): Promise<string | null> {
  const response = await schemasCall(spec, () =>
    gateway.send('GET /crm/v3/schemas', () => gateway.client.crm.schemas.coreApi.getAllWithHttpInfo()),
  );
  const schemas = schemaListSchema.parse(response.data);
  return schemas.results.find((schema) => schema.name === spec.definition.name)?.objectTypeId ?? null;
}

/** Creates the object when the portal does not have it; its objectTypeId. Needs `crm.schemas.custom.write`. */
export async function ensureCustomObject(
  gateway: CrmGateway,
  spec: CustomObjectSpec,
): Promise<{ objectTypeId: string; created: boolean }> {
  const existing = await findCustomObjectTypeId(gateway, spec);
  if (existing) return { objectTypeId: existing, created: false };
  const response = await schemasCall(spec, () =>
    gateway.send('POST /crm/v3/schemas', () =>
      gateway.client.crm.schemas.coreApi.createWithHttpInfo(spec.definition as never),
    ),
  );
  const created = z.object({ objectTypeId: z.string() }).passthrough().parse(response.data);
  return { objectTypeId: created.objectTypeId, created: true };
}
