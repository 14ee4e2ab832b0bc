/**
 * The boundary between an endpoint app function's `context` and the signed request HubSpot
 * sent. HubSpot documents the signature over the raw body and the full URL; what the function
 * runtime hands over is parsed leniently here, and anything that cannot be reconstructed
 * exactly makes the signature check fail — it never makes it pass:
 *
 * - body: `rawBody` (or a string `body`) is used as is. When the runtime only gives the parsed
 *   JSON, it is re-serialised compactly; HubSpot sends compact JSON, so this reproduces it unless
 *   the original had escapes or numbers JSON.stringify writes differently (then: 401).
 * - URL: an absolute `url` from the context, else the public URL configured for the component
 *   (the webhooks `targetUrl` or the workflow action `actionUrl`), plus any query string.
 */
import { z } from 'zod';
import type { SignedRequest } from './signature';

const headerValueSchema = z.union([z.string(), z.array(z.string())]);

export const appFunctionContextSchema = z.object({
  method: z.string().optional(),
  headers: z.record(z.string(), headerValueSchema.optional()).optional(),
  body: z.unknown().optional(),
  rawBody: z.string().optional(),
  url: z.string().optional(),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()).optional(),
});
export type AppFunctionContext = z.infer<typeof appFunctionContextSchema>;

function bodyText(context: AppFunctionContext): string {
  if (context.rawBody !== undefined) return context.rawBody;
  if (typeof context.body === 'string') return context.body;
  if (context.body === undefined || context.body === null) return '';
  return JSON.stringify(context.body);
}

function queryString(query: AppFunctionContext['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const isAbsoluteUrl = (value: string): boolean => /^https?:\/\//i.test(value);

/**
 * Reconstructs the signed request from a function context; `null` when the context is not an
 * object at all (then the caller answers 400 without reading further).
 */
export function toSignedRequest(context: unknown, publicUrl: string): SignedRequest | null {
  const parsed = appFunctionContextSchema.safeParse(context);
  if (!parsed.success) return null;
  const ctx = parsed.data;
  const headers: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(ctx.headers ?? {})) {
    if (value !== undefined) headers[name] = value;
  }
  const uri = ctx.url !== undefined && isAbsoluteUrl(ctx.url) ? ctx.url : publicUrl + queryString(ctx.query);
  return { method: (ctx.method ?? 'POST').toUpperCase(), uri, body: bodyText(ctx), headers };
}
