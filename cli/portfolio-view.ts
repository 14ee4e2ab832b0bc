/** The demo's and `kam sync`'s portfolio printout: counts, key accounts, at-risk keys, tier changes. */
import { KAISM_QUADRANTS, TIERS } from '../src/engine/core';
import type { ScoredCompany, TierChange } from '../src/engine/sync';

const pad = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

export function formatPortfolio(scored: readonly ScoredCompany[]): string {
  const lines: string[] = [];
  const count = (pick: (c: ScoredCompany) => string, value: string) =>
    scored.filter((c) => pick(c) === value).length;
  lines.push(`Portfolio: ${scored.length} companies`);
  lines.push(`  tiers:     ${TIERS.map((t) => `${t} ${count((c) => c.tier, t)}`).join(' · ')}`);
  lines.push(`  quadrants: ${KAISM_QUADRANTS.map((q) => `${q} ${count((c) => c.quadrant, q)}`).join(' · ')}`);
  const keys = scored.filter((c) => c.tier === 'key').sort((a, b) => b.score - a.score);
  lines.push('');
  lines.push(`Key accounts (${keys.length}):`);
  lines.push(`  ${pad('company', 30)} ${'score'.padStart(5)}  ${pad('strategy', 25)} top recommendation`);
  for (const company of keys.slice(0, 15)) {
    lines.push(
      `  ${pad(company.name, 30)} ${company.score.toFixed(1).padStart(5)}  ${pad(company.strategy, 25)} ${company.topRecommendation ?? '—'}`,
    );
  }
  if (keys.length > 15) lines.push(`  … and ${keys.length - 15} more`);
  const atRisk = keys.filter((c) => c.riskLevel === 'at_risk' || c.riskLevel === 'critical');
  lines.push('');
  lines.push(`Key accounts at risk (${atRisk.length}):`);
  for (const company of atRisk.slice(0, 10)) {
    lines.push(
      `  ${pad(company.name, 30)} ${pad(company.riskLevel, 9)} ${company.riskSignals.slice(0, 3).join('; ')}`,
    );
  }
  if (atRisk.length === 0) lines.push('  none');
  return lines.join('\n');
}

export function formatTierChanges(changes: readonly TierChange[], scored: readonly ScoredCompany[]): string {
  const moved = changes.filter((c) => c.direction !== 'new');
  if (moved.length === 0) return 'Tier changes: none';
  const byId = new Map(scored.map((c) => [c.id, c]));
  const lines = [`Tier changes (${moved.length}) — what HubSpot workflows on kam_tier would see:`];
  for (const change of moved) {
    const company = byId.get(change.id);
    lines.push(
      `  ${change.direction === 'up' ? '▲' : '▼'} ${pad(change.name, 30)} ${change.from} → ${change.to}` +
        (company ? `  (score ${company.score.toFixed(1)}, risk ${company.riskLevel})` : ''),
    );
  }
  return lines.join('\n');
}
