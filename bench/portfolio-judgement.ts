/**
 * How Keystone's judgement holds on portfolios of different shapes (issue #16): key share,
 * Spearman(score, 12-month revenue), KAISM quadrants, where the loyal small accounts land, the risk
 * level's decline AUC in the point-in-time backtest, and the daily write rate of a quiet and an
 * active month. Used by `npm run bench:judgement` and by the tests that hold these figures.
 */
import { generatePortfolio, type PortfolioShape } from '../emulator/generator';
import { runBacktest } from '../src/engine/backtest';
import { spearman } from '../src/engine/backtest/rank-correlation';
import { scorePortfolio, type CompanyRecord, type KaismQuadrant } from '../src/engine/core';
import type { ScoringModel } from '../src/engine/settings';
import {
  ALL_CHANGE_KINDS,
  activeMonth,
  quietMonth,
  type ChangeKind,
  type DayFigures,
  type MonthFigures,
} from './daily-runs';

/** Share of the 12-month revenue held by the top fifth of the buyers (how concentrated a portfolio is). */
export function topFifthShare(revenues: readonly number[]): number {
  const sorted = [...revenues].sort((a, b) => b - a);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const top = sorted.slice(0, Math.ceil(sorted.length / 5)).reduce((sum, value) => sum + value, 0);
  return total === 0 ? 0 : top / total;
}

export type ShapeFigures = {
  shape: PortfolioShape;
  companies: number;
  topFifthRevenueShare: number;
  key: number;
  important: number;
  keyShare: number;
  keyPlaces: number;
  /** Over companies that bought in the last 12 months. */
  spearmanScoreRevenue: number | null;
  quadrants: Record<KaismQuadrant, number>;
  loyalSmall: { total: number; maintenance: number };
  backtest: { companiesAtAsOf: number; riskLevelDeclineAuc: number | null };
  quiet: {
    /** The first quiet day: a day passes, no CRM data changes (issue #16's own measure). */
    firstDayWriteShare: number;
    meanDailyWriteShare: number;
    maxDailyWriteShare: number;
    /** Of the month's writes, the share that carried a change of state (never held back). */
    shareOfWritesWithStateChange: number;
    tierChanges: number;
    riskLevelChanges: number;
    /** What made companies count as changed, by kind (the first kind of each write). */
    byKind: KindFigures[];
    /** The month's days, for a closer look (`--by-day`). */
    days: DayFigures[];
  };
  active: { meanDailyWriteShare: number; shareOfWritesWithActivityOrLevelChange: number };
};

export type KindFigures = {
  kind: ChangeKind;
  /** Writes over the month counted under this kind. */
  writes: number;
  meanDailyShare: number;
  /** Companies on the day with most writes of this kind. */
  maxDaily: number;
  /** Writes over the month that carried this kind at all (first or not). */
  writesCarrying: number;
  /** Of `writes`, those back to a state the company held earlier in the month (a flip-flop). */
  returns: number;
};

function kindSummary(month: MonthFigures): KindFigures[] {
  return ALL_CHANGE_KINDS.map((kind) => {
    const daily = month.days.map((day) => day.byKind[kind] ?? 0);
    const writes = daily.reduce((sum, count) => sum + count, 0);
    return {
      kind,
      writes,
      meanDailyShare: writes / month.days.length / month.companies,
      maxDaily: Math.max(...daily),
      writesCarrying: month.days.reduce((sum, day) => sum + (day.byKindAny[kind] ?? 0), 0),
      returns: month.days.reduce((sum, day) => sum + (day.returnsByKind[kind] ?? 0), 0),
    };
  });
}

function monthSummary(month: MonthFigures) {
  const shares = month.days.map((day) => day.written / month.companies);
  return {
    mean: shares.reduce((sum, share) => sum + share, 0) / shares.length,
    max: Math.max(...shares),
  };
}

function stateShare(month: MonthFigures): number {
  const written = month.days.reduce((sum, day) => sum + day.written, 0);
  return written === 0 ? 0 : month.days.reduce((sum, day) => sum + day.stateChanges, 0) / written;
}

/** The figures of one generated portfolio. */
export function judgePortfolio(options: {
  shape: PortfolioShape;
  companies: number;
  seed: number;
  now: Date;
  model: ScoringModel;
  withMonths?: boolean;
}): ShapeFigures {
  const { snapshot, groundTruth } = generatePortfolio({
    companies: options.companies,
    seed: options.seed,
    now: options.now,
    shape: options.shape,
  });
  const companies = snapshot.companies as unknown as CompanyRecord[];
  const portfolio = scorePortfolio({ companies, model: options.model, now: options.now });
  const quadrants: Record<KaismQuadrant, number> = {
    key_account: 0,
    key_development: 0,
    maintenance: 0,
    opportunistic: 0,
  };
  let key = 0;
  let important = 0;
  const loyalSmall = { total: 0, maintenance: 0 };
  const scores: number[] = [];
  const revenues: number[] = [];
  for (const result of portfolio.results) {
    quadrants[result.kaismQuadrant] += 1;
    if (result.tier === 'key') key += 1;
    if (result.tier === 'important') important += 1;
    if (groundTruth.archetypes[result.companyId] === 'loyal_small_account') {
      loyalSmall.total += 1;
      if (result.kaismQuadrant === 'maintenance') loyalSmall.maintenance += 1;
    }
    if (result.metrics.wonRevenueLast12Months > 0) {
      scores.push(result.score);
      revenues.push(result.metrics.wonRevenueLast12Months);
    }
  }
  const asOf = new Date(options.now.getTime());
  asOf.setUTCFullYear(asOf.getUTCFullYear() - 1);
  const backtest = runBacktest({
    companies,
    now: options.now,
    asOf,
    horizon: { months: 12 },
    declineShare: 0.5,
    activeModel: options.model,
  });
  const quiet = options.withMonths === false ? null : quietMonth(companies, options.now, options.model);
  const active = options.withMonths === false ? null : activeMonth(companies, options.now, options.model);
  const quietSummary = quiet ? monthSummary(quiet) : { mean: NaN, max: NaN };
  const activeWrites = active ? active.days.reduce((sum, day) => sum + day.written, 0) : 0;
  const activeMeaningful = active
    ? active.days.reduce((sum, day) => sum + Math.max(day.writtenWithActivity, day.levelChanges), 0)
    : 0;
  return {
    shape: options.shape,
    companies: companies.length,
    topFifthRevenueShare: topFifthShare(revenues),
    key,
    important,
    keyShare: key / companies.length,
    keyPlaces: portfolio.tierCapacity.key.places,
    spearmanScoreRevenue: spearman(scores, revenues),
    quadrants,
    loyalSmall,
    backtest: {
      companiesAtAsOf: backtest.ok ? backtest.value.companiesAtAsOf : 0,
      riskLevelDeclineAuc: backtest.ok ? backtest.value.active.declineAuc : null,
    },
    quiet: {
      firstDayWriteShare: quiet ? quiet.days[0]!.written / quiet.companies : NaN,
      meanDailyWriteShare: quietSummary.mean,
      maxDailyWriteShare: quietSummary.max,
      shareOfWritesWithStateChange: quiet ? stateShare(quiet) : NaN,
      tierChanges: quiet ? quiet.days.reduce((sum, day) => sum + day.tierChanges, 0) : 0,
      riskLevelChanges: quiet ? quiet.days.reduce((sum, day) => sum + day.riskLevelChanges, 0) : 0,
      byKind: quiet ? kindSummary(quiet) : [],
      days: quiet ? quiet.days : [],
    },
    active: {
      meanDailyWriteShare: active ? monthSummary(active).mean : NaN,
      shareOfWritesWithActivityOrLevelChange: activeWrites === 0 ? 0 : activeMeaningful / activeWrites,
    },
  };
}
