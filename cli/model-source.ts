/** Which scoring model a CLI run uses: `--model file`, else the portal's active stored model, else the shipped defaults. */
import { readFileSync } from 'node:fs';
import { isKeystoneError, KeystoneError } from '../src/engine/errors';
import { createModelStore, resolveScoringModel } from '../src/engine/settings/model-store';
import type { CrmGateway } from '../src/engine/hubspot/gateway';
import { DEFAULT_SCORING_MODEL, validateModel, type ScoringModel } from '../src/engine/settings';
import type { CliIo } from './output';

export function readModelFile(path: string): ScoringModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new KeystoneError(
      'settings.unreadable',
      `cannot read model file ${path}: ${(error as Error).message}`,
    );
  }
  const result = validateModel(json);
  if (!result.ok) {
    throw new KeystoneError(
      'settings.invalid',
      `model file ${path} is invalid:\n${result.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
      { issues: result.issues },
    );
  }
  return result.value;
}

/** The model a run scores with, and a line saying where it came from (printed unless --json). */
export async function loadModelForCli(
  io: CliIo,
  gateway: CrmGateway,
  file: string | undefined,
  options: { quiet?: boolean } = {},
): Promise<ScoringModel> {
  const say = (line: string) => {
    if (!options.quiet) io.err(line);
  };
  if (file) {
    const model = readModelFile(file);
    say(`scoring model: ${model.version} from ${file}`);
    return model;
  }
  try {
    const resolved = await resolveScoringModel(createModelStore({ gateway }));
    say(
      resolved.source === 'stored'
        ? `scoring model: ${resolved.model.version} (active version saved ${resolved.stored.savedAt} by ${resolved.stored.savedBy.email || resolved.stored.savedBy.userId})`
        : `scoring model: ${resolved.model.version} (shipped defaults; no model saved in the portal)`,
    );
    return resolved.model;
  } catch (error) {
    // A portal without custom objects, or a token without the custom-object scope, still scores.
    if (isKeystoneError(error) && (error.code === 'auth.forbidden' || error.code === 'hubspot.not_found')) {
      say(
        `scoring model: ${DEFAULT_SCORING_MODEL.version} (shipped defaults; the stored model is not readable: ${error.message})`,
      );
      return DEFAULT_SCORING_MODEL;
    }
    throw error;
  }
}
