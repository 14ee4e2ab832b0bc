/**
 * The order of HubSpot record ids in every list the analysis sorts: numeric where they are
 * numbers ("9" before "10"), so lists are stable and read naturally.
 *
 * One collator for the process: `a.localeCompare(b, 'en', { numeric: true })` gives the same
 * order but builds a collator on every call, which cost ~0.7 s of sorting at 100k companies
 * (many ties on score and on zero revenue fall through to the id).
 */
const ID_ORDER = new Intl.Collator('en', { numeric: true });

export function compareIds(a: string, b: string): number {
  return ID_ORDER.compare(a, b);
}
