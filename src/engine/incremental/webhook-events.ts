/**
 * The body HubSpot POSTs to a webhook target: a JSON array of up to 100 events
 * (developers.hubspot.com/docs/apps/developer-platform/add-features/configure-webhooks).
 * The envelope is parsed strictly: a body that is not such an array, or an event without its
 * envelope fields, rejects the whole request before anything happens. Fields that only some
 * subscription types carry are optional. Subscription types Keystone does not know are kept as
 * `unsupported` events and dropped later, so HubSpot adding a type never turns into a 400.
 */
import { z } from 'zod';
import {
  objectTypeFromAssociationName,
  objectTypeFromId,
  objectTypeFromLegacyName,
  type IncrementalObjectType,
} from './object-types';

/** HubSpot sends at most 100 events per request. */
export const MAX_EVENTS_PER_REQUEST = 100;

const idSchema = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);

export const webhookEventSchema = z.object({
  eventId: idSchema,
  subscriptionId: idSchema,
  portalId: idSchema,
  appId: idSchema,
  occurredAt: z.number().int().nonnegative(),
  subscriptionType: z
    .string()
    .regex(/^[a-z_]+\.[A-Za-z]+$/, 'expected "<object>.<event>", e.g. deal.propertyChange'),
  attemptNumber: z.number().int().nonnegative(),
  objectId: idSchema.optional(),
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.string().nullable().optional(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
  changeFlag: z.string().optional(),
  // association change events
  associationType: z.string().optional(),
  fromObjectId: idSchema.optional(),
  toObjectId: idSchema.optional(),
  fromObjectTypeId: z.string().optional(),
  toObjectTypeId: z.string().optional(),
  associationRemoved: z.boolean().optional(),
  isPrimaryAssociation: z.boolean().optional(),
  // merge events
  primaryObjectId: idSchema.optional(),
  mergedObjectIds: z.array(idSchema).optional(),
  newObjectId: idSchema.optional(),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export const webhookBodySchema = z.array(webhookEventSchema).min(1).max(MAX_EVENTS_PER_REQUEST);

export const EVENT_KINDS = [
  'creation',
  'deletion',
  'propertyChange',
  'associationChange',
  'merge',
  'restore',
  'privacyDeletion',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type ObjectRef = { objectType: IncrementalObjectType; objectId: string };

/** One event, in Keystone's terms: what kind of change, on which object, from which source. */
export type IncrementalEvent = {
  eventId: string;
  occurredAt: number;
  attemptNumber: number;
  appId: string;
  subscriptionType: string;
  kind: EventKind | 'unsupported';
  /** The object the event is about (`null` when its type is not one Keystone reads). */
  object: ObjectRef | null;
  propertyName: string | null;
  changeSource: string | null;
  sourceId: string | null;
  /** Association changes: both ends, when both are types Keystone reads. */
  association: { from: ObjectRef; to: ObjectRef; removed: boolean } | null;
  /** Merge events: the surviving object id. */
  survivingObjectId: string | null;
};

export type ParseIssue = { path: string; message: string };
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ParseIssue[] };

const isEventKind = (value: string): value is EventKind => (EVENT_KINDS as readonly string[]).includes(value);

function associationEnds(event: WebhookEvent): IncrementalEvent['association'] {
  if (event.fromObjectId === undefined || event.toObjectId === undefined) return null;
  // legacy: "DEAL_TO_COMPANY"; generic events name the types by id instead
  const [fromName, toName] = (event.associationType ?? '').split('_TO_');
  const fromType =
    (event.fromObjectTypeId && objectTypeFromId(event.fromObjectTypeId)) ||
    (fromName ? objectTypeFromAssociationName(fromName) : null);
  const toType =
    (event.toObjectTypeId && objectTypeFromId(event.toObjectTypeId)) ||
    (toName ? objectTypeFromAssociationName(toName) : null);
  if (!fromType || !toType) return null;
  return {
    from: { objectType: fromType, objectId: event.fromObjectId },
    to: { objectType: toType, objectId: event.toObjectId },
    removed: event.associationRemoved ?? false,
  };
}

/** Reads a parsed event into Keystone's terms using the object-type table. */
export function toIncrementalEvent(event: WebhookEvent): IncrementalEvent {
  const [prefix = '', suffix = ''] = event.subscriptionType.split('.');
  const objectType =
    prefix === 'object'
      ? event.objectTypeId
        ? objectTypeFromId(event.objectTypeId)
        : null
      : objectTypeFromLegacyName(prefix);
  const kind = isEventKind(suffix) ? suffix : 'unsupported';
  return {
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    attemptNumber: event.attemptNumber,
    appId: event.appId,
    subscriptionType: event.subscriptionType,
    kind,
    object: objectType && event.objectId !== undefined ? { objectType, objectId: event.objectId } : null,
    propertyName: event.propertyName ?? null,
    changeSource: event.changeSource ?? null,
    sourceId: event.sourceId ?? null,
    association: kind === 'associationChange' ? associationEnds(event) : null,
    survivingObjectId:
      kind === 'merge' ? (event.newObjectId ?? event.primaryObjectId ?? event.objectId ?? null) : null,
  };
}

const issuesOf = (error: z.ZodError): ParseIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));

/**
 * Parses a webhook body (raw JSON text) into events. Never throws: malformed JSON or a wrong
 * shape is a list of issues with field paths.
 * @example parseWebhookBody('[{"eventId":1,...}]') // { ok: true, value: [IncrementalEvent] }
 */
export function parseWebhookBody(rawBody: string): ParseResult<IncrementalEvent[]> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, issues: [{ path: '(body)', message: 'not valid JSON' }] };
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  return { ok: true, value: parsed.data.map(toIncrementalEvent) };
}
