/**
 * The emulated portal's data: records per object type, property definitions and groups, custom
 * object schemas, associations and owners, all in memory. Writes validate like HubSpot and keep
 * property history; snapshot loading bypasses validation for speed (see snapshot-loader.ts).
 */
import { AssociationStore } from './association-store';
import { standardCalculators, type Calculator } from './calculated-properties';
import { AssociationTypeRegistry } from './association-types';
import { ObjectTypeRegistry, type ObjectTypeDescriptor } from './object-types';
import { SEEDED_OWNERS, type Owner } from './owners';
import type { PropertyDefinition, PropertyGroup, PropertyOption } from './property-types';
import { missingRequired, normaliseProperties, type RawPropertyValue } from './property-values';
import { STANDARD_PROPERTIES } from './standard-properties';
import { propertyValidationError, unknownObjectTypeError } from '../http/errors';

export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
}

export interface CrmObject {
  id: string;
  /** Only properties that hold a value; HubSpot returns null for requested ones that don't. */
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** Oldest first; created on the first API write (a loaded snapshot value has none yet). */
  history?: Map<string, HistoryEntry[]>;
}

export interface ObjectTable {
  objects: Map<string, CrmObject>;
  /** Insertion order, for stable list paging. */
  order: string[];
}

export interface CustomSchema {
  id: string;
  objectTypeId: string;
  name: string;
  fullyQualifiedName: string;
  labels: { singular: string; plural: string };
  description?: string;
  primaryDisplayProperty: string;
  requiredProperties: string[];
  searchableProperties: string[];
  secondaryDisplayProperties: string[];
  associatedObjectTypeIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** Engagement types whose create requires `hs_timestamp` (developers.hubspot.com/docs/guides/api/crm/engagements/*). */
const ENGAGEMENTS_REQUIRING_TIMESTAMP = new Set(['tasks', 'notes', 'meetings']);

/** HubSpot's sourceType for values written through the API by an app. */
const API_SOURCE = 'INTEGRATION';
/** HubSpot's sourceType for values it calculates itself. */
const CALCULATED_SOURCE = 'CALCULATED';
/** What a value loaded from a snapshot reports as its source in property history. */
const SNAPSHOT_SOURCE = 'IMPORT';

export interface CrmStoreOptions {
  portalId: number;
  now?: () => number;
  /** How long a write takes to reach the search index, in ms (HubSpot: seconds; default 0). */
  searchLagMs?: number;
}

/** A record whose latest writes the search index has not seen yet. */
interface IndexLag {
  /** What search sees now; null: not in the index (created, or archived, within the lag). */
  indexed: Record<string, string> | null;
  /** Later states, oldest first, each visible to search from `visibleAt`. */
  pending: { visibleAt: number; properties: Record<string, string> | null }[];
}

export class CrmStore {
  readonly portalId: number;
  readonly types = new ObjectTypeRegistry();
  readonly associationTypes = new AssociationTypeRegistry();
  readonly associations = new AssociationStore();
  readonly owners: readonly Owner[] = SEEDED_OWNERS;
  readonly schemas: CustomSchema[] = [];
  private readonly tables = new Map<string, ObjectTable>();
  private readonly properties = new Map<string, Map<string, PropertyDefinition>>();
  private readonly groups = new Map<string, Map<string, PropertyGroup>>();
  private readonly calculators = standardCalculators();
  private readonly now: () => number;
  private readonly searchLagMs: number;
  private readonly lagging = new Map<CrmObject, IndexLag>();
  private nextObjectId = 1;
  private nextCustomTypeNumber = 1;

  constructor(options: CrmStoreOptions) {
    this.portalId = options.portalId;
    this.now = options.now ?? Date.now;
    this.searchLagMs = Math.max(0, options.searchLagMs ?? 0);
    for (const type of this.types.list()) this.initialiseType(type);
  }

  private initialiseType(type: ObjectTypeDescriptor): void {
    this.tables.set(type.objectTypeId, { objects: new Map(), order: [] });
    const createdAt = this.now();
    const group: PropertyGroup = { ...type.defaultGroup, displayOrder: -1, archived: false };
    this.groups.set(type.objectTypeId, new Map([[group.name, group]]));
    const definitions = new Map<string, PropertyDefinition>();
    const ownerOptions: PropertyOption[] = this.owners.map((owner, index) => ({
      label: `${owner.firstName} ${owner.lastName}`,
      value: owner.id,
      displayOrder: index,
      hidden: false,
    }));
    for (const standard of STANDARD_PROPERTIES[type.name] ?? []) {
      const { name } = standard;
      definitions.set(name, {
        name,
        label: standard.label,
        type: standard.type,
        fieldType: standard.fieldType,
        groupName: group.name,
        description: '',
        options: standard.hasOwnerOptions
          ? ownerOptions
          : standard.options.map((option, index) => ({
              label: option.label,
              value: option.value,
              displayOrder: index,
              hidden: false,
            })),
        displayOrder: -1,
        hidden: false,
        formField: !standard.readOnlyValue,
        hasUniqueValue: standard.hasUniqueValue,
        calculated: standard.calculated,
        externalOptions: standard.hasOwnerOptions,
        hubspotDefined: true,
        readOnlyValue: standard.readOnlyValue,
        createdAt,
        updatedAt: createdAt,
        archived: false,
      });
    }
    this.properties.set(type.objectTypeId, definitions);
  }

  nowMs(): number {
    return this.now();
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** The type a path segment names, or HubSpot's 400 "Unable to infer object type from". */
  resolveType(spelling: string): ObjectTypeDescriptor {
    const type = this.types.find(spelling);
    if (!type) throw unknownObjectTypeError(spelling);
    return type;
  }

  table(type: ObjectTypeDescriptor): ObjectTable {
    return this.tables.get(type.objectTypeId)!;
  }

  propertyDefinitions(type: ObjectTypeDescriptor): Map<string, PropertyDefinition> {
    return this.properties.get(type.objectTypeId)!;
  }

  propertyGroups(type: ObjectTypeDescriptor): Map<string, PropertyGroup> {
    return this.groups.get(type.objectTypeId)!;
  }

  /** A fresh numeric id, above every id loaded so far (HubSpot ids are numeric strings). */
  allocateId(): string {
    return String(this.nextObjectId++);
  }

  /** Keeps API-allocated ids clear of ids that came from a snapshot. */
  reserveId(id: string): void {
    const numeric = Number(id);
    if (Number.isSafeInteger(numeric) && numeric >= this.nextObjectId) this.nextObjectId = numeric + 1;
  }

  getObject(type: ObjectTypeDescriptor, id: string): CrmObject | undefined {
    return this.table(type).objects.get(id);
  }

  /** Live (not archived) record, or undefined. */
  getLive(type: ObjectTypeDescriptor, id: string): CrmObject | undefined {
    const object = this.getObject(type, id);
    return object && !object.archived ? object : undefined;
  }

  /** Finds a record by a unique property (`idProperty` in HubSpot's reads and updates). */
  findByProperty(type: ObjectTypeDescriptor, property: string, value: string): CrmObject | undefined {
    if (property === 'hs_object_id') return this.getLive(type, value);
    for (const object of this.table(type).objects.values()) {
      if (!object.archived && object.properties[property] === value) return object;
    }
    return undefined;
  }

  /**
   * Validates a write against the type's definitions; throws HubSpot's 400 on any failure. A
   * create must also set the type's required properties (`requiredOnCreate`).
   */
  validate(
    type: ObjectTypeDescriptor,
    input: Record<string, RawPropertyValue>,
    mode: 'create' | 'update' = 'update',
  ): Record<string, string> {
    const result = normaliseProperties(this.propertyDefinitions(type), input);
    const failures = result.ok ? [] : [...result.failures];
    if (mode === 'create') {
      const given = result.ok ? result.values : input;
      const missing = missingRequired(this.requiredOnCreate(type), given as Record<string, string>);
      failures.push(...missing.filter((failure) => !failures.some((other) => other.name === failure.name)));
    }
    if (failures.length > 0 || !result.ok) throw propertyValidationError(failures);
    return result.values;
  }

  /**
   * Properties a create must set: `hs_timestamp` on tasks, notes and meetings (HubSpot's
   * engagement guides mark it required) and a custom object schema's `requiredProperties`.
   */
  requiredOnCreate(type: ObjectTypeDescriptor): readonly string[] {
    if (ENGAGEMENTS_REQUIRING_TIMESTAMP.has(type.name)) return ['hs_timestamp'];
    return this.schemas.find((schema) => schema.objectTypeId === type.objectTypeId)?.requiredProperties ?? [];
  }

  /** The calculated properties of a type, if HubSpot computes any that the emulator knows. */
  calculatorFor(type: ObjectTypeDescriptor): Calculator | undefined {
    return this.calculators.get(type.name);
  }

  /** The portal's company currency (HubSpot: Settings → Account defaults → Currency). */
  setHomeCurrency(code: string): void {
    for (const calculator of this.calculators.values()) calculator.setHomeCurrency(code);
  }

  /** Creates a record from already-validated values. */
  insert(type: ObjectTypeDescriptor, values: Record<string, string>, id = this.allocateId()): CrmObject {
    const nowMs = this.now();
    const nowIso = new Date(nowMs).toISOString();
    const createdAt = values[type.createdProperty] || nowIso;
    const object: CrmObject = {
      id,
      properties: {},
      createdAt,
      updatedAt: nowIso,
      archived: false,
      history: new Map(),
    };
    this.writeValues(type, object, values, nowMs, API_SOURCE);
    object.properties[type.createdProperty] = createdAt;
    object.properties[type.lastModifiedProperty] = nowIso;
    const table = this.table(type);
    table.objects.set(id, object);
    table.order.push(id);
    this.queueForIndex(object, null, nowMs);
    return object;
  }

  /** Applies validated values; records history only for values that changed. Returns whether anything did. */
  applyUpdate(type: ObjectTypeDescriptor, object: CrmObject, values: Record<string, string>): boolean {
    const nowMs = this.now();
    const before = this.searchLagMs > 0 && !this.lagging.has(object) ? { ...object.properties } : null;
    const changed = this.writeValues(type, object, values, nowMs, API_SOURCE);
    if (changed) {
      const nowIso = new Date(nowMs).toISOString();
      object.updatedAt = nowIso;
      object.properties[type.lastModifiedProperty] = nowIso;
      this.queueForIndex(object, before, nowMs);
    }
    return changed;
  }

  /**
   * With a search lag, a write reaches search `searchLagMs` later: until then search sees the
   * record as it was (`before`; null for a record it has never seen).
   */
  private queueForIndex(object: CrmObject, before: Record<string, string> | null, nowMs: number): void {
    if (this.searchLagMs <= 0) return;
    let lag = this.lagging.get(object);
    if (!lag) {
      lag = { indexed: before, pending: [] };
      this.lagging.set(object, lag);
    }
    lag.pending.push({
      visibleAt: nowMs + this.searchLagMs,
      properties: object.archived ? null : { ...object.properties },
    });
  }

  /** The record as the search index has it now, or null when search can't see it yet (or any more). */
  searchView(object: CrmObject): CrmObject | null {
    const lag = this.lagging.size > 0 ? this.lagging.get(object) : undefined;
    if (!lag) return object.archived ? null : object;
    const nowMs = this.now();
    while (lag.pending.length > 0 && lag.pending[0]!.visibleAt <= nowMs) {
      lag.indexed = lag.pending.shift()!.properties;
    }
    if (lag.pending.length === 0) {
      this.lagging.delete(object);
      return object.archived ? null : object;
    }
    return lag.indexed === null ? null : { ...object, properties: lag.indexed };
  }

  /** Writes values, then the calculated properties they imply. */
  private writeValues(
    type: ObjectTypeDescriptor,
    object: CrmObject,
    values: Record<string, string>,
    nowMs: number,
    sourceType: string,
  ): boolean {
    let changed = false;
    for (const [name, value] of Object.entries(values)) {
      if (this.setValue(object, name, value, nowMs, sourceType)) changed = true;
    }
    const calculator = this.calculatorFor(type);
    if (changed && calculator) {
      for (const [name, value] of Object.entries(calculator.derive(object.properties))) {
        this.setValue(object, name, value, nowMs, CALCULATED_SOURCE);
      }
    }
    return changed;
  }

  private setValue(
    object: CrmObject,
    name: string,
    value: string,
    nowMs: number,
    sourceType: string,
  ): boolean {
    const previous = object.properties[name];
    if ((previous ?? '') === value) return false;
    const history = (object.history ??= new Map());
    let entries = history.get(name);
    if (!entries) {
      entries = previous === undefined ? [] : [this.snapshotEntry(object, previous)];
      history.set(name, entries);
    }
    entries.push({ value, timestamp: nowMs, sourceType });
    if (value === '') delete object.properties[name];
    else object.properties[name] = value;
    return true;
  }

  archive(object: CrmObject): void {
    if (object.archived) return;
    const before = this.searchLagMs > 0 && !this.lagging.has(object) ? { ...object.properties } : null;
    object.archived = true;
    object.archivedAt = this.nowIso();
    this.queueForIndex(object, before, this.now());
  }

  private snapshotEntry(object: CrmObject, value: string): HistoryEntry {
    const timestamp = Date.parse(object.updatedAt);
    return { value, timestamp: Number.isNaN(timestamp) ? 0 : timestamp, sourceType: SNAPSHOT_SOURCE };
  }

  /** Newest first, as HubSpot returns `propertiesWithHistory`. */
  historyOf(object: CrmObject, name: string): HistoryEntry[] {
    const entries = object.history?.get(name);
    if (entries) return [...entries].reverse();
    const value = object.properties[name];
    return value === undefined ? [] : [this.snapshotEntry(object, value)];
  }

  /** Defines a custom object type and its default associations (schemas API). */
  defineCustomType(input: {
    name: string;
    labels: { singular: string; plural: string };
    description?: string;
    primaryDisplayProperty: string;
    requiredProperties: string[];
    searchableProperties: string[];
    secondaryDisplayProperties: string[];
    associatedObjectTypeIds: string[];
    descriptor: (objectTypeId: string, fullyQualifiedName: string) => ObjectTypeDescriptor;
  }): { schema: CustomSchema; type: ObjectTypeDescriptor } {
    const number = this.nextCustomTypeNumber++;
    const objectTypeId = `2-${number}`;
    const fullyQualifiedName = `p${this.portalId}_${input.name}`;
    const type = input.descriptor(objectTypeId, fullyQualifiedName);
    this.types.add(type);
    this.initialiseType(type);
    const createdAt = this.now();
    const definitions = this.propertyDefinitions(type);
    for (const name of [type.createdProperty, type.lastModifiedProperty, 'hs_object_id']) {
      definitions.set(name, {
        name,
        label: name,
        type: name === 'hs_object_id' ? 'number' : 'datetime',
        fieldType: name === 'hs_object_id' ? 'number' : 'date',
        groupName: type.defaultGroup.name,
        description: '',
        options: [],
        displayOrder: -1,
        hidden: false,
        formField: false,
        hasUniqueValue: false,
        calculated: false,
        externalOptions: false,
        hubspotDefined: true,
        readOnlyValue: true,
        createdAt,
        updatedAt: createdAt,
        archived: false,
      });
    }
    for (const other of input.associatedObjectTypeIds) {
      const otherType = this.types.find(other)!;
      this.associationTypes.defineCustomPair(
        objectTypeId,
        type.name,
        otherType.objectTypeId,
        otherType.singular,
      );
    }
    const nowIso = new Date(createdAt).toISOString();
    const schema: CustomSchema = {
      id: String(100 + number),
      objectTypeId,
      name: input.name,
      fullyQualifiedName,
      labels: input.labels,
      ...(input.description === undefined ? {} : { description: input.description }),
      primaryDisplayProperty: input.primaryDisplayProperty,
      requiredProperties: input.requiredProperties,
      searchableProperties: input.searchableProperties,
      secondaryDisplayProperties: input.secondaryDisplayProperties,
      associatedObjectTypeIds: input.associatedObjectTypeIds.map(
        (other) => this.types.find(other)!.objectTypeId,
      ),
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    this.schemas.push(schema);
    return { schema, type };
  }
}
