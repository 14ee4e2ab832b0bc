/**
 * Incremental nightly run benchmark (issue #18, item 6): on a 10k-company portal, `kam serve`'s
 * full run, then 1% of the companies touched (their own record, a deal, a meeting or a contact),
 * then its incremental run. Prints both runs' API calls and the ratio (target ≤ 5%), and checks
 * that every touched company ends exactly as a complete rescoring with the same portfolio
 * references and scoring time would leave it (a dry run of that rescoring plans no write).
 * Run: `npm run bench:incremental [-- --companies 10000 --touched 0.01]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tuneHeapForPortfolios } from '../cli/heap-tuning';
import { createGateway, type CrmGateway } from '../src/engine/hubspot/gateway';
import { ensureKamProperties } from '../src/engine/hubspot/property-setup';
import { silentLogger } from '../src/engine/incremental';
import { DEFAULT_SCORING_MODEL } from '../src/engine/settings';
import { Metrics } from '../src/engine/service/metrics';
import { PortfolioRunner, type RunResult } from '../src/engine/service/portfolio-runner';
import { createPortfolioScorer } from '../src/engine/sync/portfolio-scorer';
import { runSync } from '../src/engine/sync/sync-run';
import { portalInWorker, type WorkerPortal } from './worker-portal';

tuneHeapForPortfolios();

const TOKEN = 'bench-token';
const NOW = new Date('2026-11-01T00:00:00.000Z');
const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const COMPANIES = Number(arg('--companies', '10000'));
const TOUCHED_SHARE = Number(arg('--touched', '0.01'));
const TOUCHES = ['company', 'deal', 'meeting', 'contact'] as const;

const line = (text = '') => process.stdout.write(`${text}\n`);

async function loadedPortal(): Promise<WorkerPortal> {
  const portal = await portalInWorker({
    token: TOKEN,
    companies: COMPANIES,
    seed: 2026,
    now: NOW,
    // call counts are the measure here, not pacing: the portal's limit is out of the way
    perTenSeconds: 1_000_000,
  });
  await ensureKamProperties(createGateway({ accessToken: TOKEN, basePath: portal.url }));
  await portal.load();
  return portal;
}

/** A small deterministic generator (the touch set is the same every run). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function allCompanyIds(gateway: CrmGateway): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await gateway.listPage('companies', [], after);
    ids.push(...page.results.map((company) => company.id));
    after = page.after;
  } while (after);
  return ids;
}

async function main(): Promise<void> {
  line(`incremental run benchmark: ${COMPANIES} companies, ${TOUCHED_SHARE * 100}% touched`);
  const portal = await loadedPortal();
  const gateway = () =>
    createGateway({ accessToken: TOKEN, basePath: portal.url, requestsPerTenSeconds: 100_000 });
  const runner = new PortfolioRunner({
    createGateway: gateway,
    stateDir: mkdtempSync(join(tmpdir(), 'kam-bench-incremental-')),
    target: 'bench',
    now: () => new Date(),
    logger: silentLogger,
    metrics: new Metrics(),
    signal: new AbortController().signal,
  });
  const run = async (kind: 'full' | 'incremental') => {
    const started = Date.now();
    const result = (await runner.request(kind, 'bench')) as RunResult;
    if (result.outcome !== 'succeeded') throw new Error(`${kind} run ${result.outcome}: ${result.error}`);
    return { summary: result.summary, seconds: (Date.now() - started) / 1000 };
  };

  const full = await run('full');
  await new Promise((resolve) => setTimeout(resolve, 20));

  const touchGateway = gateway();
  const ids = await allCompanyIds(touchGateway);
  const random = lcg(18);
  const chosen = new Set<string>();
  while (chosen.size < Math.max(1, Math.round(ids.length * TOUCHED_SHARE)))
    chosen.add(ids[Math.floor(random() * ids.length)] as string);
  // a company without a deal, meeting or contact to touch stays untouched (and is still checked)
  const byKind: Record<string, number> = {};
  for (const [index, companyId] of [...chosen].entries()) {
    const how = TOUCHES[index % TOUCHES.length] as (typeof TOUCHES)[number];
    if (how === 'company') {
      await touchGateway.batchUpdate('companies', [
        { id: companyId, properties: { annualrevenue: String(2_000_000 + index) } },
      ]);
    } else {
      const type = how === 'deal' ? 'deals' : how === 'meeting' ? 'meetings' : 'contacts';
      const [recordId] =
        (await touchGateway.batchReadAssociations('companies', type, [companyId])).get(companyId) ?? [];
      if (!recordId) continue;
      const properties: Record<string, string> =
        how === 'deal'
          ? { amount: String(75_000 + index) }
          : how === 'meeting'
            ? { hs_meeting_title: `touched ${index}` }
            : { jobtitle: 'Chief Executive Officer' };
      await touchGateway.batchUpdate(type, [{ id: recordId, properties }]);
    }
    byKind[how] = (byKind[how] ?? 0) + 1;
  }

  const incremental = await run('incremental');
  const fullCalls = full.summary.calls.totalCalls;
  const incrementalCalls = incremental.summary.calls.totalCalls;
  line(
    `touched: ${Object.values(byKind).reduce((a, b) => a + b, 0)} of ${chosen.size} chosen companies (${Object.entries(
      byKind,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
  );
  line(
    `full run:        ${fullCalls} API calls, ${full.summary.companiesRead} companies read, ${full.seconds.toFixed(1)} s`,
  );
  line(
    `incremental run: ${incrementalCalls} API calls, ${incremental.summary.companiesRead} companies read, ` +
      `${incremental.summary.companiesChanged} changed, ${incremental.seconds.toFixed(1)} s`,
  );
  line(`ratio: ${((incrementalCalls / fullCalls) * 100).toFixed(2)}% of the full run's calls (target ≤ 5%)`);
  line(`calls by endpoint (incremental): ${JSON.stringify(incremental.summary.calls.calls)}`);

  // every touched company as a complete rescoring with the same references and time leaves it
  const check = await runSync({
    gateway: gateway(),
    scorer: createPortfolioScorer(DEFAULT_SCORING_MODEL),
    modelVersion: DEFAULT_SCORING_MODEL.version,
    now: new Date(incremental.summary.now),
    scope: { kind: 'ids', ids: [...chosen] },
    target: 'bench-check',
    dryRun: true,
  });
  line(
    `equality check: a complete rescoring of the ${chosen.size} touched companies would write ${check.writes.length} (expected 0)`,
  );
  await portal.close();
  if (check.writes.length > 0 || incrementalCalls > fullCalls * 0.05) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
