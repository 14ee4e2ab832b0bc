/** What the get/save/rollback model functions do with the model store, shaped for the settings page. */
import { KeystoneError } from '../../../engine/errors';
import {
  validateModel,
  type ScoringModel,
  resolveScoringModel,
  type ModelStore,
  type ModelVersion as StoredVersion,
  type StoredModel,
} from '../../../engine/settings';
import type { ActingUser } from '../contract/common';
import type { GetModelResult, ModelVersion } from '../contract/settings';

const toWire = (version: StoredVersion | StoredModel): ModelVersion => ({
  versionId: version.versionId,
  version: version.version,
  savedAt: version.savedAt,
  savedBy: version.savedBy,
  note: version.note,
  isActive: version.isActive,
  isValid: 'isValid' in version ? version.isValid : true,
});

export async function getModel(
  store: ModelStore,
  historyLimit: number,
): Promise<Omit<Extract<GetModelResult, { ok: true }>, 'ok'>> {
  const history = await store.history(historyLimit);
  const problems = history
    .filter((version) => !version.isValid)
    .map((version) => ({ versionId: version.versionId, issues: version.issues }));
  // A corrupt active version stops scoring; the page still opens, from the defaults, so an
  // admin can save a valid model or roll back. The version is listed in `problems`.
  const resolved = await resolveScoringModel(store, 'edit');
  const invalid = resolved.source === 'default' ? resolved.invalidActive : undefined;
  const known = invalid === undefined || problems.some((problem) => problem.versionId === invalid.versionId);
  return {
    active: {
      model: resolved.model,
      source: resolved.source,
      version: resolved.stored ? toWire(resolved.stored) : null,
    },
    history: history.map(toWire),
    problems: known ? problems : [...problems, invalid],
  };
}

/**
 * The model to compare a draft with: the one every path scores with now, or the defaults while the
 * active stored version is invalid (scoring is stopped then, and the page starts from the defaults).
 */
export async function baselineModel(store: ModelStore): Promise<ScoringModel> {
  return (await resolveScoringModel(store, 'edit')).model;
}

export async function saveModel(
  store: ModelStore,
  request: { model: unknown; note: string; actingUser: ActingUser },
): Promise<{ version: ModelVersion }> {
  const validated = validateModel(request.model);
  if (!validated.ok) {
    throw new KeystoneError(
      'settings.invalid',
      `the scoring model fails validation at ${validated.issues.map((issue) => issue.path).join(', ')}; nothing was saved`,
      { issues: validated.issues },
    );
  }
  const saved = await store.save(validated.value, {
    userId: request.actingUser.userId,
    userEmail: request.actingUser.email,
    note: request.note,
  });
  return { version: toWire(saved) };
}

export async function rollbackModel(
  store: ModelStore,
  request: { versionId: string; actingUser: ActingUser },
): Promise<{ version: ModelVersion }> {
  const restored = await store.rollback(request.versionId, {
    userId: request.actingUser.userId,
    userEmail: request.actingUser.email,
  });
  return { version: toWire(restored) };
}
