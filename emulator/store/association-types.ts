/**
 * HubSpot-defined association types between the standard objects, with HubSpot's real type ids
 * (developers.hubspot.com/docs/guides/api/crm/associations/associations-v4, "Association type ID
 * values", cross-checked against the `AssociationTypes` enum shipped in @hubspot/api-client 14).
 * Types are directional: each entry names its inverse so writing one side writes both.
 * "Unlabeled" entries are the defaults that `associations/default` creates; "Primary" entries
 * are HubSpot's built-in labelled types.
 */

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationTypeDefinition {
  typeId: number;
  category: AssociationCategory;
  fromObjectTypeId: string;
  toObjectTypeId: string;
  /** null for the unlabeled default, as HubSpot returns it. */
  label: string | null;
  inverseTypeId: number;
  /** The default (unlabeled) type for this direction. */
  isDefault: boolean;
  /** The v3 `type` string HubSpot shows in `associations` of a v3 read (`company_to_deal_unlabeled`). */
  v3Name: string;
}

const CONTACT = '0-1';
const COMPANY = '0-2';
const DEAL = '0-3';
const TICKET = '0-5';
const TASK = '0-27';
const NOTE = '0-46';
const MEETING = '0-47';

const SINGULAR: Record<string, string> = {
  [CONTACT]: 'contact',
  [COMPANY]: 'company',
  [DEAL]: 'deal',
  [TICKET]: 'ticket',
  [TASK]: 'task',
  [NOTE]: 'note',
  [MEETING]: 'meeting_event',
};

/** [from, to, typeId, inverseTypeId, label] — one row per pair of directions. */
type Row = [string, string, number, number, string | null];

const ROWS: Row[] = [
  // Company ↔ contact: unlabeled 280/279, primary 2/1.
  [COMPANY, CONTACT, 280, 279, null],
  [COMPANY, CONTACT, 2, 1, 'Primary'],
  // Company ↔ deal: unlabeled 342/341, primary 6/5.
  [COMPANY, DEAL, 342, 341, null],
  [COMPANY, DEAL, 6, 5, 'Primary'],
  // Company ↔ ticket: unlabeled 340/339, primary 25/26.
  [COMPANY, TICKET, 340, 339, null],
  [COMPANY, TICKET, 25, 26, 'Primary'],
  // Company ↔ activities.
  [COMPANY, MEETING, 187, 188, null],
  [COMPANY, TASK, 191, 192, null],
  [COMPANY, NOTE, 189, 190, null],
  // Company ↔ company (unlabeled; parent/child labels 13/14 are left out).
  [COMPANY, COMPANY, 450, 450, null],
  // Contact ↔ others.
  [CONTACT, DEAL, 4, 3, null],
  [CONTACT, TICKET, 15, 16, null],
  [CONTACT, MEETING, 199, 200, null],
  [CONTACT, TASK, 203, 204, null],
  [CONTACT, NOTE, 201, 202, null],
  [CONTACT, CONTACT, 449, 449, null],
  // Deal ↔ others.
  [DEAL, TICKET, 27, 28, null],
  [DEAL, MEETING, 211, 212, null],
  [DEAL, TASK, 215, 216, null],
  [DEAL, NOTE, 213, 214, null],
  [DEAL, DEAL, 451, 451, null],
  // Ticket ↔ activities.
  [TICKET, MEETING, 225, 226, null],
  [TICKET, TASK, 229, 230, null],
  [TICKET, NOTE, 227, 228, null],
  [TICKET, TICKET, 452, 452, null],
];

function v3Name(from: string, to: string, label: string | null, hasPrimary: boolean): string {
  const base = `${SINGULAR[from] ?? from}_to_${SINGULAR[to] ?? to}`;
  // HubSpot names the primary type plainly and suffixes the unlabeled one when both exist.
  return label === null && hasPrimary ? `${base}_unlabeled` : base;
}

/** Every HubSpot-defined type, both directions. */
export function standardAssociationTypes(): AssociationTypeDefinition[] {
  const pairsWithPrimary = new Set(ROWS.filter((row) => row[4] !== null).map((row) => `${row[0]}>${row[1]}`));
  const types: AssociationTypeDefinition[] = [];
  for (const [from, to, typeId, inverseTypeId, label] of ROWS) {
    const hasPrimary = pairsWithPrimary.has(`${from}>${to}`);
    types.push({
      typeId,
      category: 'HUBSPOT_DEFINED',
      fromObjectTypeId: from,
      toObjectTypeId: to,
      label,
      inverseTypeId,
      isDefault: label === null,
      v3Name: v3Name(from, to, label, hasPrimary),
    });
    if (from !== to) {
      types.push({
        typeId: inverseTypeId,
        category: 'HUBSPOT_DEFINED',
        fromObjectTypeId: to,
        toObjectTypeId: from,
        label,
        inverseTypeId: typeId,
        isDefault: label === null,
        v3Name: v3Name(to, from, label, hasPrimary),
      });
    }
  }
  return types;
}

/** Association type definitions by id and by direction. */
export class AssociationTypeRegistry {
  private readonly byId = new Map<number, AssociationTypeDefinition>();
  private readonly byPair = new Map<string, AssociationTypeDefinition[]>();
  private nextCustomTypeId = 1000;

  constructor(types: AssociationTypeDefinition[] = standardAssociationTypes()) {
    for (const type of types) this.add(type);
  }

  add(type: AssociationTypeDefinition): void {
    // Same-type pairs (company↔company) share one id for both directions: register once.
    if (!this.byId.has(type.typeId)) this.byId.set(type.typeId, type);
    const key = `${type.fromObjectTypeId}>${type.toObjectTypeId}`;
    const list = this.byPair.get(key) ?? [];
    if (!list.some((existing) => existing.typeId === type.typeId)) list.push(type);
    this.byPair.set(key, list);
  }

  get(typeId: number): AssociationTypeDefinition | undefined {
    return this.byId.get(typeId);
  }

  /** The type with this id in this direction (ids are unique per direction, except same-type pairs). */
  find(
    fromObjectTypeId: string,
    toObjectTypeId: string,
    typeId: number,
  ): AssociationTypeDefinition | undefined {
    return this.between(fromObjectTypeId, toObjectTypeId).find((type) => type.typeId === typeId);
  }

  between(fromObjectTypeId: string, toObjectTypeId: string): AssociationTypeDefinition[] {
    return this.byPair.get(`${fromObjectTypeId}>${toObjectTypeId}`) ?? [];
  }

  defaultType(fromObjectTypeId: string, toObjectTypeId: string): AssociationTypeDefinition | undefined {
    return this.between(fromObjectTypeId, toObjectTypeId).find((type) => type.isDefault);
  }

  /** Defines the default pair of types between a custom object and another type (schema `associatedObjects`). */
  defineCustomPair(fromObjectTypeId: string, fromName: string, toObjectTypeId: string, toName: string): void {
    if (this.defaultType(fromObjectTypeId, toObjectTypeId)) return;
    const forward = this.nextCustomTypeId++;
    const inverse = this.nextCustomTypeId++;
    const make = (
      from: string,
      fromLabel: string,
      to: string,
      toLabel: string,
      typeId: number,
      inv: number,
    ) => ({
      typeId,
      // Custom-object association definitions are portal-specific, so HubSpot reports them as USER_DEFINED.
      category: 'USER_DEFINED' as const,
      fromObjectTypeId: from,
      toObjectTypeId: to,
      label: null,
      inverseTypeId: inv,
      isDefault: true,
      v3Name: `${fromLabel}_to_${toLabel}`,
    });
    this.add(make(fromObjectTypeId, fromName, toObjectTypeId, toName, forward, inverse));
    this.add(make(toObjectTypeId, toName, fromObjectTypeId, fromName, inverse, forward));
  }
}
