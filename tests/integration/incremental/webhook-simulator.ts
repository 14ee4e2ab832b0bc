/**
 * Plays HubSpot's side of webhooks for the integration tests. The emulator sends no webhooks, so
 * the simulator reads objects before and after a write and turns each changed property into the
 * event HubSpot would deliver, then signs the delivery as HubSpot does (v3, the client secret).
 * `subscribed: 'hsmeta'` delivers only what the webhooks component subscribes to; `'everything'`
 * delivers every change, the worst case of a misconfigured portal.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CrmGateway } from '../../../src/engine/hubspot/gateway';
import { KAM_OUTPUT_PROPERTY_NAMES } from '../../../src/engine/hubspot/kam-properties';
import {
  OBJECT_TYPE_DESCRIPTORS,
  type IncrementalObjectType,
  type SignedRequest,
} from '../../../src/engine/incremental';
import {
  createWebhookEvent,
  signedWebhookRequest,
  TEST_APP_ID,
  TEST_CLIENT_SECRET,
  TEST_PROFILE_VARIABLES,
} from '../../../src/engine/incremental/test-utils/fixtures';
import { resolveProfileTemplate } from '../../../src/engine/incremental/profile-variables';

type Subscription = { subscriptionType: string; propertyName?: string };
type WebhooksMeta = {
  config: { settings: { targetUrl: string }; subscriptions: { legacyCrmObjects: Subscription[] } };
};

export const WEBHOOKS_META = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../src/app/webhooks/webhooks-hsmeta.json'), 'utf8'),
) as WebhooksMeta;
/** The URL HubSpot calls: the webhooks `targetUrl` with the tests' project profile applied. */
export const TARGET_URL = resolveProfileTemplate(
  WEBHOOKS_META.config.settings.targetUrl,
  TEST_PROFILE_VARIABLES,
) as string;

const subscribedChanges = new Set(
  WEBHOOKS_META.config.subscriptions.legacyCrmObjects
    .filter((s) => s.subscriptionType.endsWith('.propertyChange'))
    .map((s) => `${s.subscriptionType.split('.')[0]}:${s.propertyName}`),
);

/** Everything a company rescore can change, plus what every write changes. */
const WATCHED: Partial<Record<IncrementalObjectType, readonly string[]>> = {
  company: [
    ...KAM_OUTPUT_PROPERTY_NAMES,
    ...OBJECT_TYPE_DESCRIPTORS.company.triggerProperties,
    'hs_lastmodifieddate',
  ],
  deal: [...OBJECT_TYPE_DESCRIPTORS.deal.triggerProperties, 'hs_lastmodifieddate'],
};

export type ObjectState = Map<string, Record<string, string | null>>;

/** Who made a change, as HubSpot reports it on the event. */
export type ChangeSource = { changeSource: string; sourceId: string };
export const USER_CHANGE: ChangeSource = { changeSource: 'CRM_UI', sourceId: 'userId:7' };
export const KEYSTONE_CHANGE: ChangeSource = { changeSource: 'INTEGRATION', sourceId: String(TEST_APP_ID) };

export async function readState(
  gateway: CrmGateway,
  objects: { objectType: 'company' | 'deal'; ids: readonly string[] }[],
): Promise<ObjectState> {
  const state: ObjectState = new Map();
  for (const { objectType, ids } of objects) {
    const { records } = await gateway.batchRead(
      OBJECT_TYPE_DESCRIPTORS[objectType].crmType,
      ids,
      WATCHED[objectType] ?? [],
    );
    for (const record of records) state.set(`${objectType}:${record.id}`, record.properties);
  }
  return state;
}

/** The propertyChange events HubSpot would send for the differences between two reads. */
export function propertyChangeEvents(
  before: ObjectState,
  after: ObjectState,
  { subscribed, source }: { subscribed: 'hsmeta' | 'everything'; source: ChangeSource },
): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const [key, properties] of after) {
    const [objectType = '', objectId = ''] = key.split(':');
    const previous = before.get(key) ?? {};
    for (const [name, value] of Object.entries(properties)) {
      if ((previous[name] ?? null) === (value ?? null)) continue;
      if (subscribed === 'hsmeta' && !subscribedChanges.has(`${objectType}:${name}`)) continue;
      events.push(
        createWebhookEvent({
          subscriptionType: `${objectType}.propertyChange`,
          objectId: Number(objectId),
          propertyName: name,
          propertyValue: value ?? '',
          ...source,
        }),
      );
    }
  }
  return events;
}

let deliveries = 0;

/** A delivery of `events`, signed for the webhooks target URL at `nowMs` (a fresh timestamp each time). */
export function delivery(events: readonly Record<string, unknown>[], nowMs: number): SignedRequest {
  deliveries += 1;
  return signedWebhookRequest(JSON.stringify(events), {
    uri: TARGET_URL,
    secret: TEST_CLIENT_SECRET,
    timestampMs: nowMs - deliveries,
  });
}

/** The function context the runtime hands over: headers and the parsed JSON body. */
export function functionContext(request: SignedRequest): Record<string, unknown> {
  return { method: request.method, headers: request.headers, body: JSON.parse(request.body) };
}
