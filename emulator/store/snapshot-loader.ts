/**
 * Fills the store from a portfolio snapshot (`{schemaVersion: 1, companies: [{id, properties,
 * deals, tickets, meetings, contacts}]}`, the format `kam generate` writes). The emulator defines
 * its own schema of that shape instead of importing the engine's: it plays HubSpot and must not
 * share the app's assumptions. Records keep their ids; a deal or contact listed under two
 * companies becomes one record with two associations. Values are stored as given (a portal's
 * existing data), and the portal's definitions are widened to fit them: unknown properties are
 * defined as implicit strings, unseen enumeration values become options.
 */
import { z } from 'zod';
import type { Calculator } from './calculated-properties';
import type { CrmObject, CrmStore, ObjectTable } from './crm-store';
import type { ObjectTypeDescriptor } from './object-types';
import type { PropertyDefinition } from './property-types';

const recordSchema = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable()),
});

export const snapshotSchema = z.object({
  schemaVersion: z.literal(1),
  takenAt: z.string().optional(),
  homeCurrency: z.string().length(3).optional(),
  companies: z.array(
    recordSchema.extend({
      deals: z.array(recordSchema).default([]),
      tickets: z.array(recordSchema).default([]),
      meetings: z.array(recordSchema).default([]),
      contacts: z.array(recordSchema).default([]),
    }),
  ),
});
export type EmulatorSnapshot = z.input<typeof snapshotSchema>;
type SnapshotRecord = z.infer<typeof recordSchema>;

/** The object types a snapshot nests under each company, by their key in the snapshot. */
const CHILD_KINDS = ['deals', 'tickets', 'meetings', 'contacts'] as const;

export interface LoadOptions {
  /**
   * The caller hands the snapshot over: the store keeps (and later mutates) its property objects
   * instead of copying them. Only for snapshots nobody reads afterwards, such as generator chunks.
   */
  adopt?: boolean;
}

export interface LoadSummary {
  companies: number;
  records: number;
  associations: number;
  implicitProperties: string[];
}

const EPOCH_PATTERN = /^-?\d+$/;
const DASH = 45;

/** Snapshot dates are ISO already (HubSpot's format) unless written as epoch milliseconds. */
function toIso(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.charCodeAt(4) === DASH) return value;
  return EPOCH_PATTERN.test(value) ? new Date(Number(value)).toISOString() : value;
}

class TypeLoader {
  readonly unknown = new Set<string>();
  readonly enumValues = new Map<PropertyDefinition, Set<string>>();
  private readonly definitions: Map<string, PropertyDefinition>;
  private readonly table: ObjectTable;
  private readonly calculator: Calculator | undefined;

  constructor(
    private readonly store: CrmStore,
    readonly type: ObjectTypeDescriptor,
    private readonly loadedAt: string,
    private readonly adopt: boolean,
  ) {
    this.definitions = store.propertyDefinitions(type);
    this.table = store.table(type);
    this.calculator = store.calculatorFor(type);
  }

  /** Inserts the record unless its id is already there; returns whether it was new. */
  insert(record: SnapshotRecord): boolean {
    const table = this.table;
    if (table.objects.has(record.id)) return false;
    // Unless the caller handed the snapshot over, a shallow copy (fast in V8) keeps later API
    // writes out of the caller's objects; adopting saves ~20% of a 100k-company fill.
    const properties = (this.adopt ? record.properties : { ...record.properties }) as Record<string, string>;
    for (const name in properties) {
      const value = properties[name];
      if (value === null || value === undefined) {
        delete properties[name];
        continue;
      }
      const definition = this.definitions.get(name);
      if (!definition) this.unknown.add(name);
      else if (definition.type === 'enumeration') this.noteEnumValue(definition, value);
    }
    this.calculator?.learn(properties);
    const { createdProperty, lastModifiedProperty } = this.type;
    const createdAt = toIso(properties[createdProperty] ?? properties.createdate, this.loadedAt);
    const updatedAt = toIso(properties[lastModifiedProperty], createdAt);
    properties[createdProperty] ??= createdAt;
    properties[lastModifiedProperty] ??= updatedAt;
    const object: CrmObject = { id: record.id, properties, createdAt, updatedAt, archived: false };
    table.objects.set(record.id, object);
    table.order.push(record.id);
    this.store.reserveId(record.id);
    return true;
  }

  private noteEnumValue(definition: PropertyDefinition, value: string): void {
    let seen = this.enumValues.get(definition);
    if (!seen) {
      seen = new Set(definition.options.map((option) => option.value));
      this.enumValues.set(definition, seen);
    }
    if (seen.has(value)) return;
    const parts = definition.fieldType === 'checkbox' ? value.split(';') : [value];
    for (const part of parts) {
      if (seen.has(part)) continue;
      seen.add(part);
      definition.options.push({
        label: part,
        value: part,
        displayOrder: definition.options.length,
        hidden: false,
      });
    }
  }

  /** Defines the properties the snapshot used without a definition. */
  defineUnknown(nowMs: number): string[] {
    const names = [...this.unknown].sort();
    for (const name of names) {
      this.definitions.set(name, {
        name,
        label: name,
        type: 'string',
        fieldType: 'text',
        groupName: this.type.defaultGroup.name,
        description: 'Defined by the emulator because a loaded snapshot used it.',
        options: [],
        displayOrder: -1,
        hidden: false,
        formField: true,
        hasUniqueValue: false,
        calculated: false,
        externalOptions: false,
        hubspotDefined: false,
        readOnlyValue: false,
        createdAt: nowMs,
        updatedAt: nowMs,
        archived: false,
        isImplicit: true,
      });
    }
    return names.map((name) => `${this.type.name}.${name}`);
  }
}

/**
 * Loads a snapshot that is already typed (an in-process caller such as the generator): only the
 * envelope is checked, because zod-parsing 1.5 million records would dominate the fill time.
 */
export function loadSnapshotIntoStore(
  store: CrmStore,
  snapshot: EmulatorSnapshot,
  options: LoadOptions = {},
): LoadSummary {
  if (snapshot.schemaVersion !== 1 || !Array.isArray(snapshot.companies)) {
    throw new TypeError('snapshot: expected {schemaVersion: 1, companies: [...]}');
  }
  const loadedAt = store.nowIso();
  if (snapshot.homeCurrency) store.setHomeCurrency(snapshot.homeCurrency);
  const companies = new TypeLoader(store, store.resolveType('companies'), loadedAt, options.adopt ?? false);
  const children = CHILD_KINDS.map((kind) => {
    const loader = new TypeLoader(store, store.resolveType(kind), loadedAt, options.adopt ?? false);
    const association = store.associationTypes.defaultType(
      companies.type.objectTypeId,
      loader.type.objectTypeId,
    )!;
    const associate = store.associations.bulkAssociator(
      companies.type.objectTypeId,
      loader.type.objectTypeId,
      association.typeId,
      association.inverseTypeId,
    );
    return { kind, loader, associate };
  });
  let records = 0;
  let associations = 0;
  for (const company of snapshot.companies) {
    if (companies.insert(company)) records++;
    for (const { kind, loader, associate } of children) {
      const list = company[kind];
      if (!list) continue;
      for (const record of list) {
        if (loader.insert(record)) records++;
        associate(company.id, record.id);
        associations++;
      }
    }
  }
  const nowMs = Date.parse(loadedAt);
  const implicitProperties = [companies, ...children.map((child) => child.loader)].flatMap((loader) =>
    loader.defineUnknown(nowMs),
  );
  return { companies: snapshot.companies.length, records, associations, implicitProperties };
}

/** Parses (zod) and loads JSON from outside (a file, the admin API); a ZodError names the bad field. */
export function loadSnapshot(store: CrmStore, input: unknown): LoadSummary {
  // zod's output is a fresh copy, so the store may keep it.
  return loadSnapshotIntoStore(store, snapshotSchema.parse(input), { adopt: true });
}
