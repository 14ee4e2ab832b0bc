/**
 * Does the graded risk score see decline coming? (issue #17). For generated portfolios with a
 * latent health (emulator/generator/latent-health.ts) and for the archetype portfolio, prints at
 * one as-of date (a year before the data ends, 12-month horizon, decline = a cut of more than
 * half): the risk score's decline AUC, the two one-line baselines, the best single warning sign
 * and, where the cause is known, the oracle's limit; the same for accounts with under two years
 * of history.
 *
 *   npm run bench:risk [-- --companies 2000 --seeds 1,2,3]
 */
import {
  generateLatentCompanies,
  oracleRiskAt,
  type LatentHealth,
} from '../emulator/generator/latent-health';
import { generatePortfolio } from '../emulator/generator';
import { riskAucsOf, type RiskAucs } from '../src/engine/backtest/risk-figures';
import { riskExamplesAt, type RiskExample } from '../src/engine/backtest/risk-examples';
import { addMonths } from '../src/engine/backtest/horizon';
import type { CompanyRecord } from '../src/engine/core/snapshot';
import { DEFAULT_SCORING_MODEL } from '../src/engine/settings';

const NOW = new Date('2026-06-30T00:00:00.000Z');
const AS_OF = addMonths(NOW, -12);

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const f = (value: number | null) => (value === null ? '  n/a' : value.toFixed(3));

function line(label: string, aucs: RiskAucs): string {
  const best = aucs.bestSingleSign;
  return [
    label.padEnd(34),
    `${String(aucs.examples).padStart(5)} (${String(aucs.declined).padStart(4)} declined)`,
    `score ${f(aucs.riskScore)}`,
    `days-since ${f(aucs.daysSinceLastPurchase)}`,
    `3m-vs-3m ${f(aucs.lastQuarterAgainstQuarterBefore)}`,
    `best sign ${f(best?.auc ?? null)} (${best?.id ?? '-'})`,
    `oracle ${f(aucs.oracle)}`,
  ].join('  ');
}

function report(label: string, companies: CompanyRecord[], latent: Map<string, LatentHealth> | null): void {
  const examples = riskExamplesAt({
    companies,
    asOf: AS_OF,
    horizonMonths: 12,
    declineShare: 0.5,
    model: DEFAULT_SCORING_MODEL,
  });
  const oracle = latent
    ? (example: RiskExample) => oracleRiskAt(latent.get(example.companyId)!, AS_OF.getTime(), 12)
    : undefined;
  const settings = DEFAULT_SCORING_MODEL.riskScore;
  console.log(line(label, riskAucsOf(examples, settings, oracle)));
  const young = examples.filter((example) => example.yearsOfHistory < 2);
  console.log(line(`${label}, under 2 years`, riskAucsOf(young, settings, oracle)));
}

const companiesCount = Number(flag('companies', '2000'));
const seeds = flag('seeds', '1,2,3').split(',').map(Number);
console.log(`as of ${AS_OF.toISOString().slice(0, 10)}, horizon 12 months, decline = cut of more than 50%`);
for (const seed of seeds) {
  const latent = new Map<string, LatentHealth>();
  const companies: CompanyRecord[] = [];
  for (const generated of generateLatentCompanies({ companies: companiesCount, seed, now: NOW })) {
    companies.push(generated.company as CompanyRecord);
    latent.set(generated.company.id, generated.latent);
  }
  report(`latent health, seed ${seed}, ${companiesCount}`, companies, latent);
}
if (process.argv.includes('--archetypes')) {
  const { snapshot } = generatePortfolio({ companies: companiesCount, seed: 42, now: NOW });
  report(`archetypes, seed 42, ${companiesCount}`, snapshot.companies as CompanyRecord[], null);
}
