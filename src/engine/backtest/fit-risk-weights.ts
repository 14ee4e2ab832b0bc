/**
 * The fit behind `kam calibrate` (issue #17): a logistic regression of decline on the warning
 * signs' strengths, with every weight held at 0 or above (the methodology fixes each sign's
 * direction: a warning sign can only raise risk) and an L2 penalty that pulls weights towards 0
 * so a sign seen on few accounts cannot take a large weight. Cyclic coordinate Newton steps,
 * projected onto weight ≥ 0: deterministic for the same examples, no random start.
 */
export type FitInput = {
  /** One row per example: the strength 0–1 of each sign. */
  strengths: readonly Float64Array[];
  declined: readonly boolean[];
  /** L2 penalty per weight, in units of examples (λ · Σ w²/2 against the log-likelihood). */
  penalty: number;
  /** Signs whose weight is not fitted (kept at the value given); e.g. a sign never seen in the history. */
  fixed?: ReadonlyMap<number, number>;
  sweeps?: number;
};

export type FitResult = { intercept: number; weights: Float64Array; logLoss: number };

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

export function fitMonotoneLogistic(input: FitInput): FitResult {
  const rows = input.strengths;
  const n = rows.length;
  const k = n === 0 ? 0 : rows[0]!.length;
  const weights = new Float64Array(k);
  for (const [index, value] of input.fixed ?? []) weights[index] = value;
  const positives = input.declined.filter(Boolean).length;
  const prior = Math.min(Math.max(positives / Math.max(n, 1), 1e-4), 1 - 1e-4);
  let intercept = Math.log(prior / (1 - prior));
  const z = new Float64Array(n);
  const recompute = () => {
    for (let i = 0; i < n; i++) {
      let sum = intercept;
      const row = rows[i]!;
      for (let j = 0; j < k; j++) sum += weights[j]! * row[j]!;
      z[i] = sum;
    }
  };
  recompute();
  const sweeps = input.sweeps ?? 60;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let moved = 0;
    // intercept: unpenalised
    {
      let gradient = 0;
      let hessian = 1e-9;
      for (let i = 0; i < n; i++) {
        const p = logistic(z[i]!);
        gradient += p - (input.declined[i] ? 1 : 0);
        hessian += p * (1 - p);
      }
      const step = gradient / hessian;
      intercept -= step;
      for (let i = 0; i < n; i++) z[i] = z[i]! - step;
      moved = Math.max(moved, Math.abs(step));
    }
    for (let j = 0; j < k; j++) {
      if (input.fixed?.has(j)) continue;
      let gradient = input.penalty * weights[j]!;
      let hessian = input.penalty + 1e-9;
      for (let i = 0; i < n; i++) {
        const x = rows[i]![j]!;
        if (x === 0) continue;
        const p = logistic(z[i]!);
        gradient += (p - (input.declined[i] ? 1 : 0)) * x;
        hessian += p * (1 - p) * x * x;
      }
      const next = Math.max(0, weights[j]! - gradient / hessian);
      const delta = next - weights[j]!;
      if (delta !== 0) {
        weights[j] = next;
        for (let i = 0; i < n; i++) z[i] = z[i]! + delta * rows[i]![j]!;
      }
      moved = Math.max(moved, Math.abs(delta));
    }
    if (moved < 1e-6) break;
  }
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(logistic(z[i]!), 1e-12), 1 - 1e-12);
    logLoss -= input.declined[i] ? Math.log(p) : Math.log(1 - p);
  }
  return { intercept, weights, logLoss: n === 0 ? 0 : logLoss / n };
}
