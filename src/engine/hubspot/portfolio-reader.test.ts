import { KeystoneError } from '../errors';
import type { CrmObject } from './gateway';
import {
  FIRST_CURSOR,
  nextSearchCursor,
  readStoredPortfolio,
  searchRequestFor,
  type CompanySearch,
  type CompanySearchRequest,
} from './portfolio-reader';

/**
 * A fake of HubSpot's company search with the behaviour the partitioning relies on: filters,
 * ascending `hs_object_id` sort, an offset cursor, a result cap past which paging is a 400, and
 * no `paging.next` at the cap (HubSpot stops offering one there).
 */
function fakeSearch(
  companies: CrmObject[],
  resultCap: number,
): CompanySearch & { requests: CompanySearchRequest[] } {
  const requests: CompanySearchRequest[] = [];
  const search = async (request: CompanySearchRequest) => {
    requests.push(request);
    const offset = Number(request.after ?? 0);
    if (offset + request.limit > resultCap)
      throw Object.assign(new Error('400 paging past the cap'), { code: 400 });
    const filters = request.filterGroups.flatMap((group) => group.filters);
    const matching = companies
      .filter((company) =>
        filters.every((filter) => {
          if (filter.operator === 'HAS_PROPERTY') return Boolean(company.properties[filter.propertyName]);
          if (filter.operator === 'GT') return Number(company.id) > Number(filter.value);
          throw new Error(`fake search has no ${filter.operator}`);
        }),
      )
      .sort((a, b) => Number(a.id) - Number(b.id));
    const results = matching.slice(offset, offset + request.limit);
    const next = offset + request.limit;
    return {
      total: matching.length,
      results,
      after: next < matching.length && next < resultCap ? String(next) : undefined,
    };
  };
  return Object.assign(search, { requests });
}

const company = (id: number, scored = true): CrmObject => ({
  id: String(id),
  properties: { name: `Company ${id}`, kam_score: scored ? '50' : null },
});

describe('partitioning past the search result cap', () => {
  test('reads a portfolio larger than the cap completely, each company once, in id windows', async () => {
    // ids with gaps and not in insertion order, like a real portal
    const companies = Array.from({ length: 2_345 }, (_, index) => company(7 + index * 3)).reverse();
    const search = fakeSearch(companies, 500);
    const ids: string[] = [];
    const summary = await readStoredPortfolio(search, {
      properties: ['name', 'kam_score'],
      pageSize: 100,
      resultCap: 500,
      onPage: (page) => ids.push(...page.map((record) => record.id)),
    });
    expect(summary).toMatchObject({ complete: true, read: 2_345, total: 2_345, windows: 5 });
    expect(new Set(ids).size).toBe(2_345);
    expect(ids).toEqual([...ids].sort((a, b) => Number(a) - Number(b)));
    // never asked HubSpot to page past its cap
    for (const request of search.requests)
      expect(Number(request.after ?? 0) + request.limit).toBeLessThanOrEqual(500);
  });

  test('skips companies Keystone never scored unless asked for all', async () => {
    const companies = [company(1), company(2, false), company(3)];
    const scored: string[] = [];
    await readStoredPortfolio(fakeSearch(companies, 10_000), {
      properties: [],
      onPage: (page) => scored.push(...page.map((r) => r.id)),
    });
    expect(scored).toEqual(['1', '3']);
    const all: string[] = [];
    await readStoredPortfolio(fakeSearch(companies, 10_000), {
      properties: [],
      scoredOnly: false,
      onPage: (page) => all.push(...page.map((r) => r.id)),
    });
    expect(all).toEqual(['1', '2', '3']);
  });

  test('stops early when asked and says the read is incomplete', async () => {
    const companies = Array.from({ length: 1_000 }, (_, index) => company(index + 1));
    let pages = 0;
    const summary = await readStoredPortfolio(fakeSearch(companies, 10_000), {
      properties: [],
      onPage: () => (pages += 1),
      shouldStop: () => pages >= 2,
    });
    expect(summary).toMatchObject({ complete: false, read: 400, total: 1_000, requests: 2 });
  });

  test('a portal without the Keystone properties is told to run kam setup', async () => {
    const search: CompanySearch = async () => {
      throw new KeystoneError(
        'hubspot.validation',
        'POST /crm/v3/objects/companies/search: HTTP 400: property kam_score does not exist',
      );
    };
    await expect(
      readStoredPortfolio(search, { properties: [], onPage: () => undefined }),
    ).rejects.toMatchObject({
      code: 'hubspot.not_set_up',
      message: expect.stringContaining('run `kam setup`'),
    });
  });

  test('an empty portal takes one request', async () => {
    const summary = await readStoredPortfolio(fakeSearch([], 10_000), {
      properties: [],
      onPage: () => undefined,
    });
    expect(summary).toEqual({ complete: true, read: 0, total: 0, requests: 1, windows: 1 });
  });
});

describe('nextSearchCursor', () => {
  const page = (ids: number[], after: string | undefined, total: number) => ({
    total,
    after,
    results: ids.map((id) => company(id)),
  });
  const limits = { pageSize: 2, resultCap: 6 };

  test.each([
    [
      'continues the window while a full page fits under the cap',
      FIRST_CURSOR,
      page([1, 2], '2', 9),
      { afterId: null, after: '2', readInWindow: 2 },
    ],
    [
      'opens the next window after the last id when the cap is near',
      { afterId: null, after: '4', readInWindow: 4 },
      page([5, 6], '6', 9),
      { afterId: '6', after: undefined, readInWindow: 0 },
    ],
    [
      'opens the next window when HubSpot gives no cursor but the total says more',
      { afterId: '6', after: '2', readInWindow: 2 },
      page([9, 10], undefined, 7),
      { afterId: '10', after: undefined, readInWindow: 0 },
    ],
    [
      'stops when the window is read',
      { afterId: '6', after: undefined, readInWindow: 0 },
      page([7], undefined, 1),
      null,
    ],
    ['stops on an empty page', FIRST_CURSOR, page([], '2', 5), null],
  ])('%s', (_label, cursor, current, expected) => {
    expect(nextSearchCursor(cursor, current, limits)).toEqual(expected);
  });

  test('the request filters on the window and sorts by id ascending', () => {
    expect(
      searchRequestFor(
        { afterId: '6', after: '2', readInWindow: 2 },
        { properties: ['kam_tier'], pageSize: 200, scoredOnly: true },
      ),
    ).toEqual({
      filterGroups: [
        {
          filters: [
            { propertyName: 'kam_score', operator: 'HAS_PROPERTY' },
            { propertyName: 'hs_object_id', operator: 'GT', value: '6' },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: ['kam_tier'],
      limit: 200,
      after: '2',
    });
  });
});
