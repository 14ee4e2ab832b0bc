/**
 * Which scoring model a CLI run uses, under the one model policy (src/engine/settings/model-policy.ts):
 * `--model file` as given, else the portal's active stored model, else the shipped defaults.
 */
import { type CrmGateway, customObjectModelStores } from '../src/engine/hubspot';
import { resolveScoringModel, type ScoringModel } from '../src/engine/settings';
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
  const resolved = await resolveScoringModel(
    customObjectModelStores.open({ gateway, now: () => new Date() }),
  );
  say(
    resolved.source === 'stored'
      ? `scoring model: ${resolved.model.version} (active version saved ${resolved.stored.savedAt} by ${resolved.stored.savedBy.email || resolved.stored.savedBy.userId})`
      : `scoring model: ${resolved.model.version} (shipped defaults; no model saved in the portal)`,
  );
  return resolved.model;
}
