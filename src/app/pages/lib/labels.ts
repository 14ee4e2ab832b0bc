/**
 * Labels of the stored option values, as HubSpot shows them (the `kam_*` property options);
 * `labels.test.ts` keeps them equal to the property catalogue.
 */
import type { AxisLevel, KaismQuadrant, RiskLevel, Tier } from '@keystone/shared';

export const TIER_LABELS: Record<Tier, string> = { key: 'Key', important: 'Important', regular: 'Regular' };

export const QUADRANT_LABELS: Record<KaismQuadrant, string> = {
  key_account: 'Key account',
  key_development: 'Key development',
  maintenance: 'Maintenance',
  opportunistic: 'Opportunistic',
};

export const STRATEGY_LABELS: Record<string, string> = {
  protect_ties: 'Protect ties',
  develop_cooperation: 'Develop cooperation',
  retain_selectively: 'Retain selectively',
  retain_minimal_effort: 'Retain minimal effort',
  protect_ties_selectively: 'Protect ties selectively',
  withdraw: 'Withdraw',
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  none: 'None',
  watch: 'Watch',
  at_risk: 'At risk',
  critical: 'Critical',
};

export const LEVEL_LABELS: Record<AxisLevel, string> = { weak: 'Weak', medium: 'Medium', strong: 'Strong' };

export const tierLabel = (tier: Tier | null): string => (tier === null ? '—' : TIER_LABELS[tier]);
