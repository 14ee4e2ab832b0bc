/**
 * The companies incremental events touch: resolved through the CRM gateway's associations v4 batch
 * reads (one call per object type for up to 1,000 objects).
 */
import type { CrmGateway } from '../hubspot/gateway';
import { OBJECT_TYPE_DESCRIPTORS, type RelatedObjectType } from './object-types';
import type { ObjectRef } from './webhook-events';

/**
 * The companies associated with these objects (a company stands for itself), each once; deleted or
 * unknown objects give none.
 * @example await associatedCompanyIds(gateway, [{ objectType: 'deal', objectId: '1' }])
 */
export async function associatedCompanyIds(
  gateway: Pick<CrmGateway, 'batchReadAssociations'>,
  objects: readonly ObjectRef[],
): Promise<string[]> {
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
}
