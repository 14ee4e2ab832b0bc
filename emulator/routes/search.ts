/**
 * CRM search (POST /crm/v3/objects/{objectType}/search), following HubSpot's search guide
 * (developers.hubspot.com/docs/guides/api/crm/search): filterGroups are ORed, filters inside a
 * group ANDed; at most 5 groups, 6 filters per group and 18 in total; one sort; 200 results per
 * page; paging stops at 10,000 results (a later `after` is a 400). Numbers and datetimes compare
 * numerically, datetimes given as ISO strings or epoch milliseconds; string equality ignores case.
 */
import { z } from 'zod';
import { limitError, validationError } from '../http/errors';
import { parseBody, route, type Route, type RouteContext } from '../http/router';
import { HUBSPOT_LIMITS } from '../limits/hubspot-limits';
import type { CrmObject, CrmStore } from '../store/crm-store';
import type { ObjectTypeDescriptor } from '../store/object-types';
import { objectToJson } from '../store/object-json';
import type { PropertyDefinition } from '../store/property-types';
import { parseDateTimeMs } from '../store/property-values';

export const FILTER_OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
type FilterOperator = (typeof FILTER_OPERATORS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const filterSchema = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(FILTER_OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
});
type Filter = z.infer<typeof filterSchema>;

const sortSchema = z.union([
  z.string().transform((propertyName) => ({ propertyName, direction: 'ASCENDING' as const })),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
]);

const searchSchema = z.object({
  query: z.string().optional(),
  limit: z.number().int().min(0).default(HUBSPOT_LIMITS.searchDefaultPageSize),
  after: scalar.optional(),
  sorts: z.array(sortSchema).default([]),
  properties: z.array(z.string()).default([]),
  filterGroups: z.array(z.object({ filters: z.array(filterSchema) })).default([]),
});

type Comparable = number | string;

/** How a property's stored strings compare: numbers and dates as numbers, the rest case-insensitively. */
function comparer(
  definition: PropertyDefinition | undefined,
  name: string,
): (raw: string) => Comparable | null {
  const type = name === 'hs_object_id' ? 'number' : definition?.type;
  if (type === 'number') {
    return (raw) => {
      const value = Number(raw);
      return raw.trim() === '' || Number.isNaN(value) ? null : value;
    };
  }
  if (type === 'datetime' || type === 'date') return (raw) => parseDateTimeMs(raw);
  return (raw) => raw.toLowerCase();
}

function tokenMatcher(pattern: string): (raw: string) => boolean {
  const lower = pattern.toLowerCase();
  if (lower.includes('*')) {
    const source = lower
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    const regex = new RegExp(`^${source}$`);
    return (raw) => {
      const value = raw.toLowerCase();
      return regex.test(value) || value.split(/[\s,;]+/).some((token) => regex.test(token));
    };
  }
  return (raw) => {
    const value = raw.toLowerCase();
    return value === lower || value.split(/[\s,;]+/).includes(lower);
  };
}

function requireValue(filter: Filter, field: 'value' | 'highValue'): string {
  const value = filter[field];
  if (value === undefined) {
    throw validationError(
      `Filter on ${filter.propertyName} with operator ${filter.operator} needs a ${field}`,
      {
        errors: [
          {
            message: `${field} is required for ${filter.operator}`,
            in: 'filterGroups.filters',
            code: 'MISSING_VALUE',
          },
        ],
      },
    );
  }
  return value;
}

/**
 * HubSpot's `associations.<type>` pseudo-property (search guide, "Search through associations"):
 * EQ or IN record ids of another type the record is associated with.
 */
function compileAssociationFilter(
  filter: Filter,
  store: CrmStore,
  type: ObjectTypeDescriptor,
): (object: CrmObject) => boolean {
  const toType = store.resolveType(filter.propertyName.slice(ASSOCIATIONS_PREFIX.length));
  const ids =
    filter.operator === 'EQ'
      ? [requireValue(filter, 'value')]
      : filter.operator === 'IN' && filter.values && filter.values.length > 0
        ? filter.values
        : null;
  if (!ids) {
    throw validationError(`${filter.propertyName} takes the operators EQ and IN, got ${filter.operator}`);
  }
  const wanted = new Set(ids);
  return (object) =>
    store.associations
      .edges(type.objectTypeId, object.id, toType.objectTypeId)
      .some((edge) => wanted.has(edge.toId) && store.getLive(toType, edge.toId) !== undefined);
}

const ASSOCIATIONS_PREFIX = 'associations.';

function compileFilter(
  filter: Filter,
  definitions: ReadonlyMap<string, PropertyDefinition>,
): (object: CrmObject) => boolean {
  const { propertyName, operator } = filter;
  const definition = definitions.get(propertyName);
  if (!definition && propertyName !== 'hs_object_id') {
    throw validationError(`There was a problem with the request: property ${propertyName} does not exist`, {
      errors: [
        {
          message: `Property "${propertyName}" does not exist`,
          in: 'filterGroups.filters.propertyName',
          code: 'PROPERTY_DOESNT_EXIST',
        },
      ],
    });
  }
  const toComparable = comparer(definition, propertyName);
  const read = (object: CrmObject): string | undefined =>
    propertyName === 'hs_object_id' ? object.id : object.properties[propertyName];
  const compare = (test: (value: Comparable, target: Comparable) => boolean, targetRaw: string) => {
    const target = toComparable(targetRaw);
    return (object: CrmObject) => {
      const raw = read(object);
      if (raw === undefined || target === null) return false;
      const value = toComparable(raw);
      return value !== null && test(value, target);
    };
  };
  const inList = (values: string[] | undefined) => {
    if (!values || values.length === 0) {
      throw validationError(`Filter on ${propertyName} with operator ${operator} needs values`);
    }
    const targets = new Set(values.map((value) => String(toComparable(value))));
    // A checkbox property holds several options separated by semicolons; any one may match.
    return (object: CrmObject) => {
      const raw = read(object);
      if (raw === undefined) return false;
      const parts = definition?.fieldType === 'checkbox' ? raw.split(';') : [raw];
      return parts.some((part) => targets.has(String(toComparable(part))));
    };
  };
  const negate = (predicate: (object: CrmObject) => boolean) => (object: CrmObject) => !predicate(object);
  switch (operator as FilterOperator) {
    case 'EQ':
      return compare((value, target) => value === target, requireValue(filter, 'value'));
    case 'NEQ':
      return negate(compare((value, target) => value === target, requireValue(filter, 'value')));
    case 'LT':
      return compare((value, target) => value < target, requireValue(filter, 'value'));
    case 'LTE':
      return compare((value, target) => value <= target, requireValue(filter, 'value'));
    case 'GT':
      return compare((value, target) => value > target, requireValue(filter, 'value'));
    case 'GTE':
      return compare((value, target) => value >= target, requireValue(filter, 'value'));
    case 'BETWEEN': {
      const low = compare((value, target) => value >= target, requireValue(filter, 'value'));
      const high = compare((value, target) => value <= target, requireValue(filter, 'highValue'));
      return (object) => low(object) && high(object);
    }
    case 'IN':
      return inList(filter.values);
    case 'NOT_IN':
      return negate(inList(filter.values));
    case 'HAS_PROPERTY':
      return (object) => read(object) !== undefined;
    case 'NOT_HAS_PROPERTY':
      return (object) => read(object) === undefined;
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const matches = tokenMatcher(requireValue(filter, 'value'));
      const contains = (object: CrmObject) => {
        const raw = read(object);
        return raw !== undefined && matches(raw);
      };
      return operator === 'CONTAINS_TOKEN' ? contains : negate(contains);
    }
  }
}

function search(context: RouteContext) {
  const { store, params } = context;
  const type = store.resolveType(params.objectType!);
  const input = parseBody(searchSchema, context.body);
  if (input.limit > HUBSPOT_LIMITS.searchPageSize)
    throw limitError('Search limit', input.limit, HUBSPOT_LIMITS.searchPageSize);
  if (input.filterGroups.length > HUBSPOT_LIMITS.searchFilterGroups) {
    throw limitError('filterGroups', input.filterGroups.length, HUBSPOT_LIMITS.searchFilterGroups);
  }
  for (const group of input.filterGroups) {
    if (group.filters.length > HUBSPOT_LIMITS.searchFiltersPerGroup) {
      throw limitError(
        'filters in a filterGroup',
        group.filters.length,
        HUBSPOT_LIMITS.searchFiltersPerGroup,
      );
    }
  }
  const filterCount = input.filterGroups.reduce((sum, group) => sum + group.filters.length, 0);
  if (filterCount > HUBSPOT_LIMITS.searchFiltersTotal)
    throw limitError('filters', filterCount, HUBSPOT_LIMITS.searchFiltersTotal);
  if (input.sorts.length > HUBSPOT_LIMITS.searchSorts)
    throw limitError('sorts', input.sorts.length, HUBSPOT_LIMITS.searchSorts);
  const offset = input.after === undefined ? 0 : Number(input.after);
  if (!Number.isInteger(offset) || offset < 0)
    throw validationError(`after must be a non-negative integer, got ${input.after}`);
  if (offset >= HUBSPOT_LIMITS.searchResultCap) {
    throw validationError(
      `Search results are limited to ${HUBSPOT_LIMITS.searchResultCap} per query; after=${offset} pages past that. Narrow the filters instead.`,
      {
        errors: [
          { message: 'paging past the search result limit', in: 'after', code: 'SEARCH_RESULT_LIMIT' },
        ],
      },
    );
  }

  const definitions = store.propertyDefinitions(type);
  const groups = input.filterGroups.map((group) =>
    group.filters.map((filter) =>
      filter.propertyName.startsWith(ASSOCIATIONS_PREFIX)
        ? compileAssociationFilter(filter, store, type)
        : compileFilter(filter, definitions),
    ),
  );
  const queryMatchers = input.query?.trim() ? input.query.trim().toLowerCase().split(/\s+/) : [];
  const table = store.table(type);
  const matches: CrmObject[] = [];
  for (const id of table.order) {
    // What the search index holds, which lags writes when the emulator has a search lag.
    const object = store.searchView(table.objects.get(id)!);
    if (!object) continue;
    if (groups.length > 0 && !groups.some((filters) => filters.every((predicate) => predicate(object))))
      continue;
    if (
      queryMatchers.length > 0 &&
      !queryMatchers.every((word) =>
        type.searchableProperties.some((name) => object.properties[name]?.toLowerCase().includes(word)),
      )
    ) {
      continue;
    }
    matches.push(object);
  }

  let ordered = matches;
  const sort = input.sorts[0];
  if (sort) {
    const toComparable = comparer(definitions.get(sort.propertyName), sort.propertyName);
    const direction = sort.direction === 'DESCENDING' ? -1 : 1;
    const keyOf = (object: CrmObject) => {
      const raw = sort.propertyName === 'hs_object_id' ? object.id : object.properties[sort.propertyName];
      return raw === undefined ? null : toComparable(raw);
    };
    const keyed = matches.map((object) => ({ object, key: keyOf(object) }));
    // Records without a value sort last either way; ties keep id order (a stable sort).
    keyed.sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
      return a.key < b.key ? -direction : a.key > b.key ? direction : 0;
    });
    ordered = keyed.map((entry) => entry.object);
  }

  const end = Math.min(offset + input.limit, ordered.length, HUBSPOT_LIMITS.searchResultCap);
  const results = ordered.slice(offset, end).map((object) => objectToJson(store, type, object, input));
  const body: Record<string, unknown> = { total: ordered.length, results };
  if (end < ordered.length) body.paging = { next: { after: String(end) } };
  return { status: 200, body };
}

export const searchRoutes: Route[] = [
  route.post('/crm/v3/objects/{objectType}/search', search, { isSearch: true }),
];
