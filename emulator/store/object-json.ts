/**
 * A record as HubSpot returns it (`SimplePublicObject` in @hubspot/api-client): `id`,
 * `properties` (only the requested ones, or the type's defaults, always with hs_object_id and the
 * create/modify dates), `propertiesWithHistory` newest first, `createdAt`, `updatedAt`, `archived`.
 */
import type { CrmObject, CrmStore } from './crm-store';
import type { ObjectTypeDescriptor } from './object-types';

export interface ReadShape {
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
}

export function objectToJson(
  store: CrmStore,
  type: ObjectTypeDescriptor,
  object: CrmObject,
  shape: ReadShape = {},
): Record<string, unknown> {
  const definitions = store.propertyDefinitions(type);
  const requested =
    shape.properties && shape.properties.length > 0 ? shape.properties : type.defaultProperties;
  const properties: Record<string, string | null> = {};
  for (const name of [...requested, 'hs_object_id', type.createdProperty, type.lastModifiedProperty]) {
    if (name === 'hs_object_id') {
      properties[name] = object.id;
      continue;
    }
    const value = object.properties[name];
    // HubSpot leaves out names that are not properties of the type, and returns null for unset ones.
    if (value !== undefined) properties[name] = value;
    else if (definitions.has(name)) properties[name] = null;
  }
  const json: Record<string, unknown> = {
    id: object.id,
    properties,
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
    archived: object.archived,
  };
  if (object.archivedAt) json.archivedAt = object.archivedAt;
  if (shape.propertiesWithHistory && shape.propertiesWithHistory.length > 0) {
    const withHistory: Record<string, unknown[]> = {};
    for (const name of shape.propertiesWithHistory) {
      if (!definitions.has(name) && object.properties[name] === undefined) continue;
      withHistory[name] = store.historyOf(object, name).map((entry) => ({
        value: entry.value,
        timestamp: new Date(entry.timestamp).toISOString(),
        sourceType: entry.sourceType,
        ...(entry.sourceId === undefined ? {} : { sourceId: entry.sourceId }),
      }));
    }
    json.propertiesWithHistory = withHistory;
  }
  return json;
}
