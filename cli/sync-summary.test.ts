import type { SyncResult, SyncSummary } from '../src/engine/sync';
import { formatSyncSummary } from './sync-summary';

function result(overrides: Partial<SyncSummary> = {}, writes: SyncResult['writes'] = []): SyncResult {
  const summary: SyncSummary = {
    runId: 'run-1',
    now: '2026-11-01T00:00:00.000Z',
    modelVersion: 'v3',
    dryRun: false,
    resumed: false,
    companiesRead: 1200,
    companiesScored: 1200,
    companiesChanged: 40,
    propertiesWritten: 310,
    tierChanges: { up: 2, down: 1, new: 0, list: [] },
    unknownCompanyIds: [],
    missingRecords: 0,
    truncated: 0,
    writeFailures: [],
    calls: {
      calls: { 'POST /crm/v3/objects/deals/batch/read': 120, 'GET /crm/v3/objects/companies': 12 },
      totalCalls: 132,
      retries: 0,
      rateLimited: 0,
      safetyMarginMs: 50,
    },
    durationMs: 15_250,
    ...overrides,
  };
  return { summary, scored: [], writes };
}

describe('formatSyncSummary', () => {
  test('a clean run: counts, calls by endpoint (most first) and time', () => {
    const text = formatSyncSummary(result());
    expect(text).toContain('kam sync — model v3, as of 2026-11-01T00:00:00.000Z');
    expect(text).toContain('companies scored:    1,200 (read 1,200)');
    expect(text).toContain('tier changes:        2 up, 1 down, 0 first assignments');
    expect(text).toContain('API calls:           132 (retries 0, 429s absorbed 0)');
    expect(text.indexOf('deals/batch/read')).toBeLessThan(text.indexOf('GET /crm/v3/objects/companies'));
    expect(text).toContain('time:                15.3 s');
  });

  test.each([
    { rateLimited: 0, margin: 50, shown: null },
    { rateLimited: 3, margin: 100, shown: '429s absorbed 3; window margin now 100 ms' },
  ])(
    '$rateLimited 429s absorbed: the margin is named only when refusals moved it',
    ({ rateLimited, margin, shown }) => {
      const base = result().summary.calls;
      const text = formatSyncSummary(
        result({ calls: { ...base, rateLimited, retries: rateLimited, safetyMarginMs: margin } }),
      );
      if (shown === null) expect(text).not.toContain('window margin');
      else expect(text).toContain(shown);
    },
  );

  test('failed writes are listed, never dropped, and a dry run shows what would change without the explanation', () => {
    const failed = formatSyncSummary(
      result({ writeFailures: [{ ids: ['17', '18'], message: 'Property values were not valid' }] }),
    );
    expect(failed).toContain('NOT WRITTEN 17, 18: Property values were not valid');
    const dry = formatSyncSummary(
      result({ dryRun: true }, [{ id: '5', properties: { kam_tier: 'key', kam_explanation: '{"v":2}' } }]),
    );
    expect(dry).toContain('kam sync (dry run, nothing written)');
    expect(dry).toContain('would change:        1 company, 2 properties');
    expect(dry).toContain('  5: kam_tier=key');
    expect(dry).not.toContain('kam_explanation=');
  });
});
