/**
 * Record associations, stored in both directions so reads from either side are a map lookup.
 * Each edge holds the association type ids between two records (HubSpot allows several labels
 * on one pair). Small arrays instead of nested Maps keep a 100k-company portal in memory cheaply.
 */

export interface AssociationEdge {
  toId: string;
  /** Never mutated in place: it may be shared between edges. */
  typeIds: readonly number[];
}

/** One shared array per type id: most edges carry a single type, so they share it (copied on change). */
const SINGLE_TYPE = new Map<number, readonly number[]>();

function singleType(typeId: number): number[] {
  let shared = SINGLE_TYPE.get(typeId);
  if (!shared) {
    shared = Object.freeze([typeId]);
    SINGLE_TYPE.set(typeId, shared);
  }
  return shared as number[];
}

export class AssociationStore {
  /** fromObjectTypeId → toObjectTypeId → fromId → edges (nested Maps: no key strings to build per call). */
  private readonly pairs = new Map<string, Map<string, Map<string, AssociationEdge[]>>>();

  /** The fromId → edges map of one direction, created on first use. */
  private pairMap(fromType: string, toType: string): Map<string, AssociationEdge[]> {
    let byTo = this.pairs.get(fromType);
    if (!byTo) {
      byTo = new Map();
      this.pairs.set(fromType, byTo);
    }
    let byFrom = byTo.get(toType);
    if (!byFrom) {
      byFrom = new Map();
      byTo.set(toType, byFrom);
    }
    return byFrom;
  }

  /** Adds one direction; returns false when that type was already there. */
  private addOneWay(
    byFrom: Map<string, AssociationEdge[]>,
    fromId: string,
    toId: string,
    typeId: number,
  ): boolean {
    const edges = byFrom.get(fromId);
    if (!edges) {
      byFrom.set(fromId, [{ toId, typeIds: singleType(typeId) }]);
      return true;
    }
    for (let index = 0; index < edges.length; index++) {
      const edge = edges[index]!;
      if (edge.toId !== toId) continue;
      if (edge.typeIds.includes(typeId)) return false;
      edge.typeIds = [...edge.typeIds, typeId];
      return true;
    }
    edges.push({ toId, typeIds: singleType(typeId) });
    return true;
  }

  /** Associates both ways: `typeId` from → to and `inverseTypeId` to → from. */
  associate(
    fromType: string,
    fromId: string,
    toType: string,
    toId: string,
    typeId: number,
    inverseTypeId: number,
  ): void {
    this.addOneWay(this.pairMap(fromType, toType), fromId, toId, typeId);
    this.addOneWay(this.pairMap(toType, fromType), toId, fromId, inverseTypeId);
  }

  /**
   * A writer for bulk loads between two types: resolves both direction maps once, so each
   * association costs two map lookups.
   */
  bulkAssociator(fromType: string, toType: string, typeId: number, inverseTypeId: number) {
    const forward = this.pairMap(fromType, toType);
    const backward = this.pairMap(toType, fromType);
    return (fromId: string, toId: string): void => {
      this.addOneWay(forward, fromId, toId, typeId);
      this.addOneWay(backward, toId, fromId, inverseTypeId);
    };
  }

  private removeOneWay(
    fromType: string,
    fromId: string,
    toType: string,
    toId: string,
    typeIds?: number[],
  ): void {
    const byFrom = this.pairs.get(fromType)?.get(toType);
    const edges = byFrom?.get(fromId);
    if (!byFrom || !edges) return;
    const index = edges.findIndex((edge) => edge.toId === toId);
    if (index < 0) return;
    const edge = edges[index]!;
    edge.typeIds = typeIds ? edge.typeIds.filter((typeId) => !typeIds.includes(typeId)) : [];
    if (edge.typeIds.length === 0) edges.splice(index, 1);
    if (edges.length === 0) byFrom.delete(fromId);
  }

  /** Removes the given types (both directions, via their inverses) or, without types, every type. */
  disassociate(
    fromType: string,
    fromId: string,
    toType: string,
    toId: string,
    types?: { typeIds: number[]; inverseTypeIds: number[] },
  ): void {
    this.removeOneWay(fromType, fromId, toType, toId, types?.typeIds);
    this.removeOneWay(toType, toId, fromType, fromId, types?.inverseTypeIds);
  }

  edges(fromType: string, fromId: string, toType: string): readonly AssociationEdge[] {
    return this.pairs.get(fromType)?.get(toType)?.get(fromId) ?? [];
  }

  clear(): void {
    this.pairs.clear();
  }

  /** Number of one-way edges, for figures and tests. */
  count(): number {
    let total = 0;
    for (const byTo of this.pairs.values()) {
      for (const byFrom of byTo.values()) for (const edges of byFrom.values()) total += edges.length;
    }
    return total;
  }
}
