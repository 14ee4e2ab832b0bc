/**
 * "Would this model have seen it coming?" Scores the portfolio as it stood at an earlier date
 * with the active and a draft model, then judges each against what followed: accounts that
 * stopped buying or cut volume (methodology §9 step 2), and accounts that grew.
 */
import { scorePortfolio, type CompanyScore, type PortfolioScore } from '../core';
import { RISK_LEVELS, type RiskLevel, type Tier } from '../core/enums';
import type { CompanyRecord } from '../core/snapshot';
import type { ValidationIssue, ValidationResult } from '../core/validation';
import type { ScoringModel } from '../settings/model-schema';
import { areaUnderCurve } from './auc';
import { addMonths, type Horizon } from './horizon';
import { portfolioAsOf, portfolioAsOfCounted } from './point-in-time';
import { wonRevenueBetween, type RevenueRules } from './won-revenue';

export type BacktestInput = {
  /** Today's portfolio, with its full history. */
  companies: readonly CompanyRecord[];
  /** When those records were taken; the horizon must end by then. */
  now: Date;
  asOf: Date;
  horizon: Horizon;
  /** A cut of more than this share of the 12 months before as-of counts as decline (0–1). */
  declineShare: number;
  homeCurrency?: string;
  activeModel: ScoringModel;
  draftModel?: ScoringModel;
};

export type Outcome = 'declined' | 'grew' | 'steady' | 'not_buying';

export type ModelFigures = {
  modelVersion: string;
  /** AUC of the risk level (none < watch < at_risk < critical) for decline; null without both classes. */
  declineAuc: number | null;
  /** AUC of 100 − score for decline, for comparison with the risk level. */
  declineAucOfScore: number | null;
  keyAccountsAtAsOf: number;
  /** Share of the horizon's won revenue (companies present at as-of) held by tier `key` at as-of. */
  keyRevenueShare: number | null;
  /** Companies whose tier at as-of differs from their tier today under the same model. */
  tierChangedSinceAsOf: number;
};

export type AccountOutcome = {
  companyId: string;
  name: string | null;
  revenueBefore: number;
  revenueInHorizon: number;
  outcome: Outcome;
  active: { score: number; tier: Tier; riskLevel: RiskLevel };
  draft: { score: number; tier: Tier; riskLevel: RiskLevel } | null;
};

export type TierChangeToday = { companyId: string; name: string | null; activeTier: Tier; draftTier: Tier };

export type BacktestResult = {
  asOf: string;
  horizonEnd: string;
  horizonMonths: number;
  declineShare: number;
  companiesAtAsOf: number;
  /** Of those, companies created in HubSpot after as-of but with older history (imported), counted from it. */
  companiesImportedAfterAsOf: number;
  /** Companies left out: nothing of them (creation, deal, ticket, meeting) is dated on or before as-of. */
  companiesLeftOut: number;
  /** Companies that bought in the 12 months before as-of: the ones that can decline. */
  buyingAtAsOf: number;
  declined: number;
  grew: number;
  /** Ranking by trailing 12-month revenue, lowest first, as the risk order. */
  revenueBaselineDeclineAuc: number | null;
  active: ModelFigures;
  draft: ModelFigures | null;
  /** Accounts whose tier today differs between the draft and the active model (empty without a draft). */
  tierChangesToday: TierChangeToday[];
  accounts: AccountOutcome[];
};

const RISK_RANK: Record<RiskLevel, number> = Object.fromEntries(
  RISK_LEVELS.map((level, i) => [level, i]),
) as Record<RiskLevel, number>;

/**
 * The scores of the portfolio as it stood at `asOf`: only records dated on or before it.
 * @example scoreAsOf(snapshot.companies, new Date('2025-06-30T00:00:00Z'), DEFAULT_SCORING_MODEL)
 */
export function scoreAsOf(
  companies: readonly CompanyRecord[],
  asOf: Date,
  model: ScoringModel,
  homeCurrency?: string,
): PortfolioScore {
  return scorePortfolio({ companies: portfolioAsOf(companies, asOf), model, now: asOf, homeCurrency });
}

function validate(input: BacktestInput, horizonEnd: Date): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (Number.isNaN(input.asOf.getTime())) issues.push({ path: 'asOf', message: 'must be a date' });
  else if (horizonEnd.getTime() > input.now.getTime()) {
    issues.push({
      path: 'horizon',
      message: `ends ${horizonEnd.toISOString()}, after the data (${input.now.toISOString()}): pick an earlier as-of date or a shorter horizon`,
    });
  }
  if (!(input.declineShare > 0 && input.declineShare < 1))
    issues.push({
      path: 'declineShare',
      message: `must be between 0 and 1 (exclusive), got ${input.declineShare}`,
    });
  return issues;
}

/** Decline when the horizon's yearly rate is under (1 − declineShare) of the 12 months before as-of. */
export function outcomeOf(before: number, inHorizon: number, months: number, declineShare: number): Outcome {
  if (before <= 0) return 'not_buying';
  // a horizon other than 12 months is compared at a yearly rate
  const yearly = (inHorizon * 12) / months;
  if (yearly < (1 - declineShare) * before) return 'declined';
  return yearly > before ? 'grew' : 'steady';
}

function figuresOf(
  model: ScoringModel,
  atAsOf: ReadonlyMap<string, CompanyScore>,
  today: ReadonlyMap<string, CompanyScore>,
  accounts: readonly { companyId: string; outcome: Outcome; revenueInHorizon: number }[],
): ModelFigures {
  const buying = accounts.filter((account) => account.outcome !== 'not_buying');
  const scoreOf = (id: string) => atAsOf.get(id)!;
  const declineAuc = areaUnderCurve(
    buying.map((a) => ({
      score: RISK_RANK[scoreOf(a.companyId).risk.level],
      isPositive: a.outcome === 'declined',
    })),
  );
  const declineAucOfScore = areaUnderCurve(
    buying.map((a) => ({ score: 100 - scoreOf(a.companyId).score, isPositive: a.outcome === 'declined' })),
  );
  let horizonRevenue = 0;
  let keyRevenue = 0;
  let keyAccountsAtAsOf = 0;
  let tierChangedSinceAsOf = 0;
  for (const account of accounts) {
    const score = scoreOf(account.companyId);
    horizonRevenue += account.revenueInHorizon;
    if (score.tier === 'key') {
      keyAccountsAtAsOf++;
      keyRevenue += account.revenueInHorizon;
    }
    const todayTier = today.get(account.companyId)?.tier;
    if (todayTier !== undefined && todayTier !== score.tier) tierChangedSinceAsOf++;
  }
  return {
    modelVersion: model.version,
    declineAuc,
    declineAucOfScore,
    keyAccountsAtAsOf,
    keyRevenueShare: horizonRevenue > 0 ? keyRevenue / horizonRevenue : null,
    tierChangedSinceAsOf,
  };
}

const byId = (score: PortfolioScore) => new Map(score.results.map((result) => [result.companyId, result]));

/**
 * Backtests the active model (and a draft) at `asOf` against the following `horizon`.
 * @example runBacktest({ companies, now, asOf, horizon: { months: 12 }, declineShare: 0.5, activeModel })
 */
export function runBacktest(input: BacktestInput): ValidationResult<BacktestResult> {
  const horizonEnd = addMonths(input.asOf, input.horizon.months);
  const issues = validate(input, horizonEnd);
  if (issues.length > 0) return { ok: false, issues };
  const asOfMs = input.asOf.getTime();
  const yearBeforeMs = addMonths(input.asOf, -12).getTime();
  const { companies: pastCompanies, counts } = portfolioAsOfCounted(input.companies, input.asOf);
  const scoreWith = (model: ScoringModel) => ({
    atAsOf: byId(
      scorePortfolio({ companies: pastCompanies, model, now: input.asOf, homeCurrency: input.homeCurrency }),
    ),
    today: byId(
      scorePortfolio({ companies: input.companies, model, now: input.now, homeCurrency: input.homeCurrency }),
    ),
  });
  const active = scoreWith(input.activeModel);
  const draft = input.draftModel ? scoreWith(input.draftModel) : null;
  const rules: RevenueRules = {
    homeCurrency: input.homeCurrency ?? input.activeModel.homeCurrency,
    pipelines: input.activeModel.pipelines,
  };
  const todayById = new Map(input.companies.map((company) => [company.id, company]));
  const accounts: AccountOutcome[] = pastCompanies.map((past) => {
    const company = todayById.get(past.id)!;
    const revenueBefore = wonRevenueBetween(company, yearBeforeMs, asOfMs, rules);
    const revenueInHorizon = wonRevenueBetween(company, asOfMs, horizonEnd.getTime(), rules);
    const summary = (score: CompanyScore) => ({
      score: score.score,
      tier: score.tier,
      riskLevel: score.risk.level,
    });
    const activeScore = active.atAsOf.get(past.id)!;
    const draftScore = draft?.atAsOf.get(past.id);
    return {
      companyId: past.id,
      name: activeScore.name,
      revenueBefore,
      revenueInHorizon,
      outcome: outcomeOf(revenueBefore, revenueInHorizon, input.horizon.months, input.declineShare),
      active: summary(activeScore),
      draft: draftScore ? summary(draftScore) : null,
    };
  });
  const buying = accounts.filter((account) => account.outcome !== 'not_buying');
  const tierChangesToday: TierChangeToday[] = [];
  if (draft) {
    for (const [companyId, activeToday] of active.today) {
      const draftTier = draft.today.get(companyId)!.tier;
      if (draftTier !== activeToday.tier)
        tierChangesToday.push({ companyId, name: activeToday.name, activeTier: activeToday.tier, draftTier });
    }
  }
  return {
    ok: true,
    value: {
      asOf: input.asOf.toISOString(),
      horizonEnd: horizonEnd.toISOString(),
      horizonMonths: input.horizon.months,
      declineShare: input.declineShare,
      companiesAtAsOf: accounts.length,
      companiesImportedAfterAsOf: counts.importedAfterAsOf,
      companiesLeftOut: counts.leftOutNothingBefore,
      buyingAtAsOf: buying.length,
      declined: buying.filter((a) => a.outcome === 'declined').length,
      grew: buying.filter((a) => a.outcome === 'grew').length,
      revenueBaselineDeclineAuc: areaUnderCurve(
        buying.map((a) => ({ score: -a.revenueBefore, isPositive: a.outcome === 'declined' })),
      ),
      active: figuresOf(input.activeModel, active.atAsOf, active.today, accounts),
      draft:
        draft && input.draftModel ? figuresOf(input.draftModel, draft.atAsOf, draft.today, accounts) : null,
      tierChangesToday,
      accounts,
    },
  };
}
