/** The portfolio generator: the emulator's embedded data and `kam generate`'s snapshot files. */
export {
  ARCHETYPES,
  ARCHETYPE_SHARES,
  MIN_COMPANIES_FOR_EVERY_ARCHETYPE,
  archetypeCounts,
} from './archetypes';
export type { Archetype, PlantedArchetype } from './archetypes';
export {
  DEFAULT_DEALS_PER_COMPANY,
  emptyGroundTruth,
  generateCompanies,
  generatePortfolio,
  generateSnapshotBatches,
  recordInGroundTruth,
  snapshotHeader,
  validateGenerateOptions,
} from './portfolio';
export type { GeneratedCompany } from './portfolio';
export { snapshotJsonChunks } from './serialize';
export { PORTFOLIO_SHAPES, type PortfolioShape } from './shapes';
export { DIRTY_DATA_KINDS } from './types';
export type {
  CompanyRecord,
  CrmRecord,
  DirtyDataCase,
  DirtyDataKind,
  GenerateOptions,
  GroundTruth,
  PortfolioSnapshot,
  Properties,
  PropertyValue,
} from './types';
export * as hubspotValues from './hubspot-values';
