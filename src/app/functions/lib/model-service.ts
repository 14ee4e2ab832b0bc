/** What the get/save/rollback model functions do with the model store, shaped for the settings page. */
import { isKeystoneError, KeystoneError } from '../../../engine/errors';
import type { CrmGateway } from '../../../engine/hubspot/gateway';
import { DEFAULT_SCORING_MODEL, validateModel, type ScoringModel } from '../../../engine/settings';
import {
  createModelStore,
  resolveScoringModel,
  type ModelVersion as StoredVersion,
  type StoredModel,
} from '../../../engine/settings/model-store';
import type { ActingUser } from '../contract/common';
import type { GetModelResult, ModelVersion } from '../contract/settings';

type Services = { gateway: CrmGateway; now: () => Date };

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
  { gateway, now }: Services,
  historyLimit: number,
): Promise<Omit<Extract<GetModelResult, { ok: true }>, 'ok'>> {
  const store = createModelStore({ gateway, now });
  const history = await store.history(historyLimit);
  const problems = history
    .filter((version) => !version.isValid)
    .map((version) => ({ versionId: version.versionId, issues: version.issues }));
  try {
    const resolved = await resolveScoringModel(store);
    return {
      active: {
        model: resolved.model,
        source: resolved.source,
        version: resolved.stored ? toWire(resolved.stored) : null,
      },
      history: history.map(toWire),
      problems,
    };
  } catch (error) {
    // A corrupt active version stops scoring; the page still opens, from the defaults, so an
    // admin can save a valid model or roll back. The version is listed in `problems`.
    if (!isKeystoneError(error) || error.code !== 'settings.stored_model_invalid') throw error;
    const versionId = String(error.details.versionId);
    const known = problems.some((problem) => problem.versionId === versionId);
    const issues = Array.isArray(error.details.issues)
      ? (error.details.issues as { path: string; message: string }[])
      : [];
    return {
      active: { model: DEFAULT_SCORING_MODEL, source: 'default', version: null },
      history: history.map(toWire),
      problems: known ? problems : [...problems, { versionId, issues }],
    };
  }
}

/**
 * The model to compare a draft with: the one every path scores with now, or the defaults while the
 * active stored version is invalid (scoring is stopped then, and the page starts from the defaults).
 */
export async function baselineModel({ gateway, now }: Services): Promise<ScoringModel> {
  try {
    return (await resolveScoringModel(createModelStore({ gateway, now }))).model;
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'settings.stored_model_invalid')
      return DEFAULT_SCORING_MODEL;
    throw error;
  }
}

export async function saveModel(
  { gateway, now }: Services,
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
  const saved = await createModelStore({ gateway, now }).save(validated.value, {
    userId: request.actingUser.userId,
    userEmail: request.actingUser.email,
    note: request.note,
  });
  return { version: toWire(saved) };
}

export async function rollbackModel(
  { gateway, now }: Services,
  request: { versionId: string; actingUser: ActingUser },
): Promise<{ version: ModelVersion }> {
  const restored = await createModelStore({ gateway, now }).rollback(request.versionId, {
    userId: request.actingUser.userId,
    userEmail: request.actingUser.email,
  });
  return { version: toWire(restored) };
}
