/**
 * Where the scoring model lives: the HubSpot custom object `kam_scoring_model`, one record per
 * saved version (docs/decisions/0002-model-storage.md). History is append-only: a save creates a
 * record and makes it the only active one; a rollback saves a copy of an old version. Every read
 * is validated with the same zod schema as the settings page, so a stored version that no longer
 * passes is reported (with its field paths) and never used.
 *
 * Reads use the list and batch-read APIs, not search: HubSpot's search index lags writes by
 * seconds, and a save must see the version saved just before it.
 *
 * Custom objects need HubSpot Enterprise: on a Professional portal the schemas API answers 403.
 * Reads then find no stored model (scoring uses the shipped defaults) and a save, a rollback or
 * `kam setup` report `settings.store_unavailable`, saying what to do.
 *
 * Write order: the new record is created active first, then the older actives are switched off.
 * If the second step fails, two records are active for a moment and the newest one wins, so a
 * reader never sees "no model" halfway through a save.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../core/validation';
import { KeystoneError, isKeystoneError } from '../errors';
import { validateModel, type ScoringModel } from '../settings/model-schema';
import {
  activeModelOf,
  historyLength,
  modelToSave,
  nextVersionLabel,
  restorableModelOf,
  rollbackNote,
  STORE_UNAVAILABLE,
  toStoredModel,
  versionNotFound,
  type ModelStore,
  type ModelVersion,
  type SaveMeta,
  type StoredModel,
} from '../settings/model-store';
import {
  customObjectProperties,
  ensureCustomObject,
  findCustomObjectTypeId,
  type CustomObjectSpec,
} from './custom-object-schema';
import type { CrmGateway } from './gateway';

export const MODEL_OBJECT_NAME = 'kam_scoring_model';

/** The custom object's properties, created by `ensureModelStoreSchema`. */
export const MODEL_OBJECT_PROPERTIES = [
  { name: 'model_json', label: 'Model (JSON)', type: 'string', fieldType: 'textarea' },
  { name: 'version', label: 'Version', type: 'string', fieldType: 'text' },
  { name: 'saved_by_user_id', label: 'Saved by (user id)', type: 'string', fieldType: 'text' },
  { name: 'saved_by_email', label: 'Saved by (email)', type: 'string', fieldType: 'text' },
  { name: 'saved_at', label: 'Saved at', type: 'datetime', fieldType: 'date' },
  { name: 'note', label: 'Note', type: 'string', fieldType: 'textarea' },
  { name: 'is_active', label: 'Active', type: 'enumeration', fieldType: 'booleancheckbox' },
] as const;
const PROPERTY_NAMES = MODEL_OBJECT_PROPERTIES.map((property) => property.name);
// Enough to find the active version and the next label without moving every model's JSON.
const SUMMARY_PROPERTIES = ['version', 'saved_at', 'is_active'];

// HubSpot textarea limit; a model is a few KB, so this only guards against a runaway schema.
const MAX_MODEL_JSON_CHARS = 65_536;

const recordSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable().optional()),
});
type ModelRecord = z.infer<typeof recordSchema>;

const schemaDefinition = {
  name: MODEL_OBJECT_NAME,
  description: 'Keystone scoring model versions (weights, thresholds, windows); one record per save.',
  labels: { singular: 'Keystone scoring model', plural: 'Keystone scoring models' },
  primaryDisplayProperty: 'version',
  secondaryDisplayProperties: ['saved_by_email'],
  searchableProperties: ['version', 'saved_by_email'],
  requiredProperties: ['version', 'model_json'],
  associatedObjects: [],
  properties: customObjectProperties(MODEL_OBJECT_PROPERTIES),
};

const MODEL_OBJECT: CustomObjectSpec = {
  definition: schemaDefinition,
  unavailable: {
    code: STORE_UNAVAILABLE,
    message:
      'this HubSpot portal refused the custom object schemas API (403): saving scoring models needs custom objects, which come with an Enterprise subscription, and a private app with the crm.schemas.custom.read/write and crm.objects.custom.read/write scopes. Until then Keystone scores with its default model; upgrade the portal or add the scopes, then run kam setup again.',
  },
};

const findObjectTypeId = (gateway: CrmGateway): Promise<string | null> =>
  findCustomObjectTypeId(gateway, MODEL_OBJECT);

/**
 * Creates the `kam_scoring_model` custom object when the portal does not have it (for `kam setup`
 * and the first save); returns its objectTypeId. Needs the `crm.schemas.custom.write` scope.
 */
export function ensureModelStoreSchema(
  gateway: CrmGateway,
): Promise<{ objectTypeId: string; created: boolean }> {
  return ensureCustomObject(gateway, MODEL_OBJECT);
}

function property(record: ModelRecord, name: string): string {
  return record.properties[name] ?? '';
}

function readVersion(record: ModelRecord): { version: ModelVersion; model: ScoringModel | null } {
  let issues: ValidationIssue[];
  let model: ScoringModel | null = null;
  const json = property(record, 'model_json');
  try {
    const result = validateModel(JSON.parse(json));
    issues = result.ok ? [] : result.issues;
    model = result.ok ? result.value : null;
  } catch {
    issues = [{ path: 'model_json', message: 'is not valid JSON' }];
  }
  return {
    model,
    version: {
      versionId: record.id,
      version: property(record, 'version'),
      savedAt: property(record, 'saved_at'),
      savedBy: { userId: property(record, 'saved_by_user_id'), email: property(record, 'saved_by_email') },
      note: property(record, 'note'),
      isActive: property(record, 'is_active') === 'true',
      isValid: issues.length === 0,
      issues,
    },
  };
}

const newestFirst = (a: ModelRecord, b: ModelRecord): number =>
  Date.parse(property(b, 'saved_at')) - Date.parse(property(a, 'saved_at')) || Number(b.id) - Number(a.id);

export type ModelStoreOptions = { gateway: CrmGateway; now?: () => Date };

/** Where model versions live: the custom object (Enterprise) or a versioned JSON file (`kam serve`). */
export const MODEL_STORE_KINDS = ['custom-object', 'file'] as const;
export type ModelStoreKind = (typeof MODEL_STORE_KINDS)[number];

/**
 * The configured model store: opened for one request or run from its gateway and clock, and
 * injected wherever the model policy (settings/model-policy.ts) is used, so one configuration
 * picks the store for saving, reading and scoring alike.
 */
export type ModelStoreFactory = {
  kind: ModelStoreKind;
  open(deps: { gateway: CrmGateway; now: () => Date }): ModelStore;
  /** Creates what the store needs in the portal (self-install); null when it needs nothing there. */
  install(gateway: CrmGateway): Promise<{ objectTypeId: string; created: boolean } | null>;
};

/**
 * The HubSpot-backed store (custom object, Enterprise). The object type id is looked up once per
 * store (one function invocation).
 */
export function createCustomObjectModelStore({
  gateway,
  now = () => new Date(),
}: ModelStoreOptions): ModelStore {
  let objectTypeId: Promise<string | null> | null = null;
  const lookUpType = (): Promise<string | null> => (objectTypeId ??= findObjectTypeId(gateway));
  /** For reads: a portal without custom objects has no stored model, so defaults apply. */
  const lookUpReadableType = async (): Promise<string | null> => {
    try {
      return await lookUpType();
    } catch (error) {
      if (isKeystoneError(error) && error.code === STORE_UNAVAILABLE) return null;
      throw error;
    }
  };
  const requireType = async (): Promise<string> => {
    const known = await lookUpType();
    if (known) return known;
    const ensured = ensureModelStoreSchema(gateway).then((result) => result.objectTypeId);
    objectTypeId = ensured;
    return ensured;
  };

  /** Every version's small fields, through the list API: unlike search, it sees a save at once. */
  async function listSummaries(type: string): Promise<ModelRecord[]> {
    const records: ModelRecord[] = [];
    let after: string | undefined;
    do {
      const page = await gateway.listPage(type, SUMMARY_PROPERTIES, after);
      records.push(...page.results);
      after = page.after;
    } while (after);
    return records.sort(newestFirst);
  }

  async function readRecords(type: string, ids: readonly string[]): Promise<ModelRecord[]> {
    if (ids.length === 0) return [];
    const { records } = await gateway.batchRead(type, ids, PROPERTY_NAMES);
    return records.sort(newestFirst);
  }

  async function save(model: ScoringModel, meta: SaveMeta): Promise<StoredModel> {
    const type = await requireType();
    const summaries = await listSummaries(type);
    const label = nextVersionLabel(summaries.map((record) => property(record, 'version')));
    const toSave = modelToSave(model, label);
    const json = JSON.stringify(toSave);
    if (json.length > MAX_MODEL_JSON_CHARS) {
      throw new KeystoneError(
        'settings.too_large',
        `scoring model ${label} is ${json.length} characters; HubSpot stores at most ${MAX_MODEL_JSON_CHARS}`,
      );
    }
    const previous = summaries.filter((record) => property(record, 'is_active') === 'true');
    const response = await gateway.send(`POST /crm/v3/objects/${MODEL_OBJECT_NAME}`, () =>
      gateway.client.crm.objects.basicApi.createWithHttpInfo(type, {
        properties: {
          model_json: json,
          version: label,
          saved_by_user_id: meta.userId,
          saved_by_email: meta.userEmail,
          saved_at: now().toISOString(),
          note: meta.note,
          is_active: 'true',
        },
        associations: [],
      }),
    );
    const created = recordSchema.parse(response.data);
    const stale = previous.filter((record) => record.id !== created.id);
    if (stale.length > 0) {
      await gateway.send(`POST /crm/v3/objects/${MODEL_OBJECT_NAME}/batch/update`, () =>
        gateway.client.crm.objects.batchApi.updateWithHttpInfo(type, {
          inputs: stale.map((record) => ({ id: record.id, properties: { is_active: 'false' } })),
        }),
      );
    }
    const { version } = readVersion({ ...created, properties: { ...created.properties, model_json: json } });
    return toStoredModel({ ...version, isActive: true }, toSave);
  }

  return {
    async getActive() {
      const type = await lookUpReadableType();
      if (!type) return null;
      // More than one is active only after an interrupted save; the newest wins (see the file comment).
      const newestActive = (await listSummaries(type)).find(
        (record) => property(record, 'is_active') === 'true',
      );
      if (!newestActive) return null;
      const [record] = await readRecords(type, [newestActive.id]);
      if (!record) return null;
      const { version, model } = readVersion(record);
      return activeModelOf(version, model, `record ${version.versionId}`);
    },

    save,

    async history(limit) {
      const type = await lookUpReadableType();
      if (!type) return [];
      const newest = (await listSummaries(type)).slice(0, historyLength(limit));
      const records = await readRecords(
        type,
        newest.map((record) => record.id),
      );
      return records.map((record) => readVersion(record).version);
    },

    async rollback(versionId, by) {
      const type = await lookUpType();
      const [record] = type ? await readRecords(type, [versionId]) : [];
      if (!record) throw versionNotFound(versionId);
      const { version, model } = readVersion(record);
      return save(restorableModelOf(version, model, `record ${versionId}`), {
        ...by,
        note: rollbackNote(version),
      });
    },
  };
}

/** The default store: the custom object, created by self-install and `kam setup`. */
export const customObjectModelStores: ModelStoreFactory = {
  kind: 'custom-object',
  open: (deps) => createCustomObjectModelStore(deps),
  install: (gateway) => ensureModelStoreSchema(gateway),
};
