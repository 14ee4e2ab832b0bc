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
  /** `${fromObjectTypeId}>${toObjectTypeId}` → fromId → edges. */
  private readonly pairs = new Map<string, Map<string, AssociationEdge[]>>();

  private edgesFor(fromType: string, toType: string, create: true): Map<string, AssociationEdge[]>;
  private edgesFor(
    fromType: string,
    toType: string,
    create: false,
  ): Map<string, AssociationEdge[]> | undefined;
  private edgesFor(fromType: string, toType: string, create: boolean) {
    const key = `${fromType}>${toType}`;
    let byFrom = this.pairs.get(key);
    if (!byFrom && create) {
      byFrom = new Map();
      this.pairs.set(key, byFrom);
    }
    return byFrom;
  }

  /** Adds one direction; returns false when that type was already there. */
  private addOneWay(fromType: string, fromId: string, toType: string, toId: string, typeId: number): boolean {
    const byFrom = this.edgesFor(fromType, toType, true);
    let edges = byFrom.get(fromId);
    if (!edges) {
      edges = [];
      byFrom.set(fromId, edges);
    }
    const edge = edges.find((candidate) => candidate.toId === toId);
    if (!edge) {
      edges.push({ toId, typeIds: singleType(typeId) });
      return true;
    }
    if (edge.typeIds.includes(typeId)) return false;
    edge.typeIds = [...edge.typeIds, typeId];
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
    this.addOneWay(fromType, fromId, toType, toId, typeId);
    this.addOneWay(toType, toId, fromType, fromId, inverseTypeId);
  }

  private removeOneWay(
    fromType: string,
    fromId: string,
    toType: string,
    toId: string,
    typeIds?: number[],
  ): void {
    const byFrom = this.edgesFor(fromType, toType, false);
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
    return this.edgesFor(fromType, toType, false)?.get(fromId) ?? [];
  }

  clear(): void {
    this.pairs.clear();
  }

  /** Number of one-way edges, for figures and tests. */
  count(): number {
    let total = 0;
    for (const byFrom of this.pairs.values()) for (const edges of byFrom.values()) total += edges.length;
    return total;
  }
}
