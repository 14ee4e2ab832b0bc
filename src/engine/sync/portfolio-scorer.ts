/**
 * The bridge from the pure core to a sync run. A whole-portfolio run computes Pareto classes
 * and the revenue reference across the portfolio; a partial run (some ids, a webhook, the card's
 * button) reuses the ones the last full run stored in each company's `kam_explanation`, so a
 * company scores the same whichever path rescored it.
 */
import {
  isRevenueQuantiles,
  NO_TIER_LINES,
  PARETO_CLASSES,
  scoreCompany,
  startPortfolioScoring,
  type CappedTier,
  type CompanyScore,
  type ParetoClass,
  type PortfolioScore,
  type TierCapacityResult,
  type TierLine,
} from '../core';
import type { CompanyRecord } from '../core/snapshot';
import { explanationSchema, type Explanation } from '../hubspot/explanation-schema';
import type { ScoringModel } from '../settings';
import { diffOutputs } from './diff';
import { outputValuesOf, type PortfolioContext } from './output-values';
import type { PortfolioScorer, ScoredCompany } from './sync-run';

type StoredExplanationPortfolio = NonNullable<Explanation['portfolio']>;

/** The portfolio-level inputs a company was last written with (see `explanationOf`). */
export type StoredContext = {
  paretoClass: ParetoClass;
  revenueReference?: number;
  revenueQuantiles: readonly number[] | null;
  tierLines: Readonly<Record<CappedTier, TierLine | null>>;
  tierCapacity: TierCapacityResult | null;
};

/** The Pareto class, revenue quantiles and tier lines a company was last scored with, if any. */
export function storedPortfolioContext(company: CompanyRecord): StoredContext {
  return storedPortfolioContextOf(company.properties);
}

function storedPortfolioContextOf(properties: StoredProperties): StoredContext {
  const raw = properties.kam_explanation;
  let fromExplanation: StoredExplanationPortfolio | undefined;
  if (raw) {
    try {
      fromExplanation = explanationSchema.parse(JSON.parse(raw)).portfolio;
    } catch {
      fromExplanation = undefined; // unreadable document: fall back to the stored class below
    }
  }
  const storedClass = properties.kam_pareto_class;
  const paretoClass =
    fromExplanation?.paretoClass ??
    ((PARETO_CLASSES as readonly string[]).includes(storedClass ?? '') ? (storedClass as ParetoClass) : 'C');
  const quantiles = fromExplanation?.revenueQuantiles;
  const tiers = fromExplanation?.tiers;
  return {
    paretoClass,
    revenueReference: fromExplanation?.revenueReference,
    revenueQuantiles: isRevenueQuantiles(quantiles) ? quantiles : null,
    tierLines: tiers ? { key: tiers.key.line, important: tiers.important.line } : NO_TIER_LINES,
    tierCapacity: tiers ?? null,
  };
}

/** Scores one company on the inputs it was last written with (card, webhook, workflow action, `--company`). */
export function scoreOnStoredContext(
  company: CompanyRecord,
  model: ScoringModel,
  now: Date,
): { score: CompanyScore; context: PortfolioContext } {
  const stored = storedPortfolioContext(company);
  const score = scoreCompany(company, {
    model,
    now,
    paretoClass: stored.paretoClass,
    revenueReference: stored.revenueReference,
    revenueQuantiles: stored.revenueQuantiles,
    tierLines: stored.tierLines,
  });
  return {
    score,
    context: {
      revenueReference: stored.revenueReference ?? model.scales.revenueReferenceFallback,
      revenueQuantiles: stored.revenueQuantiles,
      tierCapacity: stored.tierCapacity,
    },
  };
}

/** The values to store for one result; `tier` is what `kam_tier` will hold (a pin in force, or the computed tier). */
export function toScoredCompany(score: CompanyScore, context: PortfolioContext): ScoredCompany {
  return {
    id: score.companyId,
    name: score.name ?? `Company ${score.companyId}`,
    desired: outputValuesOf(score, context),
    score: score.score,
    tier: score.pinnedTier ?? score.tier,
    previousTier: score.previousTier,
    quadrant: score.kaismQuadrant,
    strategy: score.strategy,
    riskLevel: score.risk.level,
    riskSignals: score.risk.signals.map((s) => s.text.en),
    topRecommendation: score.recommendations[0]?.title.en ?? null,
  };
}

type StoredProperties = Readonly<Record<string, string | null>>;

/** Which inputs a company's stored result comes from (see `keepStoredInputs`). */
const FRESH = 0;
const STORED = 1;
const FRESH_FORCED = 2;

/**
 * A whole-portfolio run fed companies as they come: it keeps what was measured of each and its
 * own properties (for the pin and the diff), so the associated records can go at once. `finish`
 * gives the results turned into what the sync stores one at a time, each let go as it is turned:
 * a caller that keeps less than the output values (a report) never holds 100k explanation
 * documents at once.
 *
 * A company whose result the run would not write keeps the portfolio inputs it was last written
 * with, when those give the same result: the quantiles and lines move a little every day, and
 * rewriting every document for that is the noise issue #16 removes. When they would give a
 * different result (the line moved past the company), the fresh inputs are written, so one-company
 * rescoring on the stored inputs always lands where this run did.
 */
function wholePortfolioScoring(model: ScoringModel, now: Date) {
  const scoring = startPortfolioScoring({ model, now });
  /** Each company's properties as read, by id (the last record of an id wins). */
  const storedById = new Map<string, StoredProperties>();
  return {
    storedById,
    add(company: CompanyRecord): void {
      storedById.set(company.id, company.properties);
      scoring.add(company);
    },
    finish(): { scored: Iterable<ScoredCompany>; portfolio: PortfolioScore } {
      const choices: number[] = [];
      const portfolio = scoring.finish(undefined, (fresh, index, rescore, freshContext) => {
        const stored = storedById.get(fresh.companyId) ?? {};
        choices[index] = FRESH;
        // never written (a first sync): everything is a change, and there are no stored inputs to keep
        if (!stored.kam_explanation) return fresh;
        if (Object.keys(diffOutputs(stored, toScoredCompany(fresh, freshContext).desired, now)).length > 0) {
          return fresh;
        }
        const storedInputs = storedPortfolioContextOf(stored);
        const onStored = rescore({
          paretoClass: fresh.paretoClass,
          revenueReference: storedInputs.revenueReference ?? freshContext.revenueReference,
          revenueQuantiles: storedInputs.revenueQuantiles,
          tierLines: storedInputs.tierLines,
        });
        const storedContext = contextOf(storedInputs, freshContext.revenueReference);
        const unchanged =
          Object.keys(diffOutputs(stored, toScoredCompany(onStored, storedContext).desired, now)).length ===
          0;
        choices[index] = unchanged ? STORED : FRESH_FORCED;
        return unchanged ? onStored : fresh;
      });
      return { scored: oneByOne(portfolio, choices, storedById), portfolio };
    },
  };
}

function contextOf(stored: StoredContext, fallbackReference: number): PortfolioContext {
  return {
    revenueReference: stored.revenueReference ?? fallbackReference,
    revenueQuantiles: stored.revenueQuantiles,
    tierCapacity: stored.tierCapacity,
  };
}

/** Each result turned into what the sync stores, and let go as soon as it is (the list is emptied). */
function* oneByOne(
  portfolio: PortfolioScore,
  choices: readonly number[],
  storedById: ReadonlyMap<string, StoredProperties>,
): Generator<ScoredCompany> {
  const freshContext: PortfolioContext = {
    revenueReference: portfolio.revenueReference,
    revenueQuantiles: portfolio.revenueQuantiles,
    tierCapacity: portfolio.tierCapacity,
  };
  const pending: (CompanyScore | undefined)[] = portfolio.results;
  for (let index = 0; index < pending.length; index += 1) {
    const result = pending[index] as CompanyScore;
    pending[index] = undefined;
    const stored = storedById.get(result.companyId) ?? {};
    const choice = choices[index] ?? FRESH;
    const context =
      choice === STORED
        ? contextOf(storedPortfolioContextOf(stored), portfolio.revenueReference)
        : freshContext;
    const scored = toScoredCompany(result, context);
    yield choice === FRESH_FORCED ? { ...scored, alwaysWrite: ['kam_explanation'] } : scored;
  }
}

/**
 * A whole-portfolio run over companies read once (a snapshot file parsed company by company, for
 * `kam report --snapshot`), its results given one at a time and only once (see
 * `wholePortfolioScoring`).
 */
export function scoreWholePortfolioOneByOne(
  companies: Iterable<CompanyRecord>,
  model: ScoringModel,
  now: Date,
): {
  modelVersion: string;
  storedById: ReadonlyMap<string, StoredProperties>;
  scored: Iterable<ScoredCompany>;
} {
  const scoring = wholePortfolioScoring(model, now);
  for (const company of companies) scoring.add(company);
  return { modelVersion: model.version, storedById: scoring.storedById, scored: scoring.finish().scored };
}

export function createPortfolioScorer(model: ScoringModel): PortfolioScorer {
  return ({ now, paretoFromStored }) => {
    if (paretoFromStored) {
      // a partial run: each company scores on its own with the portfolio inputs it last had
      const scored: ScoredCompany[] = [];
      return {
        add(companies) {
          for (const company of companies) {
            const { score, context } = scoreOnStoredContext(company, model, now);
            scored.push(toScoredCompany(score, context));
          }
        },
        finish: () => ({ modelVersion: model.version, scored }),
      };
    }
    const scoring = wholePortfolioScoring(model, now);
    return {
      add(companies) {
        for (const company of companies) scoring.add(company);
      },
      finish: () => {
        const { scored, portfolio } = scoring.finish();
        return {
          modelVersion: model.version,
          scored: Array.from(scored),
          tierCapacity: portfolio.tierCapacity,
        };
      },
    };
  };
}
