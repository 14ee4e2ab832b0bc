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

/** The label of a `kam_plan_status` value, as HubSpot's option says it. */
export function planStatusLabel(status: string): string {
  return optionLabel('kam_plan_status', status);
}
