/** Which scoring model a CLI run uses: `--model file`, else the portal's active stored model, else the shipped defaults. */
import { isKeystoneError } from '../src/engine/errors';
import { createModelStore, resolveScoringModel } from '../src/engine/settings/model-store';
import type { CrmGateway } from '../src/engine/hubspot/gateway';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '../src/engine/settings';
import { readModelFile } from './input-files';
import type { CliIo } from './output';

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
