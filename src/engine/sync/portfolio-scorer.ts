/**
 * The bridge from the pure core to a sync run. A whole-portfolio run computes Pareto classes
 * and the revenue reference across the portfolio; a partial run (some ids, a webhook, the card's
 * button) reuses the ones the last full run stored in each company's `kam_explanation`, so a
 * company scores the same whichever path rescored it.
 */
import {
  PARETO_CLASSES,
  scoreCompany,
  startPortfolioScoring,
  type CompanyScore,
  type ParetoClass,
} from '../core';
import type { Tier } from '../core/enums';
import type { CompanyRecord } from '../core/snapshot';
import { explanationSchema } from '../hubspot/explanation-schema';
import type { ScoringModel } from '../settings';
import { outputValuesOf } from './output-values';
import type { PortfolioScorer, ScoredCompany } from './sync-run';
import { recordForScoring, withPinApplied } from './tier-pin';

/** The Pareto class and revenue reference a company was last scored with, if any. */
export function storedPortfolioContext(company: CompanyRecord): {
  paretoClass: ParetoClass;
  revenueReference?: number;
} {
  const raw = company.properties.kam_explanation;
  let fromExplanation: { paretoClass: ParetoClass; revenueReference: number } | undefined;
  if (raw) {
    try {
      fromExplanation = explanationSchema.parse(JSON.parse(raw)).portfolio;
    } catch {
      fromExplanation = undefined; // unreadable document: fall back to the stored class below
    }
  }
  const storedClass = company.properties.kam_pareto_class;
  const paretoClass =
    fromExplanation?.paretoClass ??
    ((PARETO_CLASSES as readonly string[]).includes(storedClass ?? '') ? (storedClass as ParetoClass) : 'C');
  return { paretoClass, revenueReference: fromExplanation?.revenueReference };
}

/**
 * The values to store for one result. `stored` is the company as read (with its pin), so a pinned
 * tier takes precedence in `kam_tier`; `tier` is what `kam_tier` will hold.
 */
export function toScoredCompany(
  score: CompanyScore,
  revenueReference: number,
  stored: Readonly<Record<string, string | null>>,
  now: Date,
): ScoredCompany {
  const desired = withPinApplied(outputValuesOf(score, revenueReference), stored, now);
  return {
    id: score.companyId,
    name: score.name ?? `Company ${score.companyId}`,
    desired,
    score: score.score,
    tier: (desired.kam_tier as Tier | undefined) ?? score.tier,
    previousTier: score.previousTier,
    quadrant: score.kaismQuadrant,
    strategy: score.strategy,
    riskLevel: score.risk.level,
    riskSignals: score.risk.signals.map((s) => s.text.en),
    topRecommendation: score.recommendations[0]?.title.en ?? null,
  };
}

type StoredProperties = Readonly<Record<string, string | null>>;

/**
 * A whole-portfolio run fed companies as they come: it keeps what was measured of each and its
 * own properties (for the pin and the diff), so the associated records can go at once. `finish`
 * gives the results turned into what the sync stores one at a time, each let go as it is turned:
 * a caller that keeps less than the output values (a report) never holds 100k explanation
 * documents at once.
 */
function wholePortfolioScoring(model: ScoringModel, now: Date) {
  const scoring = startPortfolioScoring({ model, now });
  /** Each company's properties as read, by id (the last record of an id wins). */
  const storedById = new Map<string, StoredProperties>();
  return {
    storedById,
    add(company: CompanyRecord): void {
      storedById.set(company.id, company.properties);
      scoring.add(recordForScoring(company));
    },
    finish(): Iterable<ScoredCompany> {
      const { results, revenueReference } = scoring.finish();
      return oneByOne(results, revenueReference, storedById, now);
    },
  };
}

/** Each result turned into what the sync stores, and let go as soon as it is (the list is emptied). */
function* oneByOne(
  results: CompanyScore[],
  revenueReference: number,
  storedById: ReadonlyMap<string, StoredProperties>,
  now: Date,
): Generator<ScoredCompany> {
  const pending: (CompanyScore | undefined)[] = results;
  for (let index = 0; index < pending.length; index += 1) {
    const result = pending[index] as CompanyScore;
    pending[index] = undefined;
    yield toScoredCompany(result, revenueReference, storedById.get(result.companyId) ?? {}, now);
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
  return { modelVersion: model.version, storedById: scoring.storedById, scored: scoring.finish() };
}

export function createPortfolioScorer(model: ScoringModel): PortfolioScorer {
  return ({ now, paretoFromStored }) => {
    if (paretoFromStored) {
      // a partial run: each company scores on its own with the portfolio inputs it last had
      const scored: ScoredCompany[] = [];
      return {
        add(companies) {
          for (const company of companies) {
            const context = storedPortfolioContext(company);
            const score = scoreCompany(recordForScoring(company), { model, now, ...context });
            scored.push(
              toScoredCompany(
                score,
                context.revenueReference ?? model.scales.revenueReferenceFallback,
                company.properties,
                now,
              ),
            );
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
      finish: () => ({ modelVersion: model.version, scored: Array.from(scoring.finish()) }),
    };
  };
}
