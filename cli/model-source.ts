/** Which scoring model a CLI run uses: `--model file`, else the portal's active stored model, else the shipped defaults. */
import { readFileSync } from 'node:fs';
import { KeystoneError } from '../src/engine/errors';
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

export async function loadModelForCli(
  _io: CliIo,
  _gateway: CrmGateway,
  file: string | undefined,
): Promise<ScoringModel> {
  if (file) return readModelFile(file);
  return DEFAULT_SCORING_MODEL;
}
