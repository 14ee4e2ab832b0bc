/**
 * The real {@link IncrementalEngine}: companies are resolved through the CRM gateway's
 * associations v4 batch reads (one call per object type for up to 1,000 objects), and each
 * company is rescored by the sync engine's one-company path, injected as `rescore`.
 */
import type { CrmGateway } from '../hubspot/gateway';
import type { IncrementalEngine, RescoreOutcome } from './engine-port';
import { OBJECT_TYPE_DESCRIPTORS, type RelatedObjectType } from './object-types';
import type { ObjectRef } from './webhook-events';

export type CrmIncrementalEngineOptions = {
  gateway: Pick<CrmGateway, 'batchReadAssociations'>;
  /** Rescores one company and writes only changed `kam_*` values (the sync engine's one-company path). */
  rescore: (companyId: string) => Promise<RescoreOutcome>;
};

/**
 * Builds the engine the endpoint functions use.
 * @example createCrmIncrementalEngine({ gateway, rescore: (companyId) => rescoreOne(companyId) })
 */
export function createCrmIncrementalEngine({
  gateway,
  rescore,
}: CrmIncrementalEngineOptions): IncrementalEngine {
  return {
    async resolveCompanyIds(objects: readonly ObjectRef[]): Promise<string[]> {
      const idsByType = new Map<RelatedObjectType, string[]>();
      const companyIds = new Set<string>();
      for (const { objectType, objectId } of objects) {
        if (objectType === 'company') {
          companyIds.add(objectId);
          continue;
        }
        idsByType.set(objectType, [...(idsByType.get(objectType) ?? []), objectId]);
      }
      for (const [objectType, ids] of idsByType) {
        const associated = await gateway.batchReadAssociations(
          OBJECT_TYPE_DESCRIPTORS[objectType].crmType,
          OBJECT_TYPE_DESCRIPTORS.company.crmType,
          ids,
        );
        for (const id of ids) for (const companyId of associated.get(id) ?? []) companyIds.add(companyId);
      }
      return [...companyIds];
    },
    rescoreCompany: rescore,
  };
}
