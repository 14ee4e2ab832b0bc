/**
 * CRM objects v3 batch routes: read, create, update, archive, each limited to 100 inputs (50 for
 * a read with propertiesWithHistory). Validation failures reject the whole batch (400) before
 * anything is written; unknown ids are reported per batch as HTTP 207 with `numErrors` and
 * `errors[{status, category: 'OBJECT_NOT_FOUND', message, context: {ids}}]`, the
 * BatchResponse*WithErrors shape of @hubspot/api-client.
 */
import { z } from 'zod';
import { limitError, validationError } from '../http/errors';
import { parseBody, queryBoolean, route, type Route, type RouteContext } from '../http/router';
import { HUBSPOT_LIMITS } from '../limits/hubspot-limits';
import { objectToJson } from '../store/object-json';
import { requireAttributes } from '../store/property-rules';
import type { ObjectTypeDescriptor } from '../store/object-types';
import { recordFinder } from './objects';
import {
  applyAssociations,
  createInputSchema,
  propertiesSchema,
  resolveCreateAssociations,
} from './object-writes';

const idSchema = z.union([z.string(), z.number()]).transform(String);

const readSchema = z.object({
  inputs: z.array(z.object({ id: idSchema })),
  properties: z.array(z.string()),
  propertiesWithHistory: z.array(z.string()),
  idProperty: z.string().optional(),
});

const createSchema = z.object({ inputs: z.array(createInputSchema) });

const updateSchema = z.object({
  inputs: z.array(
    z.object({
      id: idSchema,
      properties: propertiesSchema,
      idProperty: z.string().optional(),
      objectWriteTraceId: z.string().optional(),
    }),
  ),
});

const archiveSchema = z.object({ inputs: z.array(z.object({ id: idSchema })) });

function checkSize(size: number, max: number): void {
  if (size > max) throw limitError('Batch input', size, max);
}

/** HubSpot's batch envelope; with errors it becomes the 207 WithErrors variant. */
export function batchReply(
  startedAt: string,
  completedAt: string,
  results: unknown[],
  errors: unknown[],
  okStatus: number,
): { status: number; body: Record<string, unknown> } {
  const body: Record<string, unknown> = { status: 'COMPLETE', results, startedAt, completedAt };
  if (errors.length === 0) return { status: okStatus, body };
  return { status: 207, body: { ...body, numErrors: errors.length, errors } };
}

function notFoundEntry(type: ObjectTypeDescriptor, ids: string[], verb: string) {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not ${verb} some ${type.errorName} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}

/** A partial failure the batchFailureRate knob injected; the inputs were not written. */
function injectedEntry(type: ObjectTypeDescriptor, ids: string[]) {
  return {
    status: 'error',
    category: 'INTERNAL_ERROR',
    message: `Could not update some ${type.errorName} objects (injected partial failure: the emulator's batchFailureRate). Retry them.`,
    context: { ids },
    errors: [],
    links: {},
  };
}

function read(context: RouteContext) {
  const { store, params, query } = context;
  const startedAt = store.nowIso();
  const type = store.resolveType(params.objectType!);
  // BatchReadInputSimplePublicObjectId: all three are required, even when empty.
  requireAttributes('BatchReadInputSimplePublicObjectId', context.body, [
    'inputs',
    'properties',
    'propertiesWithHistory',
  ]);
  const input = parseBody(readSchema, context.body);
  const max =
    input.propertiesWithHistory.length > 0
      ? HUBSPOT_LIMITS.batchReadWithHistoryInputs
      : HUBSPOT_LIMITS.batchInputs;
  checkSize(input.inputs.length, max);
  const archived = queryBoolean(query, 'archived');
  const find = recordFinder(store, type, archived);
  const results: Record<string, unknown>[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const { id } of input.inputs) {
    // HubSpot answers each distinct id once.
    if (seen.has(id)) continue;
    seen.add(id);
    const object = find(id, input.idProperty);
    if (object) results.push(objectToJson(store, type, object, input));
    else missing.push(id);
  }
  const errors = missing.length > 0 ? [notFoundEntry(type, missing, 'get')] : [];
  return batchReply(startedAt, store.nowIso(), results, errors, 200);
}

function create(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const type = store.resolveType(params.objectType!);
  const input = parseBody(createSchema, context.body);
  checkSize(input.inputs.length, HUBSPOT_LIMITS.batchInputs);
  // Validate every input first: HubSpot rejects the whole batch on one bad value.
  const prepared = input.inputs.map((item) => ({
    values: store.validate(type, item.properties, 'create'),
    associations: resolveCreateAssociations(store, type, item.associations),
  }));
  const results = prepared.map(({ values, associations }) => {
    const object = store.insert(type, values);
    applyAssociations(store, type, object.id, associations);
    return objectToJson(store, type, object, {
      properties: [...type.defaultProperties, ...Object.keys(values)],
    });
  });
  return batchReply(startedAt, store.nowIso(), results, [], 201);
}

function update(context: RouteContext) {
  const { store, params } = context;
  const startedAt = store.nowIso();
  const type = store.resolveType(params.objectType!);
  const input = parseBody(updateSchema, context.body);
  checkSize(input.inputs.length, HUBSPOT_LIMITS.batchInputs);
  const ids = input.inputs.map((item) => item.id);
  const duplicates = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  if (duplicates.length > 0) {
    throw validationError(
      `Duplicate IDs found in batch input: [${duplicates.join(', ')}]. IDs must be unique`,
      {
        context: { ids: duplicates },
      },
    );
  }
  const find = recordFinder(store, type, false);
  const prepared = input.inputs.map((item) => ({
    id: item.id,
    values: store.validate(type, item.properties),
    object: find(item.id, item.idProperty),
  }));
  const results: Record<string, unknown>[] = [];
  const missing: string[] = [];
  const injected: string[] = [];
  for (const { id, values, object } of prepared) {
    if (!object) {
      missing.push(id);
      continue;
    }
    if (context.failBatchInput?.()) {
      injected.push(id);
      continue;
    }
    store.applyUpdate(type, object, values);
    results.push(
      objectToJson(store, type, object, { properties: [...type.defaultProperties, ...Object.keys(values)] }),
    );
  }
  const errors: unknown[] = missing.length > 0 ? [notFoundEntry(type, missing, 'update')] : [];
  if (injected.length > 0) errors.push(injectedEntry(type, injected));
  return batchReply(startedAt, store.nowIso(), results, errors, 200);
}

function archive(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const input = parseBody(archiveSchema, context.body);
  checkSize(input.inputs.length, HUBSPOT_LIMITS.batchInputs);
  for (const { id } of input.inputs) {
    const object = store.getObject(type, id);
    if (object) store.archive(object);
  }
  return { status: 204 };
}

export const batchRoutes: Route[] = [
  route.post('/crm/v3/objects/{objectType}/batch/read', read),
  route.post('/crm/v3/objects/{objectType}/batch/create', create),
  route.post('/crm/v3/objects/{objectType}/batch/update', update),
  route.post('/crm/v3/objects/{objectType}/batch/archive', archive),
];
