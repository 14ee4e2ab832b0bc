import { useEmulator } from '../../../../tests/support/emulator';
import { createGateway, ensureKamProperties } from '../../../engine/hubspot';
import { createRow } from '../../../engine/portfolio/test-utils/rows';
import { portfolioAnalysis } from './portfolio-analysis';

const TOKEN = 'function-test-token';
const NOW = new Date('2026-03-15T00:00:00Z');
const portal = useEmulator({ token: TOKEN }, { resetEachTest: false });

beforeEach(async () => {
  portal.emulator.reset();
  await ensureKamProperties(createGateway({ accessToken: TOKEN, basePath: portal.emulator.url }));
  portal.emulator.requestLog.clear();
});

const run = (
  parameters: unknown,
  env: Record<string, string | undefined> = { PRIVATE_APP_ACCESS_TOKEN: TOKEN },
) => portfolioAnalysis({ parameters }, { env, basePath: portal.emulator.url, now: () => NOW });

function loadCompanies(rows: ReturnType<typeof createRow>[]) {
  portal.emulator.loadSnapshot({
    schemaVersion: 1,
    companies: rows.map((row) => ({
      id: row.id,
      properties: Object.fromEntries(
        Object.entries(row.properties).map(([name, value]) => [name, value ?? null]),
      ),
    })),
  });
}

test('answers the page from the stored values of every scored company', async () => {
  loadCompanies([
    createRow({
      id: '101',
      kam_tier: 'key',
      kam_quadrant: 'key_account',
      kam_risk_level: 'critical',
      kam_risk_reasons: 'Ticket burst',
    }),
    createRow({ id: '102', kam_tier: 'key', kam_quadrant: 'key_account' }),
    createRow({ id: '103', kam_tier: 'regular', kam_quadrant: 'opportunistic' }),
    // never scored: not read at all
    createRow({ id: '104', kam_score: null, kam_tier: null }),
  ]);
  const answer = await run({ moversSince: '2026-01-01', listLimit: 5 });
  expect(answer.ok).toBe(true);
  if (!answer.ok) return;
  expect(answer.data.readStatus).toEqual({ complete: true, read: 3, total: 3 });
  expect(answer.data.kaism.counts).toEqual({
    key_account: 2,
    key_development: 0,
    maintenance: 0,
    opportunistic: 1,
  });
  expect(answer.data.atRisk.accounts.map((account) => [account.id, account.signals])).toEqual([
    ['101', ['Ticket burst']],
  ]);
  expect(answer.data.movers.since).toBe('2026-01-01T00:00:00.000Z');
  expect(portal.emulator.requestLog.counts()).toEqual({ 'POST /crm/v3/objects/{objectType}/search': 1 });
});

test.each([
  ['no access token', undefined, 'auth.missing_token'],
  ['a token HubSpot rejects', 'not-the-token', 'auth.unauthorized'],
])('answers an error value, never a throw, with %s', async (_label, token, code) => {
  const answer = await run({}, { PRIVATE_APP_ACCESS_TOKEN: token });
  expect(answer).toMatchObject({ ok: false, error: { code } });
});

test('names the fields of invalid parameters', async () => {
  const answer = await run({ listLimit: 1_000, moversSince: 'soon' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  if (!answer.ok)
    expect(answer.error.issues?.map((issue) => issue.path).sort()).toEqual(['listLimit', 'moversSince']);
});

test('tells the page to run kam setup in a portal without the Keystone properties', async () => {
  portal.emulator.reset();
  const answer = await run({});
  expect(answer).toMatchObject({ ok: false, error: { code: 'hubspot.not_set_up' } });
});

test('like every other function, reaches the API named by HUBSPOT_BASE_URL when no base path is given', async () => {
  loadCompanies([createRow({ id: '1' })]);
  const response = await portfolioAnalysis(
    { parameters: {} },
    { env: { PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: portal.emulator.url }, now: () => NOW },
  );
  expect(response.ok).toBe(true);
  expect(portal.emulator.requestLog.total()).toBeGreaterThan(0);
});
