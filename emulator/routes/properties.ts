/**
 * Properties v3 and property groups (developers.hubspot.com/docs/guides/api/crm/properties):
 * list, read, create (409 OBJECT_ALREADY_EXISTS on a taken name), batch create/read/archive,
 * update, archive; groups list, read, create, update, archive. Definitions are validated by
 * property-rules.ts; HubSpot-defined properties keep their type and can't be archived.
 */
import { z } from 'zod';
import { conflictError, limitError, notFoundError, validationError } from '../http/errors';
import { parseBody, queryBoolean, route, type Route, type RouteContext } from '../http/router';
import { HUBSPOT_LIMITS } from '../limits/hubspot-limits';
import type { CrmStore } from '../store/crm-store';
import type { ObjectTypeDescriptor } from '../store/object-types';
import {
  buildDefinition,
  checkDefinition,
  propertyCreateSchema,
  propertyUpdateSchema,
  requirePropertyAttributes,
  type PropertyCreate,
} from '../store/property-rules';
import { groupToJson, propertyToJson, type PropertyDefinition } from '../store/property-types';
import { batchReply } from './batch';

const nameInputsSchema = z.object({
  inputs: z.array(z.object({ name: z.string() })),
  archived: z.boolean().optional(),
});
const groupCreateSchema = z.object({
  name: z.string(),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});
const groupUpdateSchema = z.object({
  label: z.string().min(1).optional(),
  displayOrder: z.number().int().optional(),
});

function propertyNotFound(type: ObjectTypeDescriptor, name: string) {
  return notFoundError(`Unable to find property ${name} for object type ${type.name}`, { name: [name] });
}

function liveProperty(store: CrmStore, type: ObjectTypeDescriptor, name: string): PropertyDefinition {
  const definition = store.propertyDefinitions(type).get(name);
  if (!definition || definition.archived) throw propertyNotFound(type, name);
  return definition;
}

function groupFor(store: CrmStore, type: ObjectTypeDescriptor, groupName: string | undefined): string {
  const name = groupName ?? type.defaultGroup.name;
  if (!store.propertyGroups(type).has(name)) {
    throw validationError(`Property group ${name} does not exist for object type ${type.name}`, {
      errors: [{ message: `group ${name} does not exist`, in: 'groupName', code: 'GROUP_NOT_FOUND' }],
    });
  }
  return name;
}

/** Creates a definition; null when the name is taken (an implicit or archived one is replaced). */
export function defineProperty(
  store: CrmStore,
  type: ObjectTypeDescriptor,
  input: PropertyCreate,
): PropertyDefinition | null {
  const definitions = store.propertyDefinitions(type);
  const existing = definitions.get(input.name);
  if (existing && !existing.archived && !existing.isImplicit) return null;
  const definition = buildDefinition(input, groupFor(store, type, input.groupName), store.nowMs());
  definitions.set(definition.name, definition);
  return definition;
}

function alreadyExists(type: ObjectTypeDescriptor, name: string) {
  return conflictError(`Property named '${name}' already exists for object type ${type.name}.`, {
    name: [name],
  });
}

/** A 207 error entry the batchFailureRate knob injected: the property was not created. */
function injectedFailure(type: ObjectTypeDescriptor, name: string) {
  return {
    ...validationError(
      `Property ${name} could not be created for object type ${type.name} (injected partial failure: the emulator's batchFailureRate).`,
    ).body,
    category: 'INTERNAL_ERROR',
    context: { name: [name] },
    errors: [],
    links: {},
  };
}

function list(context: RouteContext) {
  const { store, params, query } = context;
  const type = store.resolveType(params.objectType!);
  const archived = queryBoolean(query, 'archived');
  const results = [...store.propertyDefinitions(type).values()]
    .filter((definition) => definition.archived === archived)
    .map(propertyToJson);
  return { status: 200, body: { results } };
}

function getOne(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  return { status: 200, body: propertyToJson(liveProperty(store, type, params.propertyName!)) };
}

function create(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  requirePropertyAttributes('PropertyCreate', context.body);
  const input = parseBody(propertyCreateSchema, context.body);
  const definition = defineProperty(store, type, input);
  if (!definition) throw alreadyExists(type, input.name);
  return { status: 201, body: propertyToJson(definition) };
}

function update(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const definition = liveProperty(store, type, params.propertyName!);
  requirePropertyAttributes('PropertyUpdate', context.body);
  const input = parseBody(propertyUpdateSchema, context.body);
  const nextType = input.type ?? definition.type;
  const nextFieldType = input.fieldType ?? definition.fieldType;
  if (definition.hubspotDefined && (nextType !== definition.type || nextFieldType !== definition.fieldType)) {
    throw validationError(
      `${definition.name} is defined by HubSpot; its type and fieldType can't be changed.`,
    );
  }
  const options = checkDefinition(
    definition.name,
    nextType,
    nextFieldType,
    input.options ?? (nextType === 'enumeration' ? definition.options : undefined),
  );
  Object.assign(definition, {
    label: input.label ?? definition.label,
    description: input.description ?? definition.description,
    groupName: input.groupName === undefined ? definition.groupName : groupFor(store, type, input.groupName),
    displayOrder: input.displayOrder ?? definition.displayOrder,
    hidden: input.hidden ?? definition.hidden,
    formField: input.formField ?? definition.formField,
    type: nextType,
    fieldType: nextFieldType,
    options,
    updatedAt: store.nowMs(),
  });
  return { status: 200, body: propertyToJson(definition) };
}

function archive(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const definition = liveProperty(store, type, params.propertyName!);
  if (definition.hubspotDefined)
    throw validationError(`${definition.name} is defined by HubSpot and can't be archived.`);
  definition.archived = true;
  return { status: 204 };
}

function batchCreate(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const type = store.resolveType(params.objectType!);
  const inputs = (context.body as { inputs?: unknown } | undefined)?.inputs;
  if (Array.isArray(inputs)) {
    inputs.forEach((item, index) => requirePropertyAttributes('PropertyCreate', item, `inputs[${index}].`));
  }
  const input = parseBody(z.object({ inputs: z.array(propertyCreateSchema) }), context.body);
  if (input.inputs.length > HUBSPOT_LIMITS.propertyBatchInputs) {
    throw limitError('Batch input', input.inputs.length, HUBSPOT_LIMITS.propertyBatchInputs);
  }
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const item of input.inputs) {
    if (context.failBatchInput?.()) {
      errors.push(injectedFailure(type, item.name));
      continue;
    }
    const definition = defineProperty(store, type, item);
    if (definition) results.push(propertyToJson(definition));
    else errors.push(alreadyExists(type, item.name).body);
  }
  return batchReply(startedAt, store.nowIso(), results, errors, 201);
}

function batchRead(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const type = store.resolveType(params.objectType!);
  const input = parseBody(nameInputsSchema, context.body);
  if (input.inputs.length > HUBSPOT_LIMITS.propertyBatchInputs) {
    throw limitError('Batch input', input.inputs.length, HUBSPOT_LIMITS.propertyBatchInputs);
  }
  const archived = input.archived ?? false;
  const definitions = store.propertyDefinitions(type);
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const { name } of input.inputs) {
    const definition = definitions.get(name);
    if (definition && definition.archived === archived) results.push(propertyToJson(definition));
    else missing.push(name);
  }
  const errors = missing.map((name) => propertyNotFound(type, name).body);
  return batchReply(startedAt, store.nowIso(), results, errors, 200);
}

function batchArchive(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const input = parseBody(nameInputsSchema, context.body);
  for (const { name } of input.inputs) {
    const definition = store.propertyDefinitions(type).get(name);
    if (definition && !definition.hubspotDefined) definition.archived = true;
  }
  return { status: 204 };
}

function groupNotFound(type: ObjectTypeDescriptor, name: string) {
  return notFoundError(`Unable to find property group ${name} for object type ${type.name}`, {
    name: [name],
  });
}

function listGroups(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  return {
    status: 200,
    body: {
      results: [...store.propertyGroups(type).values()].filter((group) => !group.archived).map(groupToJson),
    },
  };
}

function getGroup(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const group = store.propertyGroups(type).get(params.groupName!);
  if (!group || group.archived) throw groupNotFound(type, params.groupName!);
  return { status: 200, body: groupToJson(group) };
}

function createGroup(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const input = parseBody(groupCreateSchema, context.body);
  if (!/^[a-z][a-z0-9_]*$/.test(input.name)) {
    throw validationError(
      `Property group name '${input.name}' is invalid: use lowercase letters, digits and underscores.`,
    );
  }
  const groups = store.propertyGroups(type);
  const existing = groups.get(input.name);
  if (existing && !existing.archived) {
    throw conflictError(`Property group named '${input.name}' already exists for object type ${type.name}.`, {
      name: [input.name],
    });
  }
  const group = {
    name: input.name,
    label: input.label,
    displayOrder: input.displayOrder ?? -1,
    archived: false,
  };
  groups.set(group.name, group);
  return { status: 201, body: groupToJson(group) };
}

function updateGroup(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const group = store.propertyGroups(type).get(params.groupName!);
  if (!group || group.archived) throw groupNotFound(type, params.groupName!);
  const input = parseBody(groupUpdateSchema, context.body);
  group.label = input.label ?? group.label;
  group.displayOrder = input.displayOrder ?? group.displayOrder;
  return { status: 200, body: groupToJson(group) };
}

function archiveGroup(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const group = store.propertyGroups(type).get(params.groupName!);
  if (group) group.archived = true;
  return { status: 204 };
}

/** Group routes first: `/groups` would otherwise read as a property named "groups". */
export const propertyRoutes: Route[] = [
  route.get('/crm/v3/properties/{objectType}/groups', listGroups),
  route.post('/crm/v3/properties/{objectType}/groups', createGroup),
  route.get('/crm/v3/properties/{objectType}/groups/{groupName}', getGroup),
  route.patch('/crm/v3/properties/{objectType}/groups/{groupName}', updateGroup),
  route.delete('/crm/v3/properties/{objectType}/groups/{groupName}', archiveGroup),
  route.post('/crm/v3/properties/{objectType}/batch/create', batchCreate),
  route.post('/crm/v3/properties/{objectType}/batch/read', batchRead),
  route.post('/crm/v3/properties/{objectType}/batch/archive', batchArchive),
  route.get('/crm/v3/properties/{objectType}', list),
  route.post('/crm/v3/properties/{objectType}', create),
  route.get('/crm/v3/properties/{objectType}/{propertyName}', getOne),
  route.patch('/crm/v3/properties/{objectType}/{propertyName}', update),
  route.delete('/crm/v3/properties/{objectType}/{propertyName}', archive),
];
