/**
 * HubSpot's documented request limits, in one place so each route cites the same numbers.
 * Sources: developers.hubspot.com/docs/guides/api/crm/objects (batch 100), .../crm/search
 * ("Limitations": 200 per page, 10,000 results, 5 filter groups × 6 filters, 18 filters in total,
 * 5 requests per second), .../crm/associations/associations-v4 (batch read 1,000 inputs,
 * 500 associations per page), .../api/usage-details (190 per 10 s, 1,000,000 per day on
 * Professional/Enterprise private apps).
 */
export const HUBSPOT_LIMITS = {
  /** Inputs per v3 object batch (read, create, update, archive). */
  batchInputs: 100,
  /** Inputs per batch read that asks for propertiesWithHistory. */
  batchReadWithHistoryInputs: 50,
  /** Records per page of a v3 list (GET /crm/v3/objects/{objectType}). */
  listPageSize: 100,
  /** Records per page of a list that asks for propertiesWithHistory. */
  listWithHistoryPageSize: 50,
  /** Default page size of a v3 list. */
  listDefaultPageSize: 10,
  searchPageSize: 200,
  searchDefaultPageSize: 10,
  /** A search never pages past this many results: `after` ≥ 10,000 is a 400. */
  searchResultCap: 10_000,
  searchFilterGroups: 5,
  searchFiltersPerGroup: 6,
  searchFiltersTotal: 18,
  searchSorts: 1,
  /** Inputs per associations v4 batch read. */
  associationBatchReadInputs: 1_000,
  /** Associated records per input per page in a v4 read. */
  associationPageSize: 500,
  /** Inputs per associations v4 batch create / archive / associate-default. */
  associationBatchWriteInputs: 2_000,
  /** Inputs per properties batch. */
  propertyBatchInputs: 100,
  ownersPageSize: 500,
} as const;
