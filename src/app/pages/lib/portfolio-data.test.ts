import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPortfolioPage } from '../../../engine/portfolio';
import { createRow } from '../../../engine/portfolio/test-utils/rows';
import type { PortfolioPageData, PortfolioPageView } from '@keystone/shared';
import { readPortfolioAnswer } from './portfolio-data';
import { PORTFOLIO_FUNCTION_UID } from './portfolio-function';

// Compile-time: whatever the engine sends must fit what the page reads.
const fits = (data: PortfolioPageData): PortfolioPageView => data;

test('a real answer of the portfolio function passes the page’s reader unchanged', async () => {
  const rows = [createRow({ id: '1', kam_tier: 'key' }), createRow({ id: '2' })];
  const answer = await loadPortfolioPage({
    search: async () => ({
      total: rows.length,
      after: undefined,
      results: rows.map((row) => ({
        id: row.id,
        properties: row.properties as Record<string, string | null>,
      })),
    }),
    parameters: { listLimit: 10 },
    now: () => new Date('2026-03-15T00:00:00Z'),
  });
  if (!answer.ok) throw new Error(answer.error.message);
  const read = readPortfolioAnswer(JSON.parse(JSON.stringify(answer)));
  expect(read).toEqual({ ok: true, data: fits(answer.data) });
});

test.each([
  [
    'a legacy runner envelope',
    { status: 'SUCCESS', response: { ok: false, error: { code: 'x', message: 'y' } } },
    { ok: false, error: { code: 'x', message: 'y' } },
  ],
  [
    'a function error',
    { ok: false, error: { code: 'auth.unauthorized', message: 'HTTP 401' } },
    { ok: false, error: { code: 'auth.unauthorized', message: 'HTTP 401' } },
  ],
  [
    'nothing',
    undefined,
    { ok: false, error: expect.objectContaining({ code: 'function.unexpected_response' }) },
  ],
  [
    'a newer data version',
    { ok: true, data: { v: 2 } },
    { ok: false, error: expect.objectContaining({ code: 'function.unexpected_response' }) },
  ],
])('reads %s as a value, never a throw', (_label, raw, expected) => {
  expect(readPortfolioAnswer(raw)).toEqual(expected);
});

test('the page calls the function by the uid its hsmeta declares', () => {
  const meta = JSON.parse(
    readFileSync(join(__dirname, '../../functions/portfolio-analysis-hsmeta.json'), 'utf8'),
  ) as { uid: string };
  expect(PORTFOLIO_FUNCTION_UID).toBe(meta.uid);
});
