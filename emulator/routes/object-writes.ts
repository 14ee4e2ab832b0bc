/**
 * What the single and batch object routes share: the body schemas of HubSpot's
 * `SimplePublicObjectInputForCreate` / `SimplePublicObjectInput`, create-time associations,
 * and the v3 `associations` block of a read.
 */
import { z } from 'zod';
import { validationError } from '../http/errors';
import type { CrmObject, CrmStore } from '../store/crm-store';
import type { ObjectTypeDescriptor } from '../store/object-types';

const propertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const propertiesSchema = z.record(z.string(), propertyValueSchema);

export const associationSpecSchema = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.number().int(),
});

export const createAssociationSchema = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  types: z.array(associationSpecSchema).min(1),
});

export const createInputSchema = z.object({
  properties: propertiesSchema.default({}),
  associations: z.array(createAssociationSchema).default([]),
  objectWriteTraceId: z.string().optional(),
});
export type CreateInput = z.infer<typeof createInputSchema>;

export const updateInputSchema = z.object({ properties: propertiesSchema });

interface ResolvedAssociation {
  toType: ObjectTypeDescriptor;
  toId: string;
  typeId: number;
  inverseTypeId: number;
}

/**
 * Checks create-time associations before anything is written: the type id must exist from this
 * object type (its direction names the target type) and the target record must exist.
 */
export function resolveCreateAssociations(
  store: CrmStore,
  type: ObjectTypeDescriptor,
  associations: CreateInput['associations'],
): ResolvedAssociation[] {
  const resolved: ResolvedAssociation[] = [];
  for (const association of associations) {
    for (const spec of association.types) {
      const definition = allFrom(store, type).find(
        (candidate) =>
          candidate.typeId === spec.associationTypeId && candidate.category === spec.associationCategory,
      );
      if (!definition) {
        throw validationError(
          `${spec.associationCategory} association type ${spec.associationTypeId} is not valid from ${type.name}`,
          {
            errors: [
              {
                message: 'invalid association type',
                in: 'associations.types',
                code: 'INVALID_ASSOCIATION_TYPE',
              },
            ],
          },
        );
      }
      const toType = store.types.find(definition.toObjectTypeId)!;
      if (!store.getLive(toType, association.to.id)) {
        throw validationError(
          `${toType.singular} ${association.to.id} does not exist, so it can't be associated`,
          {
            errors: [
              { message: 'association target not found', in: 'associations.to.id', code: 'OBJECT_NOT_FOUND' },
            ],
            context: { id: [association.to.id] },
          },
        );
      }
      resolved.push({
        toType,
        toId: association.to.id,
        typeId: definition.typeId,
        inverseTypeId: definition.inverseTypeId,
      });
    }
  }
  return resolved;
}

function allFrom(store: CrmStore, type: ObjectTypeDescriptor) {
  return store.types
    .list()
    .flatMap((other) => store.associationTypes.between(type.objectTypeId, other.objectTypeId));
}

export function applyAssociations(
  store: CrmStore,
  type: ObjectTypeDescriptor,
  id: string,
  associations: ResolvedAssociation[],
): void {
  for (const association of associations) {
    store.associations.associate(
      type.objectTypeId,
      id,
      association.toType.objectTypeId,
      association.toId,
      association.typeId,
      association.inverseTypeId,
    );
  }
}

/** The v3 `associations` block: `{deals: {results: [{id, type: 'company_to_deal_unlabeled'}]}}`. */
export function v3Associations(
  store: CrmStore,
  type: ObjectTypeDescriptor,
  object: CrmObject,
  toTypes: readonly ObjectTypeDescriptor[],
): Record<string, unknown> | undefined {
  const block: Record<string, unknown> = {};
  for (const toType of toTypes) {
    const results: { id: string; type: string }[] = [];
    for (const edge of store.associations.edges(type.objectTypeId, object.id, toType.objectTypeId)) {
      if (!store.getLive(toType, edge.toId)) continue;
      for (const typeId of edge.typeIds) {
        const definition = store.associationTypes.find(type.objectTypeId, toType.objectTypeId, typeId);
        results.push({ id: edge.toId, type: definition?.v3Name ?? String(typeId) });
      }
    }
    // HubSpot leaves out association types with no results.
    if (results.length > 0) block[toType.name] = { results };
  }
  return Object.keys(block).length > 0 ? block : undefined;
}
