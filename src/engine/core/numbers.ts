/** Small numeric helpers shared by metrics and scores. */

/** Clamps to the 0–100 scale every factor and axis value lives on (NaN, from 0/0, becomes 0). */
export function toScale(value: number): number {
  return value >= 100 ? 100 : value > 0 ? value : 0;
}

/** Rounds to `digits` decimals (results are rounded once, so what is shown is what was compared). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.round(value * factor) / factor;
  return Number.isFinite(scaled) ? scaled : value;
}
