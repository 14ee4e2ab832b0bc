/**
 * The portfolio generator: deterministic for a seed, one company at a time so that 100k companies
 * can be streamed to a file without holding them all.
 */
import { archetypeOfCode, assignArchetypes, type Archetype } from './archetypes';
import { DirtyDataPlanter } from './dirty-data';
import type { PlanContext } from './history';
import { HOME_CURRENCY } from './hubspot-values';
import { DomainRegistry, companyIdentity } from './identity';
import { STREAMS, createRandom, streamSeed } from './prng';
import { PORTFOLIO_SHAPES, asMigrated, planFor, reshapeHistory } from './shapes';
import { companyIdOf, newIdCounters, renderCompany } from './render';
import { HISTORY_YEARS, YEAR_MS } from './time';
import type { CompanyRecord, DirtyDataCase, GenerateOptions, GroundTruth, PortfolioSnapshot } from './types';

export const DEFAULT_DEALS_PER_COMPANY = 10;

export interface GeneratedCompany {
  index: number;
  company: CompanyRecord;
  archetype: Archetype;
  dirtyData: DirtyDataCase[];
}

/** Throws a RangeError naming the option when one is out of range. */
export function validateGenerateOptions(options: GenerateOptions): void {
  if (!Number.isSafeInteger(options.companies) || options.companies < 0) {
    throw new RangeError(`companies must be a non-negative integer, got ${options.companies}`);
  }
  if (!Number.isSafeInteger(options.seed))
    throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new RangeError(`now must be a valid date, got ${String(options.now)}`);
  }
  if (options.shape !== undefined && !(PORTFOLIO_SHAPES as readonly string[]).includes(options.shape)) {
    throw new RangeError(`shape must be one of ${PORTFOLIO_SHAPES.join(', ')}, got ${String(options.shape)}`);
  }
  const dealsPerCompany = options.dealsPerCompany ?? DEFAULT_DEALS_PER_COMPANY;
  if (!Number.isFinite(dealsPerCompany) || dealsPerCompany < 0) {
    throw new RangeError(`dealsPerCompany must be a non-negative number, got ${dealsPerCompany}`);
  }
}

/** Yields the companies in id order, each with its archetype and the data defects planted on it. */
export function* generateCompanies(options: GenerateOptions): Generator<GeneratedCompany> {
  validateGenerateOptions(options);
  const now = options.now.getTime();
  const context: PlanContext = {
    now,
    historyStart: now - HISTORY_YEARS * YEAR_MS,
    dealDensity: (options.dealsPerCompany ?? DEFAULT_DEALS_PER_COMPANY) / DEFAULT_DEALS_PER_COMPANY,
  };
  const shape = options.shape ?? 'concentrated';
  const archetypeCodes = assignArchetypes(options.companies, options.seed);
  const domains = new DomainRegistry();
  const ids = newIdCounters();
  const dirtyData = new DirtyDataPlanter(now);
  for (let index = 0; index < options.companies; index++) {
    const random = createRandom(streamSeed(options.seed, STREAMS.company, index));
    const archetype = archetypeOfCode(archetypeCodes[index] as number);
    const identity = companyIdentity(random, domains);
    const history = reshapeHistory(shape, planFor(shape, archetype)(random, context));
    const rendered = renderCompany(random, companyIdOf(index), identity, history, ids, context);
    const company = options.migrated === true ? asMigrated(random, rendered, context) : rendered;
    yield {
      index,
      company,
      archetype,
      dirtyData: dirtyData.plant(random, company, archetype === 'ordinary'),
    };
  }
}

/** The snapshot fields before `companies`, for writers that stream the companies after them. */
export function snapshotHeader(options: GenerateOptions): Omit<PortfolioSnapshot, 'companies'> {
  return { schemaVersion: 1, takenAt: options.now.toISOString(), homeCurrency: HOME_CURRENCY };
}

/** A ground truth with no companies yet; `recordInGroundTruth` adds each generated one. */
export function emptyGroundTruth(options: GenerateOptions): GroundTruth {
  return {
    seed: options.seed,
    companies: options.companies,
    now: options.now.toISOString(),
    dealsPerCompany: options.dealsPerCompany ?? DEFAULT_DEALS_PER_COMPANY,
    shape: options.shape ?? 'concentrated',
    migrated: options.migrated === true,
    archetypes: {},
    dirtyData: [],
  };
}

export function recordInGroundTruth(truth: GroundTruth, generated: GeneratedCompany): void {
  truth.archetypes[generated.company.id] = generated.archetype;
  truth.dirtyData.push(...generated.dirtyData);
}

/**
 * A whole portfolio in memory, with the ground truth of what was planted.
 * @example generatePortfolio({ companies: 500, seed: 42, now: new Date('2025-06-30T00:00:00Z') })
 */
export function generatePortfolio(options: GenerateOptions): {
  snapshot: PortfolioSnapshot;
  groundTruth: GroundTruth;
} {
  validateGenerateOptions(options);
  const companies: CompanyRecord[] = [];
  const groundTruth = emptyGroundTruth(options);
  for (const generated of generateCompanies(options)) {
    companies.push(generated.company);
    recordInGroundTruth(groundTruth, generated);
  }
  return { snapshot: { ...snapshotHeader(options), companies }, groundTruth };
}

/**
 * The portfolio as consecutive snapshots of at most `companiesPerBatch` companies, for filling a
 * store without holding the whole portfolio next to it. A record shared by two companies (a
 * planted defect) may appear in two batches, as it appears under two companies in one snapshot.
 */
export function* generateSnapshotBatches(
  options: GenerateOptions,
  companiesPerBatch = 5_000,
): Generator<PortfolioSnapshot> {
  if (!Number.isSafeInteger(companiesPerBatch) || companiesPerBatch < 1) {
    throw new RangeError(`companiesPerBatch must be a positive integer, got ${companiesPerBatch}`);
  }
  let companies: CompanyRecord[] = [];
  for (const { company } of generateCompanies(options)) {
    companies.push(company);
    if (companies.length === companiesPerBatch) {
      yield { ...snapshotHeader(options), companies };
      companies = [];
    }
  }
  if (companies.length > 0) yield { ...snapshotHeader(options), companies };
}
