/**
 * The stored-portfolio reader against the emulator, through the real @hubspot/api-client: a
 * portfolio larger than the search API's 10,000-result cap reads completely, at no more than
 * four searches a second, and a portal that answers 429 still reads every company once.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { createGateway } from '../../../src/engine/hubspot/gateway';
import { gatewayCompanySearch, readStoredPortfolio } from '../../../src/engine/hubspot/portfolio-reader';
import { ensureKamProperties } from '../../../src/engine/hubspot/property-setup';
import { PORTFOLIO_PROPERTIES, parsePortfolioRows } from '../../../src/engine/portfolio';

const TOKEN = 'reader-test-token';
const SCORED = 10_450;

function company(index: number, scored: boolean) {
  return {
    id: String(5_000_000 + index * 7),
    properties: {
      name: `Company ${index}`,
      kam_score: scored ? String(index % 100) : null,
      kam_attractiveness: scored ? String((index * 3) % 100) : null,
      kam_strength: scored ? String((index * 7) % 100) : null,
      kam_tier: scored ? (['key', 'important', 'regular'][index % 3] ?? null) : null,
      kam_quadrant: scored ? 'opportunistic' : null,
      kam_won_revenue_12m: scored ? String(1_000 + index) : null,
    },
  };
}

async function portal(options: { searchPerSecond?: number; companies: ReturnType<typeof company>[] }) {
  const emulator = await startEmulator({ token: TOKEN, searchPerSecond: options.searchPerSecond });
  await ensureKamProperties(createGateway({ accessToken: TOKEN, basePath: emulator.url }));
  // shuffled insertion order: the reader must not rely on it
  const companies = [...options.companies].sort(
    (a, b) => (a.id.endsWith('3') ? -1 : 0) - (b.id.endsWith('3') ? -1 : 0),
  );
  emulator.loadSnapshot({ schemaVersion: 1, companies });
  emulator.requestLog.clear();
  return emulator;
}

describe('a portfolio past the 10,000-result search cap', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await portal({
      companies: [
        ...Array.from({ length: SCORED }, (_, index) => company(index, true)),
        ...Array.from({ length: 40 }, (_, index) => company(SCORED + index, false)),
      ],
    });
  });
  afterAll(() => emulator.close());

  test('reads every scored company exactly once in two id windows at ≤ 4 searches a second', async () => {
    const gateway = createGateway({ accessToken: TOKEN, basePath: emulator.url });
    const ids: string[] = [];
    const rows: unknown[] = [];
    const started = Date.now();
    const summary = await readStoredPortfolio(gatewayCompanySearch(gateway), {
      properties: PORTFOLIO_PROPERTIES,
      onPage: (records) => {
        ids.push(...records.map((record) => record.id));
        rows.push(...records);
      },
    });
    const elapsedMs = Date.now() - started;

    expect(summary).toEqual({ complete: true, read: SCORED, total: SCORED, requests: 53, windows: 2 });
    expect(new Set(ids).size).toBe(SCORED);
    expect(parsePortfolioRows(rows)).toMatchObject({ rejectedRows: 0, unscoredIds: [], fieldIssues: [] });
    expect(emulator.requestLog.counts()).toEqual({ 'POST /crm/v3/objects/{objectType}/search': 53 });
    expect(gateway.getStats()).toMatchObject({ rateLimited: 0, retries: 0 });
    // 53 searches at 4 per rolling second cannot finish in under ~12 s
    expect(elapsedMs).toBeGreaterThanOrEqual(12_000);
  });
});

test('a portal whose search limit is stricter than ours answers 429, and the read still completes', async () => {
  const emulator = await portal({
    searchPerSecond: 2,
    companies: Array.from({ length: 1_500 }, (_, index) => company(index, true)),
  });
  try {
    const gateway = createGateway({ accessToken: TOKEN, basePath: emulator.url });
    const ids = new Set<string>();
    const summary = await readStoredPortfolio(gatewayCompanySearch(gateway), {
      properties: ['kam_score'],
      onPage: (records) => records.forEach((record) => ids.add(record.id)),
    });
    expect(summary).toMatchObject({ complete: true, read: 1_500 });
    expect(ids.size).toBe(1_500);
    expect(gateway.getStats().rateLimited).toBeGreaterThan(0);
  } finally {
    await emulator.close();
  }
});
