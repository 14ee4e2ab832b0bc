/**
 * A model's content in one short string: a journaled sync run records it, so `--resume` can refuse
 * a model edited under the same version label (a `--model` file, say).
 */
import { createHash } from 'node:crypto';
import type { ScoringModel } from './model-schema';

/** sha256 of the model's JSON; the schema fixes the key order, so equal models give equal prints. */
export function modelFingerprint(model: ScoringModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex');
}
