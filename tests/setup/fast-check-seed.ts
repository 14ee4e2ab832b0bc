/**
 * Property tests draw from one fixed seed, so `npm test` is deterministic: CI cannot fail on a
 * draw the run before did not make. To explore other draws, run with FC_SEED=<integer>, or
 * FC_SEED=random for a fresh one (fast-check prints the seed of any failure, to replay it).
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20_261_126;
const chosen = process.env.FC_SEED;
if (chosen !== 'random') {
  const seed = chosen === undefined ? DEFAULT_SEED : Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${chosen}`);
  fc.configureGlobal({ seed });
}
