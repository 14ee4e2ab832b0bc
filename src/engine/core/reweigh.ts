/**
 * A model's effect on companies already scored, without rescoring them: each company's stored
 * factor values (0–100, as its breakdown keeps them) are weighed with the model's weights, its
 * axes combined with the model's axis weights, its tier classified with the model's thresholds and
 * hysteresis from its stored tier, its quadrant with the model's KAISM cut and dead band, and the
 * tiers capped over the sample as a whole run caps them over the portfolio. Every step is the
 * scoring code itself (axis-score, score-company, tier, level-dead-band, tier-capacity), so with
 * the factor values a rescore computes the result is that rescore's. What changes the factor
 * values themselves (scales, inputs, windows) shows only after a rescore.
 */
import { reweighAxis, type WeighedFactor } from './axis-score';
import type { KaismQuadrant, Tier } from './enums';
import { kaismQuadrantWithDeadBand } from './level-dead-band';
import { overallScoreOf } from './score-company';
import { classifyTier } from './tier';
import { tierLinesOf, tierWithinLines } from './tier-capacity';
import type { ScoringModel } from '../settings/model-schema';

/** What a rescore left on one company that re-weighing needs. */
export type ScoredCompany = {
  companyId: string;
  factors: { attractiveness: readonly WeighedFactor[]; strength: readonly WeighedFactor[] };
  /** The tier the thresholds gave last time (hysteresis starts from it). */
  storedTier: Tier;
  storedQuadrant: KaismQuadrant | null;
  /** A manager's pin in force now; it keeps its tier whatever the model. */
  pinnedTier: Tier | null;
};

export type Reclassified = {
  attractiveness: number | null;
  strength: number | null;
  score: number;
  /** By thresholds and hysteresis alone, before tier capacity. */
  tier: Tier;
  quadrant: KaismQuadrant;
};

/**
 * One company under `model`, by thresholds (tier capacity is a portfolio step: `tiersWithinSample`).
 * @example reclassify(company.factors, { tier: 'key', quadrant: null }, draftModel)
 */
export function reclassify(
  factors: ScoredCompany['factors'],
  stored: { tier: Tier | null; quadrant: KaismQuadrant | null },
  model: ScoringModel,
): Reclassified {
  const attractiveness = reweighAxis(factors.attractiveness, model.weights.attractiveness);
  const strength = reweighAxis(factors.strength, model.weights.strength);
  const score = overallScoreOf(attractiveness, strength, model.axisWeights);
  return {
    attractiveness,
    strength,
    score,
    tier: classifyTier(score, stored.tier, model.tiers),
    // the quadrant holds within the model's dead band, as a rescore holds it
    quadrant: kaismQuadrantWithDeadBand(
      attractiveness ?? 0,
      strength ?? 0,
      model.kaismCut,
      stored.quadrant,
      model.levelHysteresis,
    ),
  };
}

/**
 * Tier capacity over a sample, as a whole run applies it over the portfolio: a sample of a larger
 * portfolio (`portfolioSize` companies) gets its share of the count places (at least one each);
 * the share places scale by themselves. A pin in force keeps its tier.
 */
export function tiersWithinSample(
  companies: readonly (Reclassified & {
    companyId: string;
    storedTier: Tier | null;
    pinnedTier: Tier | null;
  })[],
  model: ScoringModel,
  portfolioSize: number,
): Tier[] {
  const scale = portfolioSize > companies.length ? companies.length / portfolioSize : 1;
  const scaledCount = (maxCount: number): number => Math.max(1, Math.round(maxCount * scale));
  const tiers = {
    ...model.tiers,
    capacity: {
      key: { ...model.tiers.capacity.key, maxCount: scaledCount(model.tiers.capacity.key.maxCount) },
      important: {
        ...model.tiers.capacity.important,
        maxCount: scaledCount(model.tiers.capacity.important.maxCount),
      },
    },
  };
  const entries = companies.map((company) => ({
    companyId: company.companyId,
    score: company.score,
    previousTier: company.storedTier,
    thresholdTier: company.tier,
    pinnedTier: company.pinnedTier,
  }));
  const result = tierLinesOf(entries, tiers);
  const lines = { key: result.key.line, important: result.important.line };
  return entries.map((entry) => entry.pinnedTier ?? tierWithinLines(entry, lines, tiers.hysteresis));
}

export type Transition<T extends string> = { from: T; to: T; count: number };

export type ModelComparison = {
  compared: number;
  tierChanges: number;
  quadrantChanges: number;
  /** Most frequent first, then by `from`. */
  tierTransitions: Transition<Tier>[];
  quadrantTransitions: Transition<KaismQuadrant>[];
};

function countTransitions<T extends string>(pairs: readonly { from: T; to: T }[]): Transition<T>[] {
  const counts = new Map<string, Transition<T>>();
  for (const { from, to } of pairs) {
    const key = `${from}->${to}`;
    const entry = counts.get(key) ?? { from, to, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from));
}

/**
 * How many of the sampled companies land in another tier or quadrant under `draft` than under
 * `active`, both re-weighed from the same stored values (so `active` against itself counts nothing).
 */
export function compareModels(
  companies: readonly ScoredCompany[],
  active: ScoringModel,
  draft: ScoringModel,
  portfolioSize: number,
): ModelComparison {
  const under = (model: ScoringModel) =>
    companies.map((company) => ({
      ...company,
      ...reclassify(company.factors, { tier: company.storedTier, quadrant: company.storedQuadrant }, model),
    }));
  const before = under(active);
  const after = under(draft);
  const tiersBefore = tiersWithinSample(before, active, portfolioSize);
  const tiersAfter = tiersWithinSample(after, draft, portfolioSize);
  const tierChanges: { from: Tier; to: Tier }[] = [];
  const quadrantChanges: { from: KaismQuadrant; to: KaismQuadrant }[] = [];
  for (let index = 0; index < companies.length; index += 1) {
    const tier = { from: tiersBefore[index]!, to: tiersAfter[index]! };
    if (tier.to !== tier.from) tierChanges.push(tier);
    const quadrant = { from: before[index]!.quadrant, to: after[index]!.quadrant };
    if (quadrant.to !== quadrant.from) quadrantChanges.push(quadrant);
  }
  return {
    compared: companies.length,
    tierChanges: tierChanges.length,
    quadrantChanges: quadrantChanges.length,
    tierTransitions: countTransitions(tierChanges),
    quadrantTransitions: countTransitions(quadrantChanges),
  };
}
