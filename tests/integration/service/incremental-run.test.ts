/**
 * `kam serve`'s nightly incremental run, against the emulator: after a full run, touch a random
 * set of companies through their own record, a deal, a meeting or a contact; the incremental run
 * reads those companies (not the ones the full run wrote), and each ends exactly as a complete
 * rescoring with the same portfolio references and scoring time would leave it (a dry run of that
 * rescoring plans no write). Property test over random touch sets (fixed seed).
 */
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import type { CrmGateway } from '../../../src/engine/hubspot/gateway';
import { silentLogger } from '../../../src/engine/incremental';
import { Metrics } from '../../../src/engine/service/metrics';
import { PortfolioRunner, type RunResult } from '../../../src/engine/service/portfolio-runner';
import { fillPortal, gatewayFor, outputsOf, portalWithPortfolio, sync } from '../../support/portal';

const COMPANIES = 30;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
afterAll(() => emulator.close());

const TOUCHES = ['company', 'deal', 'meeting', 'contact'] as const;
type Touch = (typeof TOUCHES)[number];

/** Changes one input of the company through the given record; `false` when it has no such record. */
async function touch(gateway: CrmGateway, companyId: string, how: Touch, salt: number): Promise<boolean> {
  if (how === 'company') {
    await gateway.batchUpdate('companies', [
      { id: companyId, properties: { annualrevenue: String(1_000_000 + salt) } },
    ]);
    return true;
  }
  const type = how === 'deal' ? 'deals' : how === 'meeting' ? 'meetings' : 'contacts';
  const [recordId] =
    (await gateway.batchReadAssociations('companies', type, [companyId])).get(companyId) ?? [];
  if (!recordId) return false;
  const properties: Record<string, string> =
    how === 'deal'
      ? { amount: String(50_000 + salt) }
      : how === 'meeting'
        ? { hs_meeting_title: `touched ${salt}` }
        : { jobtitle: salt % 2 === 0 ? 'Chief Executive Officer' : 'Procurement Manager' };
  await gateway.batchUpdate(type, [{ id: recordId, properties }]);
  return true;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test('an incremental run rescores exactly what changed, as a complete rescoring with the same references would', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.record({ index: fc.nat(COMPANIES - 1), how: fc.constantFrom(...TOUCHES) }), {
        minLength: 1,
        maxLength: 5,
        selector: (t) => t.index,
      }),
      async (touches) => {
        await fillPortal(emulator, COMPANIES);
        const gateway = gatewayFor(emulator);
        const runner = new PortfolioRunner({
          createGateway: () => gatewayFor(emulator),
          stateDir: mkdtempSync(join(tmpdir(), 'kam-incremental-')),
          target: 'test',
          now: () => new Date(),
          logger: silentLogger,
          metrics: new Metrics(),
          signal: new AbortController().signal,
        });
        const full = (await runner.request('full', 'test')) as RunResult;
        expect(full.outcome).toBe('succeeded');
        await tick(); // the touches land strictly after the full run ended

        const ids = Object.keys(await outputsOf(emulator)).sort();
        const touched: string[] = [];
        for (const [salt, { index, how }] of touches.entries()) {
          const companyId = ids[index] as string;
          if (await touch(gateway, companyId, how, salt)) touched.push(companyId);
        }
        const incremental = (await runner.request('incremental', 'test')) as RunResult;
        expect(incremental.outcome).toBe('succeeded');
        if (incremental.outcome !== 'succeeded') return;
        // only the touched companies, and the other companies of a touched deal, meeting or contact
        expect(incremental.summary.companiesRead).toBeGreaterThanOrEqual(new Set(touched).size);
        expect(incremental.summary.companiesRead).toBeLessThanOrEqual(touched.length * 3);
        if (touched.length === 0) return;

        const check = await sync(gatewayFor(emulator), {
          scope: { kind: 'ids', ids: [...new Set(touched)] },
          now: new Date(incremental.summary.now),
          dryRun: true,
        });
        expect(check.writes).toEqual([]);
      },
    ),
    { numRuns: 6 },
  );
}, 120_000);
