/**
 * Reads the values Keystone stored on companies (`kam_*`) with the CRM search API, for portfolio
 * views that must never rescore. Search answers at most 10,000 results per query and about five
 * requests a second per portal, so the read walks `hs_object_id` in ascending windows: it pages one
 * window with HubSpot's `after` cursor and, before that cursor would pass the cap, opens the next
 * window at `hs_object_id > last id seen`. Portfolios of any size read fully, each company once.
 */
import { z } from 'zod';
import { KeystoneError, isKeystoneError } from '../errors';
import type { CrmGateway, CrmObject } from './gateway';
import { SEARCH_PAGE_LIMIT, SEARCH_RESULT_CAP, crmObjectSchema } from './gateway';

export type SearchFilter = {
  propertyName: string;
  operator: 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY' | 'IN';
  value?: string;
  values?: string[];
};

export type CompanySearchRequest = {
  filterGroups: { filters: SearchFilter[] }[];
  sorts: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }[];
  properties: string[];
  limit: number;
  after?: string;
};

export type CompanySearchPage = { total: number; results: CrmObject[]; after: string | undefined };

/** One search request against HubSpot's companies; the gateway-backed one is `gatewayCompanySearch`. */
export type CompanySearch = (request: CompanySearchRequest) => Promise<CompanySearchPage>;

const searchResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  results: z.array(crmObjectSchema),
  paging: z
    .object({ next: z.object({ after: z.string() }).optional() })
    .optional()
    .nullable(),
});

/**
 * Company search through the gateway, so it shares the portal's rate budget, the search
 * per-second limiter and the retries (429 honouring Retry-After, 5xx, network).
 */
export function gatewayCompanySearch(gateway: CrmGateway): CompanySearch {
  return async (request) => {
    const response = await gateway.send(
      'POST /crm/v3/objects/companies/search',
      () =>
        gateway.client.crm.companies.searchApi.doSearchWithHttpInfo({
          filterGroups: request.filterGroups as never,
          // HubSpot takes sort objects; the generated client types them as strings.
          sorts: request.sorts as never,
          properties: request.properties,
          limit: request.limit,
          after: request.after as never,
        }),
      { isSearch: true, context: { objectType: 'companies' } },
    );
    const page = searchResponseSchema.parse(response.data);
    return { total: page.total, results: page.results, after: page.paging?.next?.after };
  };
}

/** Where the read stands: the id window and the position inside it. */
export type SearchCursor = {
  /** Exclusive lower bound of `hs_object_id` for the current window; null for the first. */
  afterId: string | null;
  /** HubSpot's `after` cursor inside the window; undefined for the window's first page. */
  after: string | undefined;
  /** Results already read in this window. */
  readInWindow: number;
};

export const FIRST_CURSOR: SearchCursor = { afterId: null, after: undefined, readInWindow: 0 };

/**
 * The partition step: given the page just read, where to read next, or null when done.
 * A window continues with HubSpot's cursor while one more full page still fits under the result
 * cap; otherwise the next window starts after the highest id seen (results are sorted by
 * `hs_object_id`). A window whose `total` says more remain is continued even when HubSpot
 * offers no cursor at the cap.
 */
export function nextSearchCursor(
  cursor: SearchCursor,
  page: CompanySearchPage,
  limits: { pageSize: number; resultCap: number },
): SearchCursor | null {
  if (page.results.length === 0) return null;
  const readInWindow = cursor.readInWindow + page.results.length;
  if (page.after === undefined && readInWindow >= page.total) return null;
  if (page.after !== undefined && readInWindow + limits.pageSize <= limits.resultCap) {
    return { afterId: cursor.afterId, after: page.after, readInWindow };
  }
  const lastId = (page.results[page.results.length - 1] as CrmObject).id;
  return { afterId: lastId, after: undefined, readInWindow: 0 };
}

/** The request for a cursor: scored companies above the window's lower bound, by id ascending. */
export function searchRequestFor(
  cursor: SearchCursor,
  options: { properties: readonly string[]; pageSize: number; scoredOnly: boolean },
): CompanySearchRequest {
  const filters: SearchFilter[] = [];
  if (options.scoredOnly) filters.push({ propertyName: 'kam_score', operator: 'HAS_PROPERTY' });
  if (cursor.afterId !== null)
    filters.push({ propertyName: 'hs_object_id', operator: 'GT', value: cursor.afterId });
  return {
    filterGroups: filters.length > 0 ? [{ filters }] : [],
    sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
    properties: [...options.properties],
    limit: options.pageSize,
    ...(cursor.after !== undefined ? { after: cursor.after } : {}),
  };
}

export type StoredPortfolioReadOptions = {
  properties: readonly string[];
  /** Receives each page as it arrives, so callers can parse and drop raw rows. */
  onPage: (records: CrmObject[], progress: { read: number; total: number | null }) => void;
  /** Only companies Keystone has scored (`kam_score` is set). Default true. */
  scoredOnly?: boolean;
  /** Search page size; HubSpot's maximum is 200. */
  pageSize?: number;
  /** Results one query can page through; HubSpot's is 10,000. */
  resultCap?: number;
  /** Asked before each request; returning true stops the read early (a function's time budget). */
  shouldStop?: () => boolean;
};

export type StoredPortfolioReadSummary = {
  /** False when `shouldStop` ended the read before the last page. */
  complete: boolean;
  read: number;
  /** HubSpot's count of matching companies, from the first response. */
  total: number | null;
  requests: number;
  /** Id windows opened (1 unless the portfolio passed the result cap). */
  windows: number;
};

/** A portal where `kam setup` never ran has no `kam_score`, and HubSpot rejects the filter on it. */
async function searchOrExplain(
  search: CompanySearch,
  request: CompanySearchRequest,
): Promise<CompanySearchPage> {
  try {
    return await search(request);
  } catch (error) {
    const mentionsMissingProperty =
      isKeystoneError(error) && error.code === 'hubspot.validation' && /kam_score/.test(error.message);
    if (!mentionsMissingProperty) throw error;
    throw new KeystoneError(
      'hubspot.not_set_up',
      'this portal has no Keystone properties (kam_score does not exist): run `kam setup`, then `kam sync`',
      { ...error.details },
      { cause: error },
    );
  }
}

/**
 * Reads every scored company's stored values, page by page.
 *
 * @example
 * const rows: CrmObject[] = [];
 * await readStoredPortfolio(gatewayCompanySearch(gateway), { properties: PORTFOLIO_PROPERTIES, onPage: (page) => rows.push(...page) });
 */
export async function readStoredPortfolio(
  search: CompanySearch,
  options: StoredPortfolioReadOptions,
): Promise<StoredPortfolioReadSummary> {
  const pageSize = Math.min(options.pageSize ?? SEARCH_PAGE_LIMIT, SEARCH_PAGE_LIMIT);
  const resultCap = options.resultCap ?? SEARCH_RESULT_CAP;
  if (pageSize < 1 || pageSize > resultCap) {
    throw new RangeError(`portfolio read needs 1 ≤ pageSize ≤ resultCap, got ${pageSize} and ${resultCap}`);
  }
  const scoredOnly = options.scoredOnly ?? true;
  const seen = new Set<string>();
  const summary: StoredPortfolioReadSummary = {
    complete: false,
    read: 0,
    total: null,
    requests: 0,
    windows: 1,
  };
  let cursor: SearchCursor | null = FIRST_CURSOR;
  while (cursor !== null) {
    if (options.shouldStop?.()) return summary;
    const request = searchRequestFor(cursor, { properties: options.properties, pageSize, scoredOnly });
    const page = await searchOrExplain(search, request);
    summary.requests += 1;
    if (summary.total === null) summary.total = page.total;
    // A company edited between windows could come back; each one counts once.
    const fresh = page.results.filter((record) => !seen.has(record.id));
    for (const record of fresh) seen.add(record.id);
    summary.read += fresh.length;
    if (fresh.length > 0) options.onPage(fresh, { read: summary.read, total: summary.total });
    const next = nextSearchCursor(cursor, page, { pageSize, resultCap });
    if (next !== null && next.afterId !== cursor.afterId) summary.windows += 1;
    cursor = next;
  }
  summary.complete = true;
  return summary;
}
