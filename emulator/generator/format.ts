/** HubSpot's string forms of numbers and booleans. */

/** A number property as HubSpot returns it: plain decimal, at most two decimals, no grouping. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A price as a person would enter it: whole units, rounded to tens above 1,000. */
export function roundPrice(value: number): number {
  return Math.abs(value) >= 1000 ? Math.round(value / 10) * 10 : Math.max(1, Math.round(value));
}

/** Three significant digits, as firmographic data providers round revenue and head count. */
export function roundSignificant(value: number, digits = 3): number {
  if (value <= 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Math.round(value / scale) * scale;
}

export function formatBoolean(value: boolean): 'true' | 'false' {
  return value ? 'true' : 'false';
}
