/**
 * Custom object schemas (developers.hubspot.com/docs/guides/api/crm/objects/custom-objects):
 * list, read and create, under both `/crm/v3/schemas` (HubSpot's reference) and
 * `/crm-object-schemas/v3/schemas` (the path @hubspot/api-client 14 calls). A created type gets
 * objectTypeId `2-<n>` and fullyQualifiedName `p<portalId>_<name>`, and from then on works through
 * every object, search, property and association route by either spelling or `p_<name>`.
 */
import { z } from 'zod';
import { conflictError, notFoundError, validationError } from '../http/errors';
import { parseBody, route, type Route, type RouteContext } from '../http/router';
import type { CrmStore, CustomSchema } from '../store/crm-store';
import { customObjectType } from '../store/object-types';
import { buildDefinition, propertyCreateSchema, requirePropertyAttributes } from '../store/property-rules';
import { propertyToJson } from '../store/property-types';

const schemaCreateSchema = z.object({
  name: z.string(),
  labels: z.object({ singular: z.string().min(1), plural: z.string().min(1) }),
  description: z.string().optional(),
  primaryDisplayProperty: z.string().optional(),
  requiredProperties: z.array(z.string()),
  searchableProperties: z.array(z.string()).optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  properties: z.array(propertyCreateSchema.extend({ groupName: z.string().optional() })).min(1),
  associatedObjects: z.array(z.string()),
});

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export function schemaToJson(store: CrmStore, schema: CustomSchema): Record<string, unknown> {
  const type = store.types.find(schema.objectTypeId)!;
  const associations = schema.associatedObjectTypeIds.flatMap((other) =>
    [
      store.associationTypes.defaultType(schema.objectTypeId, other),
      store.associationTypes.defaultType(other, schema.objectTypeId),
    ].map((definition) => ({
      id: String(definition!.typeId),
      fromObjectTypeId: definition!.fromObjectTypeId,
      toObjectTypeId: definition!.toObjectTypeId,
      name: definition!.v3Name.toUpperCase(),
      createdAt: schema.createdAt,
      updatedAt: schema.updatedAt,
    })),
  );
  return {
    id: schema.id,
    objectTypeId: schema.objectTypeId,
    name: schema.name,
    fullyQualifiedName: schema.fullyQualifiedName,
    labels: schema.labels,
    ...(schema.description === undefined ? {} : { description: schema.description }),
    primaryDisplayProperty: schema.primaryDisplayProperty,
    requiredProperties: schema.requiredProperties,
    searchableProperties: schema.searchableProperties,
    secondaryDisplayProperties: schema.secondaryDisplayProperties,
    properties: [...store.propertyDefinitions(type).values()]
      .filter((definition) => !definition.archived)
      .map(propertyToJson),
    associations,
    archived: false,
    createdAt: schema.createdAt,
    updatedAt: schema.updatedAt,
  };
}

function list(context: RouteContext) {
  const { store } = context;
  return { status: 200, body: { results: store.schemas.map((schema) => schemaToJson(store, schema)) } };
}

function getOne(context: RouteContext) {
  const { store, params } = context;
  const type = store.types.find(params.objectType!);
  const schema = type && store.schemas.find((candidate) => candidate.objectTypeId === type.objectTypeId);
  if (!schema)
    throw notFoundError(`Unable to find object schema ${params.objectType}`, {
      objectType: [params.objectType!],
    });
  return { status: 200, body: schemaToJson(store, schema) };
}

function create(context: RouteContext) {
  const { store } = context;
  const properties = (context.body as { properties?: unknown } | undefined)?.properties;
  if (Array.isArray(properties)) {
    properties.forEach((property, index) =>
      requirePropertyAttributes('ObjectTypePropertyCreate', property, `properties[${index}].`),
    );
  }
  const input = parseBody(schemaCreateSchema, context.body);
  if (!NAME_PATTERN.test(input.name)) {
    throw validationError(
      `Schema name '${input.name}' is invalid: start with a letter; use letters, digits and underscores.`,
    );
  }
  const name = input.name.toLowerCase();
  if (store.types.find(name) || store.types.find(`p_${name}`)) {
    throw conflictError(`An object type named '${name}' already exists.`, { name: [name] });
  }
  const propertyNames = new Set(input.properties.map((property) => property.name));
  const primaryDisplayProperty = input.primaryDisplayProperty ?? input.properties[0]!.name;
  for (const [field, names] of [
    ['primaryDisplayProperty', [primaryDisplayProperty]],
    ['requiredProperties', input.requiredProperties],
    ['searchableProperties', input.searchableProperties ?? []],
    ['secondaryDisplayProperties', input.secondaryDisplayProperties ?? []],
  ] as const) {
    for (const property of names) {
      if (!propertyNames.has(property)) {
        throw validationError(`${field} names ${property}, which is not one of the schema's properties.`, {
          errors: [{ message: `unknown property ${property}`, in: field, code: 'PROPERTY_DOESNT_EXIST' }],
        });
      }
    }
  }
  const associated = input.associatedObjects.map((spelling) => {
    const type = store.types.find(spelling);
    if (!type) throw validationError(`associatedObjects names ${spelling}, which is not an object type.`);
    return type.objectTypeId;
  });
  // Build every property definition before defining the type, so a bad one leaves nothing behind.
  const nowMs = store.nowMs();
  const searchableProperties = input.searchableProperties ?? [primaryDisplayProperty];
  const groupName = `${name}_information`;
  const definitions = input.properties.map((property) =>
    buildDefinition({ ...property, groupName: property.groupName ?? groupName }, groupName, nowMs),
  );
  const { schema, type } = store.defineCustomType({
    name,
    labels: input.labels,
    ...(input.description === undefined ? {} : { description: input.description }),
    primaryDisplayProperty,
    requiredProperties: input.requiredProperties,
    searchableProperties,
    secondaryDisplayProperties: input.secondaryDisplayProperties ?? [],
    associatedObjectTypeIds: associated,
    descriptor: (objectTypeId, fullyQualifiedName) =>
      customObjectType({
        objectTypeId,
        name,
        fullyQualifiedName,
        searchableProperties,
        primaryDisplayProperty,
      }),
  });
  const typeDefinitions = store.propertyDefinitions(type);
  for (const definition of definitions) typeDefinitions.set(definition.name, definition);
  return { status: 201, body: schemaToJson(store, schema) };
}

export const schemaRoutes: Route[] = ['/crm/v3/schemas', '/crm-object-schemas/v3/schemas'].flatMap((base) => [
  route.get(base, list),
  route.post(base, create),
  route.get(`${base}/{objectType}`, getOne),
]);
