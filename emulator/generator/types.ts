/**
 * The snapshot the generator writes: the same JSON shape as the core's portfolio snapshot
 * (src/engine/core/snapshot.ts), declared here because the emulator imports nothing from the engine.
 * Every property value is a string or null, exactly as HubSpot's API returns properties.
 */
import type { Archetype } from './archetypes';

export type PropertyValue = string | null;
export type Properties = Record<string, PropertyValue>;

export interface CrmRecord {
  id: string;
  properties: Properties;
}

export interface CompanyRecord extends CrmRecord {
  deals: CrmRecord[];
  tickets: CrmRecord[];
  meetings: CrmRecord[];
  contacts: CrmRecord[];
}

export interface PortfolioSnapshot {
  schemaVersion: 1;
  /** ISO time the snapshot was taken: the generator's `now`. */
  takenAt: string;
  homeCurrency: string;
  companies: CompanyRecord[];
}

export const DIRTY_DATA_KINDS = [
  'missing_amount',
  'odd_amount_string',
  'negative_amount',
  'future_close_on_won_deal',
  'bad_date_string',
  'company_without_associations',
  'deal_shared_by_two_companies',
  'contact_shared_by_two_companies',
] as const;
export type DirtyDataKind = (typeof DIRTY_DATA_KINDS)[number];

/** One planted data defect: which company and, when it is on an associated record, which one. */
export interface DirtyDataCase {
  kind: DirtyDataKind;
  companyId: string;
  objectId?: string;
  /** The other company of a shared association. */
  otherCompanyId?: string;
}

export interface GroundTruth {
  seed: number;
  companies: number;
  /** ISO time the portfolio was generated for. */
  now: string;
  dealsPerCompany: number;
  shape: 'concentrated' | 'flat' | 'steady';
  migrated: boolean;
  archetypes: Record<string, Archetype>;
  dirtyData: DirtyDataCase[];
}

export interface GenerateOptions {
  companies: number;
  seed: number;
  now: Date;
  /** Mean number of deals per company over the four years of history; 10 when omitted. */
  dealsPerCompany?: number;
  /** The portfolio's shape (see shapes.ts); `concentrated` when omitted. */
  shape?: 'concentrated' | 'flat' | 'steady';
  /** Every record created in the last month, history kept in close dates (see shapes.ts). */
  migrated?: boolean;
}
