/**
 * Stored-row fixtures for portfolio tests. `createRow(overrides)` gives one company as HubSpot
 * returns it (every value a string or null); `explanationJson(parts)` builds a `kam_explanation`
 * document that passes the full schema. Use the factories; tests state only what they care about.
 */
import type { Explanation } from '../../hubspot/explanation-schema';
import type { PortfolioRow } from '../portfolio-row';

export type RowOverrides = Partial<Record<string, string | null>> & { id?: string };

export function explanationJson(parts: Partial<Explanation> = {}): string {
  const explanation: Explanation = {
    v: 1,
    modelVersion: 'test-1',
    scoredAt: '2026-03-01T00:00:00.000Z',
    factors: { attractiveness: [], strength: [] },
    dataGaps: [],
    dataIssueCount: 0,
    attractivenessLevel: 'medium',
    strengthLevel: 'medium',
    risk: { level: 'none', lossStage: 0, signals: [] },
    recommendations: [],
    revenueByYear: [],
    ...parts,
  };
  return JSON.stringify(explanation);
}

let sequence = 0;

export function createRow(overrides: RowOverrides = {}): PortfolioRow {
  sequence += 1;
  const { id, ...properties } = overrides;
  return {
    id: id ?? String(1000 + sequence),
    properties: {
      name: `Company ${id ?? 1000 + sequence}`,
      kam_score: '50',
      kam_attractiveness: '50',
      kam_strength: '50',
      kam_tier: 'regular',
      kam_tier_previous: null,
      kam_tier_changed_at: null,
      kam_tier_direction: null,
      kam_quadrant: 'opportunistic',
      kam_strategy: 'protect_ties',
      kam_pareto_class: 'C',
      kam_risk_level: 'none',
      kam_loss_stage: '0',
      kam_risk_reasons: null,
      kam_won_revenue_12m: '1000',
      kam_growth: '0',
      kam_loss_reason: null,
      kam_annual_cost_to_serve: null,
      kam_explanation: explanationJson(),
      ...properties,
    },
  };
}

/** A key account with a yearly history, the shape the declining analysis looks at. */
export function keyAccountRow(
  id: string,
  revenueByYear: Record<number, number>,
  overrides: RowOverrides = {},
): PortfolioRow {
  return createRow({
    id,
    kam_tier: 'key',
    kam_quadrant: 'key_account',
    kam_pareto_class: 'A',
    kam_score: '80',
    kam_explanation: explanationJson({
      attractivenessLevel: 'strong',
      strengthLevel: 'strong',
      revenueByYear: Object.entries(revenueByYear).map(([year, amount]) => ({ year: Number(year), amount })),
    }),
    ...overrides,
  });
}
