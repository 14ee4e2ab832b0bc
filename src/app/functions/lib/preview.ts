/**
 * Preview of a draft model's impact without rescoring anything: each sampled company's stored
 * breakdown (`kam_explanation`: every factor's 0–100 value) is re-weighed twice by the core
 * (core/reweigh.ts), with the active model and with the draft (weights, axis weights, tier
 * thresholds with hysteresis from the stored tier, KAISM cut), and the companies whose tier or
 * quadrant differ are counted. Both sides use the same stored values, which the explanation keeps
 * in whole points, so the active model against itself counts nothing, and a draft's count can
 * differ from a full rescore only for companies within a fraction of a point of a threshold.
 * Changes to scales, input values or windows alter the factor values themselves and show only
 * after a rescore; the page says so.
 *
 * The same sample is then backtested (engine/backtest): its companies with their history, scored
 * as they stood 12 months ago with both models and judged by the 12 months that followed. A
 * sample estimate; associated records are capped per company to keep within the 15 s budget.
 */
import { addMonths, runBacktest, type ModelFigures } from '../../../engine/backtest';
import { compareModels, type ScoredCompany } from '../../../engine/core';
import { KeystoneError } from '../../../engine/errors';
import {
  SEARCH_PAGE_LIMIT,
  type CrmGateway,
  type CrmObject,
  SCORED_COMPANY_PROPERTIES,
  scoredCompanyOf,
} from '../../../engine/hubspot';
import { validateModel, type ScoringModel } from '../../../engine/settings';
import { readAssociatedRecords, readCompaniesById } from '../../../engine/sync';
import {
  BACKTEST_MIN_DECLINERS,
  type BacktestFigures,
  type PreviewBacktest,
  type PreviewModelResult,
} from '../contract/settings';

export const BACKTEST_MONTHS = 12;
/** A cut of more than half of the year before as-of counts as decline (the CLI's default). */
const BACKTEST_DECLINE_SHARE = 0.5;
/** Per associated type and company: years of history, within the function's time budget. */
const BACKTEST_MAX_RECORDS_PER_TYPE = 200;

/** The most recently scored companies, at most `sampleSize`, through the search API (one page per 200). */
async function readSample(
  gateway: CrmGateway,
  sampleSize: number,
): Promise<{ companies: CrmObject[]; total: number }> {
  const companies: CrmObject[] = [];
  let total = 0;
  let after: string | undefined;
  do {
    const page = await gateway.searchPage('companies', {
      filterGroups: [{ filters: [{ propertyName: 'kam_scored_at', operator: 'HAS_PROPERTY' }] }],
      sorts: [{ propertyName: 'kam_scored_at', direction: 'DESCENDING' }],
      properties: SCORED_COMPANY_PROPERTIES,
      limit: Math.min(SEARCH_PAGE_LIMIT, sampleSize - companies.length),
      after,
    });
    total = page.total;
    companies.push(...page.results);
    after = page.after;
  } while (after && companies.length < sampleSize);
  return { companies, total };
}

/** The backtest of both models on the sampled companies, read with their history. */
async function backtestSample(
  gateway: CrmGateway,
  ids: readonly string[],
  request: { activeModel: ScoringModel; draftModel: ScoringModel; now: Date },
): Promise<PreviewBacktest> {
  const { companies: crmCompanies } = ids.length ? await readCompaniesById(gateway, ids) : { companies: [] };
  const { companies } = await readAssociatedRecords(gateway, crmCompanies, {
    maxRecordsPerType: BACKTEST_MAX_RECORDS_PER_TYPE,
  });
  const run = runBacktest({
    companies,
    now: request.now,
    asOf: addMonths(request.now, -BACKTEST_MONTHS),
    horizon: { months: BACKTEST_MONTHS },
    declineShare: BACKTEST_DECLINE_SHARE,
    activeModel: request.activeModel,
    draftModel: request.draftModel,
  });
  if (!run.ok) {
    throw new KeystoneError(
      'input.invalid',
      `backtest: ${run.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
    );
  }
  const result = run.value;
  const enoughDecliners = result.declined >= BACKTEST_MIN_DECLINERS;
  const figures = (model: ModelFigures): BacktestFigures => ({
    modelVersion: model.modelVersion,
    declineAuc: enoughDecliners ? model.declineAuc : null,
    keyAccountsAtAsOf: model.keyAccountsAtAsOf,
    keyRevenueShare: model.keyRevenueShare,
  });
  return {
    asOf: result.asOf,
    horizonEnd: result.horizonEnd,
    horizonMonths: result.horizonMonths,
    sampleSize: result.companiesAtAsOf,
    buyingAtAsOf: result.buyingAtAsOf,
    declined: result.declined,
    enoughDecliners,
    revenueBaselineDeclineAuc: enoughDecliners ? result.revenueBaselineDeclineAuc : null,
    active: figures(result.active),
    draft: figures(result.draft ?? result.active),
  };
}

export async function previewModel(
  gateway: CrmGateway,
  request: { model: unknown; sampleSize: number; activeModel: ScoringModel; now: Date },
): Promise<Omit<Extract<PreviewModelResult, { ok: true }>, 'ok'>> {
  const validated = validateModel(request.model);
  if (!validated.ok) {
    throw new KeystoneError(
      'settings.invalid',
      `the draft model fails validation at ${validated.issues.map((issue) => issue.path).join(', ')}`,
      { issues: validated.issues },
    );
  }
  const { companies, total } = await readSample(gateway, request.sampleSize);
  const scored = companies
    .map((company) => scoredCompanyOf(company, request.now))
    .filter((company): company is ScoredCompany => company !== null);
  return {
    sampled: companies.length,
    ...compareModels(scored, request.activeModel, validated.value, total),
    truncated: total > companies.length,
    backtest: await backtestSample(
      gateway,
      companies.map((company) => company.id),
      { activeModel: request.activeModel, draftModel: validated.value, now: request.now },
    ),
  };
}
