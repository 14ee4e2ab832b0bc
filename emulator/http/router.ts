/**
 * Routes are data (as in msw's handlers): a method, a path pattern in HubSpot's own notation
 * (`/crm/v3/objects/{objectType}/{objectId}`) and a handler. The pattern doubles as the request
 * log's key, so counts read like HubSpot's API reference.
 */
import type { z } from 'zod';
import type { CrmStore } from '../store/crm-store';
import { validationError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  store: CrmStore;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Whether this batch input fails with a 207 (the batchFailureRate knob); never without it. */
  failBatchInput?: () => boolean;
}

export interface RouteReply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: HttpMethod;
  pattern: string;
  /** Search endpoints have their own per-second limit and no rate-limit headers. */
  isSearch?: boolean;
  handle: (context: RouteContext) => RouteReply;
}

type Segment = { literal: string } | { param: string };

interface CompiledRoute {
  route: Route;
  segments: Segment[];
}

function compile(route: Route): CompiledRoute {
  const segments = route.pattern
    .split('/')
    .filter((part) => part !== '')
    .map((part): Segment =>
      part.startsWith('{') && part.endsWith('}') ? { param: part.slice(1, -1) } : { literal: part },
    );
  return { route, segments };
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** First route whose method and segments match; literal segments win because they are listed first. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map(compile);
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    // A trailing slash names the same resource (`/crm/v3/owners/` is the client's own spelling).
    const parts = pathname.split('/').filter((part) => part !== '');
    for (const { route, segments } of this.compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let matched = true;
      for (let index = 0; index < segments.length; index++) {
        const segment = segments[index]!;
        const part = parts[index]!;
        if ('literal' in segment) {
          if (segment.literal !== part) {
            matched = false;
            break;
          }
        } else {
          params[segment.param] = decodeURIComponent(part);
        }
      }
      if (matched) return { route, params };
    }
    return undefined;
  }

  routes(): Route[] {
    return this.compiled.map((entry) => entry.route);
  }
}

export const route = {
  get: (pattern: string, handle: Route['handle']): Route => ({ method: 'GET', pattern, handle }),
  post: (pattern: string, handle: Route['handle'], extra: Pick<Route, 'isSearch'> = {}): Route => ({
    method: 'POST',
    pattern,
    handle,
    ...extra,
  }),
  put: (pattern: string, handle: Route['handle']): Route => ({ method: 'PUT', pattern, handle }),
  patch: (pattern: string, handle: Route['handle']): Route => ({ method: 'PATCH', pattern, handle }),
  delete: (pattern: string, handle: Route['handle']): Route => ({ method: 'DELETE', pattern, handle }),
};

/** zod-parses a request body; failures become HubSpot's 400 naming each field path. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      message: `${path || '(body)'}: ${issue.message}`,
      in: path || 'body',
      code: issue.code.toUpperCase(),
    };
  });
  return throwInvalid(errors);
}

function throwInvalid(errors: { message: string; in: string; code: string }[]): never {
  throw validationError(`Invalid input JSON: ${errors.map((error) => error.message).join('; ')}`, { errors });
}

/** Query values given repeatedly (`properties=a&properties=b`) or comma-separated, as HubSpot accepts both. */
export function queryList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function queryBoolean(query: URLSearchParams, name: string): boolean {
  return query.get(name) === 'true';
}

/** An integer query parameter within [1, max]; HubSpot answers 400 outside it. */
export function queryLimit(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw validationError(`${name} must be an integer between 1 and ${max}, got ${raw}`, {
      errors: [{ message: `${name} must be between 1 and ${max}`, in: name, code: 'OUT_OF_RANGE' }],
    });
  }
  return value;
}
