import { KeystoneError } from '../errors';
import type { CompanySearch } from '../hubspot/portfolio-reader';
import { loadPortfolioPage } from './load-portfolio-page';
import { createRow } from './test-utils/rows';

const now = () => new Date('2026-03-15T00:00:00Z');

/** Serves the rows in pages of the requested size, like HubSpot's offset cursor. */
const searchOver =
  (rows: ReturnType<typeof createRow>[]): CompanySearch =>
  async (request) => {
    const offset = Number(request.after ?? 0);
    const results = rows.slice(offset, offset + request.limit).map((row) => ({
      id: row.id,
      properties: Object.fromEntries(
        Object.entries(row.properties).map(([key, value]) => [key, value ?? null]),
      ),
    }));
    const next = offset + request.limit;
    return { total: rows.length, results, after: next < rows.length ? String(next) : undefined };
  };

test('answers the page with counts over every company and lists cut to the limit', async () => {
  const rows = Array.from({ length: 450 }, (_, index) =>
    createRow({ id: String(index + 1), kam_quadrant: 'key_account' }),
  );
  const answer = await loadPortfolioPage({ search: searchOver(rows), parameters: { listLimit: 10 }, now });
  expect(answer.ok).toBe(true);
  if (!answer.ok) return;
  expect(answer.data.readStatus).toEqual({ complete: true, read: 450, total: 450 });
  expect(answer.data.kaism.counts.key_account).toBe(450);
  expect(answer.data.kaism.lists.key_account).toHaveLength(10);
  expect(JSON.stringify(answer.data).length).toBeLessThan(20_000);
});

test('says the figures are partial when the deadline stops the read', async () => {
  const rows = Array.from({ length: 1_000 }, (_, index) => createRow({ id: String(index + 1) }));
  let clock = 0;
  const answer = await loadPortfolioPage({
    search: async (request) => {
      clock += 1;
      return searchOver(rows)(request);
    },
    parameters: {},
    now: () => new Date(Date.parse('2026-03-15T00:00:00Z') + clock * 1_000),
    deadlineMs: Date.parse('2026-03-15T00:00:00Z') + 2_000,
  });
  expect(answer.ok && answer.data.readStatus).toEqual({ complete: false, read: 400, total: 1_000 });
});

test('reports invalid parameters with their field paths', async () => {
  const answer = await loadPortfolioPage({
    search: searchOver([]),
    parameters: { listLimit: 0, declineThreshold: 'high' },
    now,
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  if (!answer.ok)
    expect(answer.error.issues?.map((issue) => issue.path).sort()).toEqual(['declineThreshold', 'listLimit']);
});

test('turns an adapter failure into an error answer with its code', async () => {
  const answer = await loadPortfolioPage({
    search: async () => {
      throw new KeystoneError('auth.unauthorized', 'POST /crm/v3/objects/companies/search: HTTP 401');
    },
    parameters: {},
    now,
  });
  expect(answer).toEqual({
    ok: false,
    error: { code: 'auth.unauthorized', message: 'POST /crm/v3/objects/companies/search: HTTP 401' },
  });
});
