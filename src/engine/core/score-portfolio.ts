/**
 * The two public ways to score: a whole portfolio (Pareto classes and the revenue reference
 * computed across it), or one company with those portfolio-level inputs given.
 */
import type { CompanyScore } from './company-score';
import type { ParetoClass } from './enums';
import { paretoClassesOf, revenueReferenceOfSorted, type ParetoSummary } from './pareto';
import { isRevenueQuantiles, revenueQuantilesOfSorted, sortedPositiveRevenues } from './revenue-position';
import {
  finishCompanyScore,
  NO_TIER_LINES,
  prepareCompany,
  scoringContextOf,
  type PortfolioInputs,
  type PreparedCompany,
} from './score-company';
import { tierDirectionOf } from './tier';
import {
  tierLinesOf,
  tierWithinLines,
  type CappedTier,
  type TierCapacityResult,
  type TierLine,
} from './tier-capacity';
import type { CompanyRecord } from './snapshot';
import type { ScoringModel } from '../settings/model-schema';

export type ScorePortfolioInput = {
  /**
   * The companies in order: a list, or any iterable, read once. An iterable that parses each
   * record as it is asked for (`kam score-file`) never holds every record at once: scoring keeps
   * only what it measured of each company.
   */
  companies: Iterable<CompanyRecord>;
  /** How many companies there are, for `onProgress` (a list's length when left out). */
  companyCount?: number;
  model: ScoringModel;
  now: Date;
  /** The portal's company currency when known (a snapshot's `homeCurrency`); defaults to the model's. */
  homeCurrency?: string;
  /**
   * Told how far the run is, every `PROGRESS_EVERY` companies and at the end of each step:
   * measuring every company first, then scoring each. For a progress display; it must not throw.
   */
  onProgress?: (step: 'measure' | 'score', done: number, total: number | null) => void;
};

/** How often (in companies) `onProgress` is called: often enough for a display, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 1024;

export type PortfolioScore = {
  modelVersion: string;
  scoredAt: string;
  homeCurrency: string;
  /** Won revenue (last 12 months) of the model's reference percentile; pass it to `scoreCompany` later. */
  revenueReference: number;
  /** The portfolio's won-revenue quantiles the revenue factor ranks against; pass them to `scoreCompany` later. */
  revenueQuantiles: number[] | null;
  pareto: ParetoSummary;
  /** Places, use and line of each capped tier; pass the lines to `scoreCompany` later. */
  tierCapacity: TierCapacityResult;
  /** One result per company, in input order. */
  results: CompanyScore[];
};

export type ScoreCompanyOptions = {
  model: ScoringModel;
  now: Date;
  /** The company's class from the last portfolio run (`computeParetoClasses`). */
  paretoClass: ParetoClass;
  /** The portfolio's revenue reference from the same run; defaults to the model's fallback. */
  revenueReference?: number;
  /** The portfolio's revenue quantiles from the same run; without them revenue scales against the reference. */
  revenueQuantiles?: readonly number[] | null;
  /** The tier lines from the same run; without them every company that passes a threshold takes the tier. */
  tierLines?: Readonly<Record<CappedTier, TierLine | null>>;
  homeCurrency?: string;
};

/**
 * Scores every company of a portfolio: metrics, Pareto classes across it, then each company.
 * @example scorePortfolio({ companies: snapshot.companies, model: DEFAULT_SCORING_MODEL, now: new Date(snapshot.takenAt) })
 */
export function scorePortfolio(input: ScorePortfolioInput): PortfolioScore {
  const scoring = startPortfolioScoring(input);
  const companies = input.companies;
  const count = input.companyCount ?? (Array.isArray(companies) ? companies.length : null);
  const report = input.onProgress;
  for (const company of companies) {
    scoring.add(company);
    if (report !== undefined && scoring.count % PROGRESS_EVERY === 0) report('measure', scoring.count, count);
  }
  report?.('measure', scoring.count, count ?? scoring.count);
  return scoring.finish(report === undefined ? undefined : (done, total) => report('score', done, total));
}

/** Chooses a company's final result: the run's own, or one `rescore` gives on other portfolio inputs. */
export type Reconsider = (
  fresh: CompanyScore,
  index: number,
  rescore: (inputs: PortfolioInputs) => CompanyScore,
  portfolio: Pick<PortfolioScore, 'revenueReference' | 'revenueQuantiles' | 'tierCapacity'>,
) => CompanyScore;

/**
 * Builds a `PortfolioScore` from companies fed one at a time (as a sync reads them): holds what was
 * measured of each until `finish` scores them all. (The sync's `SyncScoreBuilder` wraps it.)
 */
export type PortfolioScoreBuilder = {
  /** Measures a company now; only what was measured is kept, the record can go. */
  add(company: CompanyRecord): void;
  /** Companies added so far. */
  readonly count: number;
  /**
   * Pareto classes across every company added, then each company's score, in the order added. Once.
   * `reconsider`, when given, sees each final result and may replace it by the company scored on
   * other portfolio inputs (the sync keeps a company's stored inputs when they give what is stored).
   */
  finish(onProgress?: (done: number, total: number) => void, reconsider?: Reconsider): PortfolioScore;
};

/**
 * Starts a portfolio run whose companies arrive one by one, maybe over time: `scorePortfolio` with
 * the loop in the caller's hands. The result equals `scorePortfolio` over the same companies.
 */
export function startPortfolioScoring(
  input: Pick<ScorePortfolioInput, 'model' | 'now' | 'homeCurrency'>,
): PortfolioScoreBuilder {
  const context = scoringContextOf(input.model, input.now, input.homeCurrency);
  // two plain lists instead of an object per company: a portfolio run keeps them all until the
  // last company is scored, so every per-company wrapper is old-space growth
  const facts: PreparedCompany['facts'][] = [];
  const metrics: PreparedCompany['metrics'][] = [];
  const revenues: number[] = [];
  const previousClasses: (ParetoClass | null)[] = [];
  let finished = false;
  return {
    add(company) {
      if (finished) throw new Error('this portfolio run is finished: start another to add companies');
      const prepared = prepareCompany(company, context);
      facts.push(prepared.facts);
      metrics.push(prepared.metrics);
      revenues.push(prepared.metrics.wonRevenueLast12Months);
      previousClasses.push(prepared.facts.previousLevels.paretoClass);
    },
    get count() {
      return facts.length;
    },
    finish(onProgress, reconsider) {
      if (finished) throw new Error('this portfolio run is already finished');
      finished = true;
      const total = facts.length;
      const pareto = paretoClassesOf(revenues, input.model.pareto, previousClasses);
      const positiveRevenues = sortedPositiveRevenues(revenues);
      const revenueReference = revenueReferenceOfSorted(positiveRevenues, input.model.scales);
      const revenueQuantiles = revenueQuantilesOfSorted(positiveRevenues);
      const results = new Array<CompanyScore>(total);
      for (let index = 0; index < total; index += 1) {
        results[index] = finishCompanyScore({ facts: facts[index]!, metrics: metrics[index]! }, context, {
          paretoClass: pareto.classes[index]!,
          revenueReference,
          revenueQuantiles,
          tierLines: NO_TIER_LINES,
        });
        if (onProgress !== undefined && (index + 1) % PROGRESS_EVERY === 0) onProgress(index + 1, total);
      }
      const tierCapacity = tierLinesOf(results, input.model.tiers);
      const lines = { key: tierCapacity.key.line, important: tierCapacity.important.line };
      const portfolioInputs = { revenueReference, revenueQuantiles, tierCapacity };
      for (let index = 0; index < total; index += 1) {
        const result = results[index]!;
        const tier = tierWithinLines(result, lines, input.model.tiers.hysteresis);
        if (tier !== result.tier) {
          // a key account's plan recommendation and a plan's tier goal read the final tier: score
          // those again within the lines (the same result `scoreCompany` gives on these inputs)
          results[index] = planReadsTier(result)
            ? finishCompanyScore({ facts: facts[index]!, metrics: metrics[index]! }, context, {
                paretoClass: pareto.classes[index]!,
                revenueReference,
                revenueQuantiles,
                tierLines: lines,
              })
            : withTier(result, tier);
        }
        if (reconsider !== undefined) {
          const prepared = { facts: facts[index]!, metrics: metrics[index]! };
          results[index] = reconsider(
            results[index]!,
            index,
            (inputs) => finishCompanyScore(prepared, context, inputs),
            portfolioInputs,
          );
        }
      }
      onProgress?.(total, total);
      // what the run held is in the results now
      facts.length = 0;
      metrics.length = 0;
      return {
        modelVersion: input.model.version,
        scoredAt: context.scoredAt,
        homeCurrency: context.homeCurrency,
        revenueReference,
        revenueQuantiles,
        pareto: pareto.summary,
        tierCapacity,
        results,
      };
    },
  };
}

/**
 * Scores one company with the portfolio-level inputs given; equal to its result inside
 * `scorePortfolio` when those inputs are the portfolio's.
 * @example scoreCompany(record, { model, now, paretoClass: 'A', revenueReference: portfolio.revenueReference })
 */
export function scoreCompany(company: CompanyRecord, options: ScoreCompanyOptions): CompanyScore {
  const context = scoringContextOf(options.model, options.now, options.homeCurrency);
  return finishCompanyScore(prepareCompany(company, context), context, {
    paretoClass: options.paretoClass,
    revenueReference:
      usableReference(options.revenueReference) ?? options.model.scales.revenueReferenceFallback,
    revenueQuantiles: isRevenueQuantiles(options.revenueQuantiles) ? options.revenueQuantiles : null,
    tierLines: options.tierLines ?? NO_TIER_LINES,
  });
}

function usableReference(reference: number | undefined): number | null {
  return reference !== undefined && Number.isFinite(reference) && reference > 0 ? reference : null;
}

/** Whether a result's plan assessment or recommendations depend on its (unpinned) tier. */
function planReadsTier(result: CompanyScore): boolean {
  return result.pinnedTier === null && (result.tier === 'key' || result.plan.status !== 'none');
}

/** A result with its tier stepped down by capacity (nothing else depends on the tier). */
function withTier(result: CompanyScore, tier: CompanyScore['tier']): CompanyScore {
  const tierDirection = tierDirectionOf(result.previousTier, tier);
  return { ...result, tier, tierChanged: tierDirection !== null, tierDirection };
}
