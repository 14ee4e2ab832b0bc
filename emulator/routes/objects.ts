/**
 * CRM objects v3, single-record routes (developers.hubspot.com/docs/guides/api/crm/objects):
 * list with `limit`/`after`, get by id (or `idProperty`), create (with associations), update,
 * archive. Status codes are the ones @hubspot/api-client's BasicApi expects: 200, 201, 204.
 */
import { notFoundError } from '../http/errors';
import {
  parseBody,
  queryBoolean,
  queryLimit,
  queryList,
  route,
  type Route,
  type RouteContext,
} from '../http/router';
import { HUBSPOT_LIMITS } from '../limits/hubspot-limits';
import type { CrmObject, CrmStore } from '../store/crm-store';
import { objectToJson } from '../store/object-json';
import type { ObjectTypeDescriptor } from '../store/object-types';
import {
  applyAssociations,
  createInputSchema,
  resolveCreateAssociations,
  updateInputSchema,
  v3Associations,
} from './object-writes';

export interface ReadOptions {
  properties: string[];
  propertiesWithHistory: string[];
  associations: ObjectTypeDescriptor[];
}

export function readOptions(context: RouteContext): ReadOptions {
  const { store, query } = context;
  return {
    properties: queryList(query, 'properties'),
    propertiesWithHistory: queryList(query, 'propertiesWithHistory'),
    associations: queryList(query, 'associations').map((name) => store.resolveType(name)),
  };
}

export function readJson(
  store: CrmStore,
  type: ObjectTypeDescriptor,
  object: CrmObject,
  options: ReadOptions,
): Record<string, unknown> {
  const json = objectToJson(store, type, object, options);
  const associations = v3Associations(store, type, object, options.associations);
  if (associations) json.associations = associations;
  return json;
}

/** A record that exists and matches the `archived` flag, by id or by `idProperty`. */
export function findForRead(
  store: CrmStore,
  type: ObjectTypeDescriptor,
  id: string,
  idProperty: string | null,
  archived: boolean,
): CrmObject | undefined {
  if (idProperty && idProperty !== 'hs_object_id') {
    return archived ? undefined : store.findByProperty(type, idProperty, id);
  }
  const object = store.getObject(type, id);
  return object && object.archived === archived ? object : undefined;
}

/**
 * A finder for one batch: by id, or by `idProperty` through an index built once per request
 * (a scan per input would make a 100-input read of a large portal slow).
 */
export function recordFinder(store: CrmStore, type: ObjectTypeDescriptor, archived: boolean) {
  const indexes = new Map<string, Map<string, CrmObject>>();
  return (id: string, idProperty: string | undefined): CrmObject | undefined => {
    if (!idProperty || idProperty === 'hs_object_id') return findForRead(store, type, id, null, archived);
    if (archived) return undefined;
    let index = indexes.get(idProperty);
    if (!index) {
      index = new Map();
      for (const object of store.table(type).objects.values()) {
        const value = object.properties[idProperty];
        if (!object.archived && value !== undefined && !index.has(value)) index.set(value, object);
      }
      indexes.set(idProperty, index);
    }
    return index.get(id);
  };
}

function objectNotFound(type: ObjectTypeDescriptor, id: string) {
  return notFoundError(`Object not found.  objectId are usually numeric.`, {
    id: [id],
    objectType: [type.name],
  });
}

function list(context: RouteContext) {
  const { store, query } = context;
  const type = store.resolveType(context.params.objectType!);
  const options = readOptions(context);
  const archived = queryBoolean(query, 'archived');
  let limit = queryLimit(query, 'limit', HUBSPOT_LIMITS.listDefaultPageSize, HUBSPOT_LIMITS.listPageSize);
  // HubSpot returns at most 50 records per page when property history is requested.
  if (options.propertiesWithHistory.length > 0)
    limit = Math.min(limit, HUBSPOT_LIMITS.listWithHistoryPageSize);
  const table = store.table(type);
  // `after` is an opaque cursor in HubSpot; here it is the position in insertion order.
  const start = Math.max(0, Number(query.get('after') ?? 0) || 0);
  const results: Record<string, unknown>[] = [];
  let position = start;
  for (; position < table.order.length && results.length < limit; position++) {
    const object = table.objects.get(table.order[position]!)!;
    if (object.archived !== archived) continue;
    results.push(readJson(store, type, object, options));
  }
  let hasMore = false;
  for (let probe = position; probe < table.order.length; probe++) {
    if (table.objects.get(table.order[probe]!)!.archived === archived) {
      hasMore = true;
      break;
    }
  }
  const body: Record<string, unknown> = { results };
  if (hasMore) {
    const after = String(position);
    body.paging = { next: { after, link: `/crm/v3/objects/${type.name}?after=${after}` } };
  }
  return { status: 200, body };
}

function getById(context: RouteContext) {
  const { store, query, params } = context;
  const type = store.resolveType(params.objectType!);
  const object = findForRead(
    store,
    type,
    params.objectId!,
    query.get('idProperty'),
    queryBoolean(query, 'archived'),
  );
  if (!object) throw objectNotFound(type, params.objectId!);
  return { status: 200, body: readJson(store, type, object, readOptions(context)) };
}

function create(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const input = parseBody(createInputSchema, context.body);
  const values = store.validate(type, input.properties, 'create');
  const associations = resolveCreateAssociations(store, type, input.associations);
  const object = store.insert(type, values);
  applyAssociations(store, type, object.id, associations);
  const properties = [...type.defaultProperties, ...Object.keys(values)];
  return { status: 201, body: objectToJson(store, type, object, { properties }) };
}

function update(context: RouteContext) {
  const { store, params, query } = context;
  const type = store.resolveType(params.objectType!);
  const input = parseBody(updateInputSchema, context.body);
  const object = findForRead(store, type, params.objectId!, query.get('idProperty'), false);
  if (!object) throw objectNotFound(type, params.objectId!);
  const values = store.validate(type, input.properties);
  store.applyUpdate(type, object, values);
  const properties = [...type.defaultProperties, ...Object.keys(values)];
  return { status: 200, body: objectToJson(store, type, object, { properties }) };
}

function archive(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const object = store.getObject(type, params.objectId!);
  // HubSpot answers 204 for an id that is already gone: archiving is idempotent.
  if (object) store.archive(object);
  return { status: 204 };
}

export const objectRoutes: Route[] = [
  route.get('/crm/v3/objects/{objectType}', list),
  route.post('/crm/v3/objects/{objectType}', create),
  route.get('/crm/v3/objects/{objectType}/{objectId}', getById),
  route.patch('/crm/v3/objects/{objectType}/{objectId}', update),
  route.delete('/crm/v3/objects/{objectType}/{objectId}', archive),
];
