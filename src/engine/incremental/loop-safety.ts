/**
 * Keystone must never rescore itself in circles: write → event → rescore → write → …
 * Three independent brakes, any one of which stops the loop:
 *
 * 1. The webhooks component subscribes to no Keystone output (a test reads the hsmeta), so
 *    HubSpot should never send such an event in the first place.
 * 2. If one arrives anyway (a subscription added by hand), it is dropped here by property name.
 * 3. A rescore writes only values that changed; rescoring unchanged data writes nothing, so it
 *    raises no event at all (tested in tests/integration/incremental/loop-safety.test.ts).
 *
 * Changes made by Keystone's own app token are also dropped where HubSpot identifies them:
 * `changeSource` INTEGRATION/API with `sourceId` equal to the receiving app's id.
 */
import { isKeystoneOutputProperty } from './object-types';
import type { IncrementalEvent } from './webhook-events';

export const LOOP_DROP_REASONS = ['keystone_output', 'own_integration'] as const;
export type LoopDropReason = (typeof LOOP_DROP_REASONS)[number];

const APP_CHANGE_SOURCES: ReadonlySet<string> = new Set(['INTEGRATION', 'API']);

/** True when HubSpot attributes the change to the app that receives the event, i.e. Keystone. */
export function isOwnAppChange(event: IncrementalEvent): boolean {
  if (event.changeSource === null || event.sourceId === null) return false;
  if (!APP_CHANGE_SOURCES.has(event.changeSource.toUpperCase())) return false;
  const source = event.sourceId.trim();
  return source === event.appId || source === `appId:${event.appId}`;
}

/** Why an event must be ignored to keep Keystone from rescoring itself, or null when it is safe. */
export function loopDropReason(event: IncrementalEvent): LoopDropReason | null {
  if (event.propertyName !== null && isKeystoneOutputProperty(event.propertyName)) return 'keystone_output';
  if (isOwnAppChange(event)) return 'own_integration';
  return null;
}
