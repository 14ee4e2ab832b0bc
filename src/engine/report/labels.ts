/**
 * Human labels for stored option values, taken from the `kam_*` property catalogue so the report
 * says exactly what HubSpot's property options say.
 */
import { KAM_PROPERTIES } from '../hubspot/kam-properties';

const LABELS = new Map<string, string>(
  KAM_PROPERTIES.flatMap((property) =>
    (property.options ?? []).map((option) => [`${property.name}:${option.value}`, option.label] as const),
  ),
);

/** The option label of a `kam_*` enumeration value; the value itself when the catalogue has none. */
export function optionLabel(property: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return LABELS.get(`${property}:${value}`) ?? value;
}

/** `kam_plan_status` comes with account plans (issue #21); until its options are in the catalogue, these. */
const PLAN_STATUS_FALLBACK: Readonly<Record<string, string>> = {
  none: 'No plan',
  current: 'Current',
  review_due: 'Review due',
  overdue: 'Review overdue',
};

export function planStatusLabel(status: string): string {
  return LABELS.get(`kam_plan_status:${status}`) ?? PLAN_STATUS_FALLBACK[status] ?? status;
}
