/**
 * Preview of a draft model's impact without rescoring anything: each sampled company's stored
 * breakdown (`kam_explanation`: every factor's 0–100 value) is re-weighed twice, with the active
 * model and with the draft (weights, axis weights, tier thresholds with hysteresis from the stored
 * tier, KAISM cut), and the companies whose tier or quadrant differ are counted. Both sides use the
 * same stored values, which the explanation keeps in whole points, so the active model against
 * itself counts nothing, and a draft's count can differ from a full rescore only for companies
 * within a fraction of a point of a threshold. Changes to scales, input values or windows alter
 * the factor values themselves and show only after a rescore; the page says so.
 *
 * The same sample is then backtested (engine/backtest): its companies with their history, scored
 * as they stood 12 months ago with both models and judged by the 12 months that followed. A
 * sample estimate; associated records are capped per company to keep within the 15 s budget.
 */
import { addMonths, runBacktest, type ModelFigures } from '../../../engine/backtest';
import { classifyTier, tierLinesOf, tierWithinLines } from '../../../engine/core';
import { kaismQuadrantWithDeadBand } from '../../../engine/core/level-dead-band';
import { activePinOf } from '../../../engine/core/tier-pin';
import { KAISM_QUADRANTS, TIERS, type KaismQuadrant, type Tier } from '../../../engine/core/enums';
import { KeystoneError } from '../../../engine/errors';
import { explanationSchema, type Explanation } from '../../../engine/hubspot/explanation-schema';
import {
  SEARCH_PAGE_LIMIT,
  crmObjectSchema,
  type CrmGateway,
  type CrmObject,
} from '../../../engine/hubspot/gateway';
import { validateModel, type ScoringModel } from '../../../engine/settings';
import { readAssociatedRecords, readCompaniesById } from '../../../engine/sync/read-portfolio';
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

const SAMPLE_PROPERTIES = [
  'kam_tier',
  'kam_tier_computed',
  'kam_tier_pinned',
  'kam_pin_expires_at',
  'kam_quadrant',
  'kam_explanation',
];

type Factor = Explanation['factors']['attractiveness'][number];
type Transition = { from: string; to: string; count: number };

const roundTo1 = (value: number): number => Math.round(value * 10) / 10;
const clamp = (value: number): number => Math.min(100, Math.max(0, value));

/** An axis as the core computes it (core/axis-score.ts): the weighted mean of the factors that had data. */
function reweighAxis(factors: readonly Factor[], weights: Readonly<Record<string, number>>): number | null {
  let dataWeight = 0;
  let weightedSum = 0;
  for (const factor of factors) {
    if (!factor.hasData || factor.value === null) continue;
    const weight = weights[factor.id] ?? 0;
    dataWeight += weight;
    weightedSum += weight * factor.value;
  }
  return dataWeight === 0 ? null : roundTo1(clamp(weightedSum / dataWeight));
}

/** The overall score as the core combines the axes (core/score-company.ts): an axis without data is left out. */
function combine(attractiveness: number | null, strength: number | null, model: ScoringModel): number {
  const weightA = attractiveness === null ? 0 : model.axisWeights.attractiveness;
  const weightS = strength === null ? 0 : model.axisWeights.strength;
  if (weightA + weightS === 0) return 0;
  return roundTo1((weightA * (attractiveness ?? 0) + weightS * (strength ?? 0)) / (weightA + weightS));
}

export function reclassify(
  explanation: Explanation,
  storedTier: Tier | null,
  model: ScoringModel,
  storedQuadrant: KaismQuadrant | null = null,
): { score: number; tier: Tier; quadrant: KaismQuadrant } {
  const attractiveness = reweighAxis(explanation.factors.attractiveness, model.weights.attractiveness);
  const strength = reweighAxis(explanation.factors.strength, model.weights.strength);
  const score = combine(attractiveness, strength, model);
  return {
    score,
    tier: classifyTier(score, storedTier, model.tiers),
    // the quadrant holds within the model's dead band, as a rescore holds it (core/level-dead-band.ts)
    quadrant: kaismQuadrantWithDeadBand(
      attractiveness ?? 0,
      strength ?? 0,
      model.kaismCut,
      storedQuadrant,
      model.levelHysteresis,
    ),
  };
}

type Reclassified = ReturnType<typeof reclassify> & {
  companyId: string;
  previousTier: Tier | null;
  pinnedTier: Tier | null;
};

/**
 * Tier capacity over the sample, as a whole run applies it over the portfolio (core/tier-capacity.ts).
 * A sample of a larger portfolio gets its share of the count places; the share places scale by themselves.
 */
function withinCapacity(
  companies: readonly Reclassified[],
  model: ScoringModel,
  portfolioSize: number,
): Tier[] {
  const scale = portfolioSize > companies.length ? companies.length / portfolioSize : 1;
  const tiers = {
    ...model.tiers,
    capacity: {
      key: {
        ...model.tiers.capacity.key,
        maxCount: Math.max(1, Math.round(model.tiers.capacity.key.maxCount * scale)),
      },
      important: {
        ...model.tiers.capacity.important,
        maxCount: Math.max(1, Math.round(model.tiers.capacity.important.maxCount * scale)),
      },
    },
  };
  const entries = companies.map((company) => ({ ...company, thresholdTier: company.tier }));
  const result = tierLinesOf(entries, tiers);
  const lines = { key: result.key.line, important: result.important.line };
  return entries.map((entry) => entry.pinnedTier ?? tierWithinLines(entry, lines, tiers.hysteresis));
}

function readExplanation(raw: string | null): Explanation | null {
  if (!raw) return null;
  try {
    const parsed = explanationSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const oneOf = <const T extends readonly string[]>(values: T, raw: string | null): T[number] | null =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T[number]) : null;

/** The most recently scored companies, at most `sampleSize`, through the search API (one page per 200). */
async function readSample(
  gateway: CrmGateway,
  sampleSize: number,
): Promise<{ companies: CrmObject[]; total: number }> {
  const companies: CrmObject[] = [];
  let total = 0;
  let after: string | undefined;
  do {
    const limit = Math.min(SEARCH_PAGE_LIMIT, sampleSize - companies.length);
    const response = await gateway.send(
      'POST /crm/v3/objects/companies/search',
      () =>
        gateway.client.crm.objects.searchApi.doSearchWithHttpInfo('companies', {
          filterGroups: [{ filters: [{ propertyName: 'kam_scored_at', operator: 'HAS_PROPERTY' }] }] as never,
          sorts: [{ propertyName: 'kam_scored_at', direction: 'DESCENDING' }] as never,
          properties: SAMPLE_PROPERTIES,
          limit,
          after: after as never,
        }),
      { isSearch: true },
    );
    total = response.data.total;
    for (const record of response.data.results) companies.push(crmObjectSchema.parse(record));
    after = response.data.paging?.next?.after;
  } while (after && companies.length < sampleSize);
  return { companies, total };
}

function countTransitions(pairs: readonly { from: string; to: string }[]): Transition[] {
  const counts = new Map<string, Transition>();
  for (const { from, to } of pairs) {
    const key = `${from}->${to}`;
    const entry = counts.get(key) ?? { from, to, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from));
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
  const tierChanges: { from: string; to: string }[] = [];
  const quadrantChanges: { from: string; to: string }[] = [];
  const before: Reclassified[] = [];
  const after: Reclassified[] = [];
  for (const company of companies) {
    const explanation = readExplanation(company.properties.kam_explanation ?? null);
    const storedTier =
      oneOf(TIERS, company.properties.kam_tier_computed ?? null) ??
      oneOf(TIERS, company.properties.kam_tier ?? null);
    // Without a readable breakdown and a stored tier there is nothing to re-weigh.
    if (!explanation || !storedTier) continue;
    const shared = {
      companyId: company.id,
      previousTier: storedTier,
      pinnedTier: activePinOf(company.properties, request.now)?.tier ?? null,
    };
    const storedQuadrant = oneOf(KAISM_QUADRANTS, company.properties.kam_quadrant ?? null);
    before.push({ ...reclassify(explanation, storedTier, request.activeModel, storedQuadrant), ...shared });
    after.push({ ...reclassify(explanation, storedTier, validated.value, storedQuadrant), ...shared });
  }
  const compared = before.length;
  const tiersBefore = withinCapacity(before, request.activeModel, total);
  const tiersAfter = withinCapacity(after, validated.value, total);
  for (let index = 0; index < compared; index += 1) {
    if (tiersAfter[index] !== tiersBefore[index])
      tierChanges.push({ from: tiersBefore[index]!, to: tiersAfter[index]! });
    const quadrant = { from: before[index]!.quadrant, to: after[index]!.quadrant };
    if (quadrant.to !== quadrant.from) quadrantChanges.push(quadrant);
  }
  return {
    sampled: companies.length,
    compared,
    tierChanges: tierChanges.length,
    quadrantChanges: quadrantChanges.length,
    tierTransitions: countTransitions(tierChanges),
    quadrantTransitions: countTransitions(quadrantChanges),
    truncated: total > companies.length,
    backtest: await backtestSample(
      gateway,
      companies.map((company) => company.id),
      { activeModel: request.activeModel, draftModel: validated.value, now: request.now },
    ),
  };
}
