/**
 * Methodology §9 on a generated portfolio: the generator plants declining key accounts (volume
 * down sharply, ticket burst, meetings cancelled) and says which ones in its ground truth. Scored
 * with the core and the shipped model, the analysis must find every one of them, with the data's
 * reasons, the KAM's loss reason and the retain-vs-win-new figures, and must not list the
 * one-off buyers or the growing partners.
 */
import { generatePortfolio } from '../../../emulator/generator';
import { analysePortfolio, parsePortfolioRows, type PortfolioAnalysis } from '../../../src/engine/portfolio';
import { scoredSnapshotRows } from '../../../src/engine/portfolio/scored-snapshot-rows';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const model = DEFAULT_SCORING_MODEL;

describe.each([
  [400, 7],
  [1_000, 21],
])('a generated portfolio of %i companies (seed %i)', (companies, seed) => {
  const { snapshot, groundTruth } = generatePortfolio({ companies, seed, now: NOW });
  const archetypeOf = (id: string) => groundTruth.archetypes[id];
  const inputsOf = new Map(snapshot.companies.map((company) => [company.id, company.properties]));
  let analysis: PortfolioAnalysis;

  beforeAll(() => {
    const { rows } = scoredSnapshotRows(snapshot.companies, model, NOW);
    const result = analysePortfolio(parsePortfolioRows(rows), NOW, {
      declineThreshold: model.risk.volumeDeclineShare,
      keyVolumeShare: model.pareto.a,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    analysis = result.value;
  });

  test('every planted declining key account is listed, with the data’s reasons and the KAM’s loss reason', () => {
    const planted = Object.keys(groundTruth.archetypes).filter(
      (id) => archetypeOf(id) === 'declining_key_account',
    );
    expect(planted.length).toBeGreaterThan(0);
    const listed = new Map(analysis.declining.accounts.map((account) => [account.id, account]));
    for (const id of planted) {
      const account = listed.get(id);
      expect({ id, listed: account !== undefined }).toEqual({ id, listed: true });
      if (!account) continue;
      expect(account.change).toBeLessThanOrEqual(-model.risk.volumeDeclineShare);
      expect(account.dataReasons.length).toBeGreaterThan(0);
      expect(account.lossReason).toBe(inputsOf.get(id)?.kam_loss_reason ?? null);
      if (inputsOf.get(id)?.kam_annual_cost_to_serve) {
        expect(account.economics.retainCost).toBe(Number(inputsOf.get(id)?.kam_annual_cost_to_serve));
        expect(account.economics.cheaper).not.toBeNull();
      }
    }
  });

  test('lists only real, sharp declines and never a one-off buyer or a growing partner', () => {
    for (const account of analysis.declining.accounts) {
      expect(account.change).toBeLessThanOrEqual(-model.risk.volumeDeclineShare);
      expect(['one_off_buyer', 'strategic_partner', 'growing_newcomer']).not.toContain(
        archetypeOf(account.id),
      );
    }
    expect(analysis.declining.stoppedCount + analysis.declining.declinedCount).toBe(
      analysis.declining.accounts.length,
    );
  });

  test('shows the key group’s yearly volume over the complete years with data (§9 step 1: 3–4 years)', () => {
    const { years, keyGroupSize, keyGroupByReason } = analysis.declining;
    expect(years.length).toBeGreaterThanOrEqual(3);
    expect(years.length).toBeLessThanOrEqual(4);
    expect(years.at(-1)?.year).toBe(2025);
    for (const year of years) expect(year.revenue).toBeGreaterThan(0);
    expect(keyGroupByReason.tier).toBe(analysis.totals.byTier.key);
    expect(keyGroupSize).toBeGreaterThanOrEqual(analysis.totals.byTier.key);
  });

  test('the portfolio views add up and hold no NaN', () => {
    const { kaism, strategy, pareto, totals } = analysis;
    const quadrantTotal = Object.values(kaism.counts).reduce((sum, count) => sum + count, 0);
    expect(quadrantTotal + kaism.unplaced).toBe(totals.companies);
    expect(strategy.cells.reduce((sum, cell) => sum + cell.count, 0) + strategy.unplaced).toBe(
      totals.companies,
    );
    expect(totals.companies).toBe(companies);
    // the generator's revenue is long-tailed: the top 20% hold most of it (issue 3: 60–85%)
    expect(pareto.top20PercentRevenueShare).toBeGreaterThan(0.55);
    expect(JSON.stringify(analysis)).not.toMatch(/NaN|Infinity/);
  });
});
