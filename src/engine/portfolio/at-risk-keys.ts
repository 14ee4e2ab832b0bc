/**
 * methodology §8: key accounts showing signs of the four stages of losing a key client, with the
 * signals that raised their risk level (`kam_risk_reasons` and the explanation's risk signals).
 */
import { RISK_LEVELS, type KaismQuadrant, type RiskLevel } from '../core/enums';
import type { PortfolioCompany } from './portfolio-row';
import { compareIds } from './id-order';

export type AtRiskKey = {
  id: string;
  name: string | null;
  riskLevel: RiskLevel;
  /** §8 stage 0–4, when stored. */
  lossStage: number | null;
  signals: string[];
  quadrant: KaismQuadrant | null;
  score: number | null;
  wonRevenueLast12Months: number | null;
  growth: number | null;
};

export type AtRiskKeys = {
  /** The lowest level listed (`at_risk` by default: `watch` is not yet a risk). */
  minimumLevel: RiskLevel;
  /** Key accounts per risk level, all of them. */
  countsByLevel: Record<RiskLevel, number>;
  /** Worst first, then the largest revenue. */
  accounts: AtRiskKey[];
};

const severity = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);

export function atRiskKeys(
  companies: readonly PortfolioCompany[],
  minimumLevel: RiskLevel = 'at_risk',
): AtRiskKeys {
  const countsByLevel = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as Record<
    RiskLevel,
    number
  >;
  const accounts: AtRiskKey[] = [];
  for (const company of companies) {
    if (company.tier !== 'key' || company.riskLevel === null) continue;
    countsByLevel[company.riskLevel] += 1;
    if (severity(company.riskLevel) < severity(minimumLevel)) continue;
    accounts.push({
      id: company.id,
      name: company.name,
      riskLevel: company.riskLevel,
      lossStage: company.lossStage,
      signals: [...new Set([...company.riskReasons, ...company.riskSignals])],
      quadrant: company.quadrant,
      score: company.score,
      wonRevenueLast12Months: company.wonRevenueLast12Months,
      growth: company.growth,
    });
  }
  accounts.sort(
    (a, b) =>
      severity(b.riskLevel) - severity(a.riskLevel) ||
      (b.wonRevenueLast12Months ?? 0) - (a.wonRevenueLast12Months ?? 0) ||
      compareIds(a.id, b.id),
  );
  return { minimumLevel, countsByLevel, accounts };
}
