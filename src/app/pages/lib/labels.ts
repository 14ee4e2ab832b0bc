/**
 * Labels of the stored option values, as HubSpot shows them: read from the `kam_*` property
 * catalogue (`@keystone/shared`), so the page and the property options say the same thing.
 */
import {
  KAISM_QUADRANTS,
  KAM_PROPERTIES,
  ORGANISATION_GAPS,
  PLAN_STATUSES,
  RISK_LEVELS,
  STRATEGIES,
  SUPPLIER_POSITIONS,
  TIERS,
  type AxisLevel,
  type KaismQuadrant,
  type OrganisationGapId,
  type PlanStatus,
  type RiskLevel,
  type Strategy,
  type SupplierPosition,
  type Tier,
} from '@keystone/shared';

/** Each value's label in the property's HubSpot options; the value itself if the catalogue has none. */
function optionLabels<Value extends string>(
  property: string,
  values: readonly Value[],
): Record<Value, string> {
  const options = KAM_PROPERTIES.find((candidate) => candidate.name === property)?.options ?? [];
  const labelOf = (value: Value) => options.find((option) => option.value === value)?.label ?? value;
  return Object.fromEntries(values.map((value) => [value, labelOf(value)])) as Record<Value, string>;
}

export const TIER_LABELS: Record<Tier, string> = optionLabels('kam_tier', TIERS);

export const QUADRANT_LABELS: Record<KaismQuadrant, string> = optionLabels('kam_quadrant', KAISM_QUADRANTS);

export const STRATEGY_LABELS: Record<Strategy, string> = optionLabels('kam_strategy', STRATEGIES);

export const POSITION_LABELS: Record<SupplierPosition, string> = optionLabels(
  'kam_supplier_position',
  SUPPLIER_POSITIONS,
);

export const GAP_LABELS: Record<OrganisationGapId, string> = optionLabels(
  'kam_buying_centre_gaps',
  ORGANISATION_GAPS,
);

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = optionLabels('kam_plan_status', PLAN_STATUSES);

export const RISK_LABELS: Record<RiskLevel, string> = optionLabels('kam_risk_level', RISK_LEVELS);

export const LEVEL_LABELS: Record<AxisLevel, string> = { weak: 'Weak', medium: 'Medium', strong: 'Strong' };

export const tierLabel = (tier: Tier | null): string => (tier === null ? '—' : TIER_LABELS[tier]);
