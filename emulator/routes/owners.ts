/**
 * Owners (developers.hubspot.com/docs/guides/api/crm/owners): the seeded owners, paged with
 * `limit` (max 500) and `after`, filterable by `email`; one owner by id or by `idProperty=userId`.
 */
import { notFoundError } from '../http/errors';
import { queryBoolean, queryLimit, route, type Route, type RouteContext } from '../http/router';
import { HUBSPOT_LIMITS } from '../limits/hubspot-limits';
import { ownerToJson } from '../store/owners';

function list(context: RouteContext) {
  const { store, query } = context;
  const limit = queryLimit(query, 'limit', 100, HUBSPOT_LIMITS.ownersPageSize);
  const email = query.get('email')?.toLowerCase();
  const archived = queryBoolean(query, 'archived');
  const matching = store.owners.filter(
    (owner) => owner.archived === archived && (email === undefined || owner.email.toLowerCase() === email),
  );
  const start = Math.max(0, Number(query.get('after') ?? 0) || 0);
  const page = matching.slice(start, start + limit);
  const stamp = new Date(0).toISOString();
  const body: Record<string, unknown> = { results: page.map((owner) => ownerToJson(owner, stamp)) };
  if (start + limit < matching.length) body.paging = { next: { after: String(start + limit) } };
  return { status: 200, body };
}

function getOne(context: RouteContext) {
  const { store, params, query } = context;
  const byUserId = query.get('idProperty') === 'userId';
  const owner = store.owners.find((candidate) =>
    byUserId ? String(candidate.userId) === params.ownerId : candidate.id === params.ownerId,
  );
  if (!owner) throw notFoundError(`Unable to find owner ${params.ownerId}`, { id: [params.ownerId!] });
  return { status: 200, body: ownerToJson(owner, new Date(0).toISOString()) };
}

export const ownerRoutes: Route[] = [
  route.get('/crm/v3/owners', list),
  route.get('/crm/v3/owners/{ownerId}', getOne),
];
