/**
 * Turns a batch of webhook events into the smallest rescoring plan: each company at most once,
 * whatever number of events touched it. Company events name their company directly, and so does
 * every association change with a company end; deal, ticket, contact and meeting events name an
 * object whose companies the engine resolves through associations (one batch call for all).
 */
import { loopDropReason, type LoopDropReason } from './loop-safety';
import { isTriggerProperty } from './object-types';
import type { IncrementalEvent, ObjectRef } from './webhook-events';

export type DropReason =
  | LoopDropReason
  | 'not_a_score_input'
  | 'unsupported_event'
  | 'unknown_object_type'
  | 'company_deleted'
  | 'no_company_end';

export type DroppedEvent = { eventId: string; subscriptionType: string; reason: DropReason };

export type RescorePlan = {
  /** Companies named by the events themselves, in order of first appearance. */
  companyIds: string[];
  /** Objects whose companies must be resolved through associations, deduplicated. */
  relatedObjects: ObjectRef[];
  dropped: DroppedEvent[];
  eventCount: number;
};

type Decision = { companyIds: string[]; related: ObjectRef[] } | { drop: DropReason };

function decide(event: IncrementalEvent): Decision {
  const loopReason = loopDropReason(event);
  if (loopReason) return { drop: loopReason };
  if (event.kind === 'unsupported') return { drop: 'unsupported_event' };

  if (event.kind === 'associationChange') {
    if (!event.association) return { drop: 'unknown_object_type' };
    const companyIds = [event.association.from, event.association.to]
      .filter((end) => end.objectType === 'company')
      .map((end) => end.objectId);
    // an association between two non-company objects (deal ↔ contact) moves no company's inputs
    return companyIds.length > 0 ? { companyIds, related: [] } : { drop: 'no_company_end' };
  }

  if (!event.object) return { drop: 'unknown_object_type' };
  const { objectType, objectId } = event.object;
  if (
    event.kind === 'propertyChange' &&
    (event.propertyName === null || !isTriggerProperty(objectType, event.propertyName))
  ) {
    return { drop: 'not_a_score_input' };
  }
  if (objectType === 'company') {
    if (event.kind === 'deletion' || event.kind === 'privacyDeletion') return { drop: 'company_deleted' };
    return { companyIds: [event.survivingObjectId ?? objectId], related: [] };
  }
  // A deleted deal or ticket may already have lost its associations; the engine resolves what it
  // still can, and the association-removed event HubSpot sends names the company directly.
  const survivor = event.survivingObjectId;
  return { companyIds: [], related: [{ objectType, objectId: survivor ?? objectId }] };
}

/**
 * Coalesces events into a {@link RescorePlan}. Pure: no I/O, no clock.
 * @example planRescoring(events) // { companyIds: ['11', '12'], relatedObjects: [{ objectType: 'deal', objectId: '9' }], … }
 */
export function planRescoring(events: readonly IncrementalEvent[]): RescorePlan {
  const companyIds = new Set<string>();
  const related = new Map<string, ObjectRef>();
  const dropped: DroppedEvent[] = [];
  for (const event of events) {
    const decision = decide(event);
    if ('drop' in decision) {
      dropped.push({
        eventId: event.eventId,
        subscriptionType: event.subscriptionType,
        reason: decision.drop,
      });
      continue;
    }
    for (const id of decision.companyIds) companyIds.add(id);
    for (const ref of decision.related) related.set(`${ref.objectType}:${ref.objectId}`, ref);
  }
  return {
    companyIds: [...companyIds],
    relatedObjects: [...related.values()],
    dropped,
    eventCount: events.length,
  };
}
