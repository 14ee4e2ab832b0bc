/**
 * Associations v4 (developers.hubspot.com/docs/guides/api/crm/associations/associations-v4):
 * batch read (1,000 inputs, 500 associated records per input per page, `after` per input),
 * default associations one by one and in batch, labelled batch create, batch archive (whole pair
 * or given labels), one record's associations with paging, and the type labels between two types.
 * Status codes are the ones @hubspot/api-client's v4 BasicApi/BatchApi expect.
 */
import { z } from 'zod';
import { limitError, notFoundError, validationError } from '../http/errors';
import { parseBody, queryLimit, route, type Route, type RouteContext } from '../http/router';
import { HUBSPOT_LIMITS } from '../limits/hubspot-limits';
import type { AssociationTypeDefinition } from '../store/association-types';
import type { CrmStore } from '../store/crm-store';
import type { ObjectTypeDescriptor } from '../store/object-types';
import { batchReply } from './batch';
import { associationSpecSchema } from './object-writes';

const idSchema = z.union([z.string(), z.number()]).transform(String);
const objectIdSchema = z.object({ id: idSchema });

const batchReadSchema = z.object({
  inputs: z.array(z.object({ id: idSchema, after: z.string().optional() })),
});
const defaultBatchSchema = z.object({
  inputs: z.array(z.object({ from: objectIdSchema, to: objectIdSchema })),
});
const labelledBatchSchema = z.object({
  inputs: z.array(
    z.object({ from: objectIdSchema, to: objectIdSchema, types: z.array(associationSpecSchema).min(1) }),
  ),
});
const archiveBatchSchema = z.object({
  inputs: z.array(z.object({ from: objectIdSchema, to: z.array(objectIdSchema) })),
});
const specsSchema = z.array(associationSpecSchema).min(1);

/** HubSpot returns numeric record ids as JSON numbers in v4 association results. */
function idValue(id: string): string | number {
  const numeric = Number(id);
  return Number.isSafeInteger(numeric) && String(numeric) === id ? numeric : id;
}

function typeLabel(definition: AssociationTypeDefinition | undefined, typeId: number) {
  return {
    category: definition?.category ?? 'HUBSPOT_DEFINED',
    typeId,
    label: definition?.label ?? null,
  };
}

interface Pair {
  from: ObjectTypeDescriptor;
  to: ObjectTypeDescriptor;
}

function pairOf(store: CrmStore, fromSpelling: string, toSpelling: string): Pair {
  return { from: store.resolveType(fromSpelling), to: store.resolveType(toSpelling) };
}

/** The live records `fromId` is associated with, each with its association types. */
function liveAssociations(store: CrmStore, pair: Pair, fromId: string) {
  return store.associations
    .edges(pair.from.objectTypeId, fromId, pair.to.objectTypeId)
    .filter((edge) => store.getLive(pair.to, edge.toId) !== undefined)
    .map((edge) => ({
      toObjectId: idValue(edge.toId),
      associationTypes: edge.typeIds.map((typeId) =>
        typeLabel(store.associationTypes.find(pair.from.objectTypeId, pair.to.objectTypeId, typeId), typeId),
      ),
    }));
}

function pageOf<T>(items: T[], after: string | undefined, size: number): { page: T[]; next?: string } {
  const start = after === undefined ? 0 : Math.max(0, Number(after) || 0);
  const end = start + size;
  return { page: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) };
}

function batchRead(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const pair = pairOf(store, params.fromObjectType!, params.toObjectType!);
  const input = parseBody(batchReadSchema, context.body);
  if (input.inputs.length > HUBSPOT_LIMITS.associationBatchReadInputs) {
    throw limitError('Batch input', input.inputs.length, HUBSPOT_LIMITS.associationBatchReadInputs);
  }
  const results: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const { id, after } of input.inputs) {
    const all = store.getLive(pair.from, id) ? liveAssociations(store, pair, id) : [];
    if (all.length === 0) {
      // HubSpot reports an id without associations (or without a record) as an error of the 207.
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${pair.to.singular} is associated with ${pair.from.singular} ${id}.`,
        context: {
          fromObjectId: [id],
          fromObjectType: [pair.from.objectTypeId],
          toObjectType: [pair.to.objectTypeId],
        },
      });
      continue;
    }
    const { page, next } = pageOf(all, after, HUBSPOT_LIMITS.associationPageSize);
    results.push({
      from: { id },
      to: page,
      ...(next === undefined ? {} : { paging: { next: { after: next } } }),
    });
  }
  return batchReply(startedAt, store.nowIso(), results, errors, 200);
}

function requireLive(store: CrmStore, type: ObjectTypeDescriptor, id: string): void {
  if (!store.getLive(type, id)) {
    throw notFoundError(`No ${type.singular} with id ${id} exists.`, { id: [id], objectType: [type.name] });
  }
}

function defaultTypes(store: CrmStore, pair: Pair): AssociationTypeDefinition {
  const definition = store.associationTypes.defaultType(pair.from.objectTypeId, pair.to.objectTypeId);
  if (!definition) {
    throw validationError(
      `${pair.from.name} can't be associated with ${pair.to.name}: no association type exists between them.`,
    );
  }
  return definition;
}

function defaultResults(pair: Pair, fromId: string, toId: string, definition: AssociationTypeDefinition) {
  const spec = (typeId: number) => ({ associationCategory: definition.category, associationTypeId: typeId });
  return [
    { from: { id: fromId }, to: { id: toId }, associationSpec: spec(definition.typeId) },
    { from: { id: toId }, to: { id: fromId }, associationSpec: spec(definition.inverseTypeId) },
  ];
}

function associateDefault(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const pair = pairOf(store, params.fromObjectType!, params.toObjectType!);
  const definition = defaultTypes(store, pair);
  requireLive(store, pair.from, params.fromObjectId!);
  requireLive(store, pair.to, params.toObjectId!);
  store.associations.associate(
    pair.from.objectTypeId,
    params.fromObjectId!,
    pair.to.objectTypeId,
    params.toObjectId!,
    definition.typeId,
    definition.inverseTypeId,
  );
  const results = defaultResults(pair, params.fromObjectId!, params.toObjectId!, definition);
  return { status: 200, body: { status: 'COMPLETE', results, startedAt, completedAt: store.nowIso() } };
}

function missingRecordsError(pair: Pair, ids: string[]) {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not find some ${pair.from.errorName} or ${pair.to.errorName} records to associate.`,
    context: { ids },
  };
}

function batchAssociateDefault(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const pair = pairOf(store, params.fromObjectType!, params.toObjectType!);
  const definition = defaultTypes(store, pair);
  const input = parseBody(defaultBatchSchema, context.body);
  if (input.inputs.length > HUBSPOT_LIMITS.associationBatchWriteInputs) {
    throw limitError('Batch input', input.inputs.length, HUBSPOT_LIMITS.associationBatchWriteInputs);
  }
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const { from, to } of input.inputs) {
    const fromMissing = !store.getLive(pair.from, from.id);
    const toMissing = !store.getLive(pair.to, to.id);
    if (fromMissing || toMissing) {
      if (fromMissing) missing.push(from.id);
      if (toMissing) missing.push(to.id);
      continue;
    }
    store.associations.associate(
      pair.from.objectTypeId,
      from.id,
      pair.to.objectTypeId,
      to.id,
      definition.typeId,
      definition.inverseTypeId,
    );
    results.push(...defaultResults(pair, from.id, to.id, definition));
  }
  // The client accepts only 200 here (BatchResponsePublicDefaultAssociation carries numErrors/errors itself).
  const body: Record<string, unknown> = {
    status: 'COMPLETE',
    results,
    startedAt,
    completedAt: store.nowIso(),
  };
  if (missing.length > 0) {
    body.numErrors = 1;
    body.errors = [missingRecordsError(pair, missing)];
  }
  return { status: 200, body };
}

function resolveSpecs(
  store: CrmStore,
  pair: Pair,
  specs: z.infer<typeof specsSchema>,
): AssociationTypeDefinition[] {
  return specs.map((spec) => {
    const definition = store.associationTypes.find(
      pair.from.objectTypeId,
      pair.to.objectTypeId,
      spec.associationTypeId,
    );
    if (!definition || definition.category !== spec.associationCategory) {
      throw validationError(
        `${spec.associationCategory} association type ${spec.associationTypeId} does not exist from ${pair.from.name} to ${pair.to.name}`,
        { errors: [{ message: 'invalid association type', in: 'types', code: 'INVALID_ASSOCIATION_TYPE' }] },
      );
    }
    return definition;
  });
}

function labelsBetween(store: CrmStore, pair: Pair, fromId: string, toId: string) {
  const edge = store.associations
    .edges(pair.from.objectTypeId, fromId, pair.to.objectTypeId)
    .find((candidate) => candidate.toId === toId);
  const labels = (edge?.typeIds ?? [])
    .map((typeId) => store.associationTypes.find(pair.from.objectTypeId, pair.to.objectTypeId, typeId)?.label)
    .filter((label): label is string => typeof label === 'string');
  return {
    fromObjectTypeId: pair.from.objectTypeId,
    fromObjectId: idValue(fromId),
    toObjectTypeId: pair.to.objectTypeId,
    toObjectId: idValue(toId),
    labels,
  };
}

function associateLabelled(
  store: CrmStore,
  pair: Pair,
  fromId: string,
  toId: string,
  definitions: AssociationTypeDefinition[],
) {
  for (const definition of definitions) {
    store.associations.associate(
      pair.from.objectTypeId,
      fromId,
      pair.to.objectTypeId,
      toId,
      definition.typeId,
      definition.inverseTypeId,
    );
  }
}

function createLabelled(context: RouteContext) {
  const { store, params } = context;
  const pair = pairOf(store, params.objectType!, params.toObjectType!);
  const definitions = resolveSpecs(store, pair, parseBody(specsSchema, context.body));
  requireLive(store, pair.from, params.objectId!);
  requireLive(store, pair.to, params.toObjectId!);
  associateLabelled(store, pair, params.objectId!, params.toObjectId!, definitions);
  return { status: 201, body: labelsBetween(store, pair, params.objectId!, params.toObjectId!) };
}

function batchCreate(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const pair = pairOf(store, params.fromObjectType!, params.toObjectType!);
  const input = parseBody(labelledBatchSchema, context.body);
  if (input.inputs.length > HUBSPOT_LIMITS.associationBatchWriteInputs) {
    throw limitError('Batch input', input.inputs.length, HUBSPOT_LIMITS.associationBatchWriteInputs);
  }
  const prepared = input.inputs.map((item) => ({
    ...item,
    definitions: resolveSpecs(store, pair, item.types),
  }));
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const { from, to, definitions } of prepared) {
    const fromMissing = !store.getLive(pair.from, from.id);
    const toMissing = !store.getLive(pair.to, to.id);
    if (fromMissing || toMissing) {
      if (fromMissing) missing.push(from.id);
      if (toMissing) missing.push(to.id);
      continue;
    }
    associateLabelled(store, pair, from.id, to.id, definitions);
    results.push(labelsBetween(store, pair, from.id, to.id));
  }
  const errors = missing.length > 0 ? [missingRecordsError(pair, missing)] : [];
  return batchReply(startedAt, store.nowIso(), results, errors, 201);
}

function batchArchive(context: RouteContext) {
  const { store, params } = context;
  const pair = pairOf(store, params.fromObjectType!, params.toObjectType!);
  const input = parseBody(archiveBatchSchema, context.body);
  if (input.inputs.length > HUBSPOT_LIMITS.associationBatchWriteInputs) {
    throw limitError('Batch input', input.inputs.length, HUBSPOT_LIMITS.associationBatchWriteInputs);
  }
  for (const { from, to } of input.inputs) {
    for (const target of to) {
      store.associations.disassociate(pair.from.objectTypeId, from.id, pair.to.objectTypeId, target.id);
    }
  }
  return { status: 204 };
}

function batchArchiveLabels(context: RouteContext) {
  const { store, params } = context;
  const pair = pairOf(store, params.fromObjectType!, params.toObjectType!);
  const input = parseBody(labelledBatchSchema, context.body);
  if (input.inputs.length > HUBSPOT_LIMITS.associationBatchWriteInputs) {
    throw limitError('Batch input', input.inputs.length, HUBSPOT_LIMITS.associationBatchWriteInputs);
  }
  for (const { from, to, types } of input.inputs) {
    const definitions = resolveSpecs(store, pair, types);
    store.associations.disassociate(pair.from.objectTypeId, from.id, pair.to.objectTypeId, to.id, {
      typeIds: definitions.map((definition) => definition.typeId),
      inverseTypeIds: definitions.map((definition) => definition.inverseTypeId),
    });
  }
  return { status: 204 };
}

function archiveOne(context: RouteContext) {
  const { store, params } = context;
  const pair = pairOf(store, params.objectType!, params.toObjectType!);
  store.associations.disassociate(
    pair.from.objectTypeId,
    params.objectId!,
    pair.to.objectTypeId,
    params.toObjectId!,
  );
  return { status: 204 };
}

function listForRecord(context: RouteContext) {
  const { store, params, query } = context;
  const pair = pairOf(store, params.objectType!, params.toObjectType!);
  requireLive(store, pair.from, params.objectId!);
  const limit = queryLimit(
    query,
    'limit',
    HUBSPOT_LIMITS.associationPageSize,
    HUBSPOT_LIMITS.associationPageSize,
  );
  const { page, next } = pageOf(
    liveAssociations(store, pair, params.objectId!),
    query.get('after') ?? undefined,
    limit,
  );
  return {
    status: 200,
    body: { results: page, ...(next === undefined ? {} : { paging: { next: { after: next } } }) },
  };
}

function labels(context: RouteContext) {
  const { store, params } = context;
  const pair = pairOf(store, params.fromObjectType!, params.toObjectType!);
  const results = store.associationTypes
    .between(pair.from.objectTypeId, pair.to.objectTypeId)
    .map((definition) => typeLabel(definition, definition.typeId));
  return { status: 200, body: { results } };
}

export const associationRoutes: Route[] = [
  route.post('/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read', batchRead),
  route.post(
    '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default',
    batchAssociateDefault,
  ),
  route.post('/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/create', batchCreate),
  route.post('/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/archive', batchArchive),
  route.post('/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/labels/archive', batchArchiveLabels),
  route.get('/crm/v4/associations/{fromObjectType}/{toObjectType}/labels', labels),
  route.put(
    '/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}',
    associateDefault,
  ),
  route.put(
    '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
    createLabelled,
  ),
  route.delete(
    '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
    archiveOne,
  ),
  route.get('/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}', listForRecord),
];
