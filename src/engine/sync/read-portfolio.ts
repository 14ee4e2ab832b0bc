/**
 * Reads companies and everything the score needs, in HubSpot's shape (the core's snapshot
 * format): companies by page or by id, their associations with v4 batch reads, then the
 * associated records with batch reads of 100, each id read once per chunk.
 */
import {
  COMPANY_INPUT_PROPERTIES,
  COMPANY_PIN_INPUT_PROPERTIES,
  CONTACT_INPUT_PROPERTIES,
  DEAL_INPUT_PROPERTIES,
  MEETING_INPUT_PROPERTIES,
  TICKET_INPUT_PROPERTIES,
} from '../core/input-properties';
import type { CompanyRecord, CrmRecord } from '../core/snapshot';
import type { CrmGateway, CrmObject } from '../hubspot/gateway';
import { KAM_OUTPUT_PROPERTY_NAMES, KAM_PIN_PROPERTY_NAMES } from '../hubspot/kam-properties';

/**
 * Company properties read by every run: the core's inputs, the stored outputs to diff against and
 * the tier pin, which takes precedence over the computed tier.
 */
export const COMPANY_READ_PROPERTIES = [
  ...new Set<string>([
    ...COMPANY_INPUT_PROPERTIES,
    ...KAM_OUTPUT_PROPERTY_NAMES,
    ...KAM_PIN_PROPERTY_NAMES,
    ...COMPANY_PIN_INPUT_PROPERTIES,
  ]),
];

const ASSOCIATED_TYPES = [
  { type: 'deals', key: 'deals', properties: DEAL_INPUT_PROPERTIES },
  { type: 'tickets', key: 'tickets', properties: TICKET_INPUT_PROPERTIES },
  { type: 'meetings', key: 'meetings', properties: MEETING_INPUT_PROPERTIES },
  { type: 'contacts', key: 'contacts', properties: CONTACT_INPUT_PROPERTIES },
] as const;

export type ReadOptions = {
  /** Cap per associated type and company, so one huge account cannot blow a function's time budget. */
  maxRecordsPerType?: number;
};

export type ReadChunkResult = {
  companies: CompanyRecord[];
  /** Associated records HubSpot listed but could not return (deleted since), per type. */
  missingRecords: number;
  /** Companies whose associations were capped by `maxRecordsPerType`. */
  truncated: { companyId: string; type: string; total: number; kept: number }[];
};

/** One page (100) of all companies; `after` is HubSpot's cursor for the next. */
export async function listCompanyPage(
  gateway: CrmGateway,
  after?: string,
): Promise<{ companies: CrmObject[]; after?: string }> {
  const page = await gateway.listPage('companies', COMPANY_READ_PROPERTIES, after);
  return { companies: page.results, after: page.after };
}

/** Companies by id (batch read); ids HubSpot does not know come back in `missing`. */
export async function readCompaniesById(
  gateway: CrmGateway,
  ids: readonly string[],
): Promise<{ companies: CrmObject[]; missing: string[] }> {
  const { records, missing } = await gateway.batchRead('companies', ids, COMPANY_READ_PROPERTIES);
  return { companies: records, missing };
}

/** Completes companies with their associated deals, tickets, meetings and contacts. */
export async function readAssociatedRecords(
  gateway: CrmGateway,
  companies: readonly CrmObject[],
  options: ReadOptions = {},
): Promise<ReadChunkResult> {
  const ids = companies.map((company) => company.id);
  const truncated: ReadChunkResult['truncated'] = [];
  let missingRecords = 0;
  const byType = await Promise.all(
    ASSOCIATED_TYPES.map(async ({ type, properties }) => {
      const associations = await gateway.batchReadAssociations('companies', type, ids);
      if (options.maxRecordsPerType !== undefined) {
        for (const [companyId, list] of associations) {
          if (list.length > options.maxRecordsPerType) {
            // Keep the newest ids: HubSpot ids grow over time, and recent records matter most to the score.
            const kept = [...list].sort((a, b) => Number(b) - Number(a)).slice(0, options.maxRecordsPerType);
            truncated.push({ companyId, type, total: list.length, kept: kept.length });
            associations.set(companyId, kept);
          }
        }
      }
      const allIds = [...associations.values()].flat();
      const { records, missing } = await gateway.batchRead(type, allIds, properties);
      missingRecords += missing.length;
      const recordById = new Map<string, CrmRecord>(
        records.map((r) => [r.id, { id: r.id, properties: r.properties }]),
      );
      return { associations, recordById };
    }),
  );
  const result: CompanyRecord[] = companies.map((company) => {
    const record: CompanyRecord = {
      id: company.id,
      properties: company.properties,
      deals: [],
      tickets: [],
      meetings: [],
      contacts: [],
    };
    ASSOCIATED_TYPES.forEach(({ key }, index) => {
      const { associations, recordById } = byType[index] as (typeof byType)[number];
      for (const id of associations.get(company.id) ?? []) {
        const associated = recordById.get(id);
        if (associated) record[key].push(associated);
      }
    });
    return record;
  });
  return { companies: result, missingRecords, truncated };
}
