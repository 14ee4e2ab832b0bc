/**
 * The scoring-model store of a portal without custom objects (below Enterprise), for `kam serve
 * --model-store file` (docs/decisions/0002-model-storage.md): one JSON document under serve's
 * state directory holding every saved version, versioned exactly as the custom object is
 * (`v<n>` labels, append-only history, one active version, a rollback saves a copy).
 *
 * A save is validated completely before anything is written, and the new document replaces the
 * old one by rename (write a temporary file, flush it, rename over), so a reader sees the old
 * history or the new one, never half of a save. Saves in one process are serialised; `kam serve`
 * is the only writer (one serve per portal, as its run journal already requires).
 *
 * Every read is validated: a version whose model no longer passes the schema is listed with its
 * field paths and never used; a document that is not a store at all stops every operation with
 * `settings.store_unavailable`, never a silent fall-back to the defaults.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ValidationIssue } from '../core/validation';
import { KeystoneError } from '../errors';
import type { ModelStoreFactory } from '../hubspot/model-store';
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

/** The store's file under serve's state directory. */
export const MODEL_STORE_FILE = 'scoring-models.json';

const FORMAT = 'keystone-scoring-models';

const versionEntrySchema = z.object({
  versionId: z.string().regex(/^\d+$/),
  version: z.string(),
  savedAt: z.string(),
  savedBy: z.object({ userId: z.string(), email: z.string() }),
  note: z.string(),
  isActive: z.boolean(),
  /** The model as saved; validated again on every read. */
  model: z.unknown(),
});
type VersionEntry = z.infer<typeof versionEntrySchema>;

const documentSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  versions: z.array(versionEntrySchema),
});
type StoreDocument = z.infer<typeof documentSchema>;

const newestFirst = (a: VersionEntry, b: VersionEntry): number =>
  Date.parse(b.savedAt) - Date.parse(a.savedAt) || Number(b.versionId) - Number(a.versionId);

function readVersion(entry: VersionEntry): { version: ModelVersion; model: ScoringModel | null } {
  const result = validateModel(entry.model);
  const issues: ValidationIssue[] = result.ok ? [] : result.issues;
  const { model: _model, ...fields } = entry;
  return {
    model: result.ok ? result.value : null,
    version: { ...fields, isValid: issues.length === 0, issues },
  };
}

// one chain of saves per file within this process
const saving = new Map<string, Promise<unknown>>();

/** The store kept in `file`; the directory is created on the first save. */
export function createFileModelStore(file: string, now: () => Date = () => new Date()): ModelStore {
  const unavailable = (reason: string, cause?: unknown): KeystoneError =>
    new KeystoneError(
      STORE_UNAVAILABLE,
      `the scoring-model store ${file} ${reason}; restore it from a backup or move it aside (Keystone then starts from its default model)`,
      { file },
      { cause },
    );

  async function load(): Promise<StoreDocument> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { format: FORMAT, formatVersion: 1, versions: [] };
      throw unavailable(`cannot be read (${(error as Error).message})`, error);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw unavailable('is not valid JSON', error);
    }
    const parsed = documentSchema.safeParse(json);
    if (!parsed.success)
      throw unavailable(
        `is not a Keystone model store (${parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
          .join('; ')})`,
      );
    return parsed.data;
  }

  /** Replaces the document at once: a temporary file, flushed, renamed over the old one. */
  async function write(document: StoreDocument): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async function saveNow(model: ScoringModel, meta: SaveMeta): Promise<StoredModel> {
    const document = await load();
    const label = nextVersionLabel(document.versions.map((entry) => entry.version));
    const toSave = modelToSave(model, label);
    const versionId = String(
      document.versions.reduce((max, entry) => Math.max(max, Number(entry.versionId)), 0) + 1,
    );
    const entry: VersionEntry = {
      versionId,
      version: label,
      savedAt: now().toISOString(),
      savedBy: { userId: meta.userId, email: meta.userEmail },
      note: meta.note,
      isActive: true,
      model: toSave,
    };
    await write({
      ...document,
      versions: [...document.versions.map((older) => ({ ...older, isActive: false })), entry],
    });
    return toStoredModel(readVersion(entry).version, toSave);
  }

  function save(model: ScoringModel, meta: SaveMeta): Promise<StoredModel> {
    const previous = saving.get(file) ?? Promise.resolve();
    const next = previous.then(
      () => saveNow(model, meta),
      () => saveNow(model, meta),
    );
    saving.set(
      file,
      next.catch(() => undefined),
    );
    return next;
  }

  return {
    async getActive() {
      const active = (await load()).versions.filter((entry) => entry.isActive).sort(newestFirst)[0];
      if (!active) return null;
      const { version, model } = readVersion(active);
      return activeModelOf(version, model, `version ${version.versionId}`);
    },

    save,

    async history(limit) {
      const newest = (await load()).versions.sort(newestFirst).slice(0, historyLength(limit));
      return newest.map((entry) => readVersion(entry).version);
    },

    async rollback(versionId, by) {
      const entry = (await load()).versions.find((candidate) => candidate.versionId === versionId);
      if (!entry) throw versionNotFound(versionId);
      const { version, model } = readVersion(entry);
      return save(restorableModelOf(version, model, `version ${versionId}`), {
        ...by,
        note: rollbackNote(version),
      });
    },
  };
}

/** `kam serve --model-store file`: every request and run opens the same file; nothing to install in the portal. */
export function fileModelStores(file: string): ModelStoreFactory {
  return {
    kind: 'file',
    open: ({ now }) => createFileModelStore(file, now),
    install: () => Promise.resolve(null),
  };
}
