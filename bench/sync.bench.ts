/**
 * Sync benchmark (issue #4): API calls per endpoint against the lower bound, and wall time
 * against the rate-limit bound, for a first sync of 1k and 10k companies on the emulator with
 * 100 ms injected latency and HubSpot's 190 requests / 10 s; then the same figures for a naive
 * one-call-per-record client. Run: `npm run bench:sync [-- --sizes 1000,10000]`.
 */
import { Client } from '@hubspot/api-client';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tuneHeapForPortfolios } from '../cli/heap-tuning';
import { startEmulator } from '../emulator';
import { generatePortfolio } from '../emulator/generator';
import { ensureAccountPlanSchema } from '../src/engine/hubspot/account-plan-store';
import { createGateway, type CrmGateway } from '../src/engine/hubspot/gateway';
import { ensureKamProperties } from '../src/engine/hubspot/property-setup';
import { DEFAULT_SCORING_MODEL } from '../src/engine/settings';
import { createPortfolioScorer } from '../src/engine/sync/portfolio-scorer';
import { COMPANY_READ_PROPERTIES } from '../src/engine/sync/read-portfolio';
import { FileCheckpoint } from '../src/engine/sync/checkpoint';
import { runSync } from '../src/engine/sync/sync-run';
import { dependentBound, minimalSyncCalls, rateBound as rateBoundOf } from './rate-bounds';
import { portalInWorker } from './worker-portal';

// as `kam` runs (cli/heap-tuning.ts)
tuneHeapForPortfolios();

const TOKEN = 'bench-token';
const LATENCY_MS = 100;
const PORTAL_LIMIT_PER_10S = 190;
const NOW = new Date('2026-11-01T00:00:00.000Z');
const TYPES = ['deals', 'tickets', 'meetings', 'contacts'] as const;
/** Every tenth company has an account plan, with one earlier version (two plan records each). */
const PLAN_EVERY = 10;
const PLAN_JSON = JSON.stringify({
  ownerUserId: '',
  clientGoals: 'Secure supply for the next line.',
  goals: [
    {
      id: 'revenue',
      title: 'Grow won revenue',
      clientGoal: '',
      setOn: '2026-09-01',
      deadline: '2027-08-31',
      target: { metric: 'won_revenue_12m', atLeast: 100_000 },
    },
  ],
  strategy: { product: '', price: '', promotion: '', place: '' },
  resources: '',
  tactics: '',
  opportunities: [],
  lastReviewedOn: '2026-09-01',
  nextReviewOn: '2026-12-01',
});

/** Plans as the store saves them (`kam_account_plan` records), created 100 per call before the run. */
async function seedPlans(gateway: CrmGateway, companyIds: readonly string[]): Promise<number> {
  const { objectTypeId } = await ensureAccountPlanSchema(gateway);
  const inputs = companyIds.flatMap((companyId) =>
    ['v1', 'v2'].map((version) => ({
      properties: {
        company_id: companyId,
        version,
        plan_json: PLAN_JSON,
        saved_by_user_id: '1',
        saved_by_email: 'kam@example.com',
        saved_at: version === 'v1' ? '2026-06-01T00:00:00.000Z' : '2026-09-01T00:00:00.000Z',
        note: '',
        is_current: String(version === 'v2'),
        next_review_on: '2026-12-01',
      },
    })),
  );
  for (let start = 0; start < inputs.length; start += 100) {
    await gateway.client.crm.objects.batchApi.create(objectTypeId, {
      inputs: inputs.slice(start, start + 100),
    });
  }
  return inputs.length;
}

const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? (process.argv[sizesArg + 1] ?? '') : '1000,10000').split(',').map(Number);

function line(text = ''): void {
  process.stdout.write(`${text}\n`);
}

const WINDOW = { maxCalls: PORTAL_LIMIT_PER_10S, windowMs: 10_000, latencyMs: LATENCY_MS };
const rateBound = (calls: number) => rateBoundOf(calls, WINDOW);

async function admin(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status === 204 ? null : response.json();
}

async function benchOne(companies: number): Promise<void> {
  const { snapshot } = generatePortfolio({ companies, seed: 2026, now: NOW });
  const unique = Object.fromEntries(
    TYPES.map((type) => [type, new Set(snapshot.companies.flatMap((c) => c[type].map((r) => r.id))).size]),
  ) as Record<(typeof TYPES)[number], number>;

  const emulator = await portalInWorker({
    token: TOKEN,
    companies,
    seed: 2026,
    now: NOW,
    perTenSeconds: PORTAL_LIMIT_PER_10S,
  });
  const setupGateway = createGateway({ accessToken: TOKEN, basePath: emulator.url });
  await ensureKamProperties(setupGateway);
  await emulator.load();
  const plannedCompanies = snapshot.companies.filter((_, index) => index % PLAN_EVERY === 0).map((c) => c.id);
  const planRecords = await seedPlans(setupGateway, plannedCompanies);
  await admin(emulator.url, 'PUT', '/__emulator/latency', { ms: LATENCY_MS });
  await admin(emulator.url, 'DELETE', '/__emulator/requests');
  // A fresh window: setup's calls must not count against the run.
  await new Promise((resolve) => setTimeout(resolve, 10_500));

  const retryReasons: Record<string, number> = {};
  const gateway = createGateway({
    accessToken: TOKEN,
    basePath: emulator.url,
    onRetry: (event) => {
      retryReasons[event.reason] = (retryReasons[event.reason] ?? 0) + 1;
    },
  });
  const journal = new FileCheckpoint(join(checkpointDir, `sync-${companies}.jsonl`));
  const started = Date.now();
  const phaseAt: Record<string, number> = {};
  const { summary } = await runSync({
    onProgress: (event) => {
      phaseAt[event.phase] ??= (Date.now() - started) / 1000;
    },
    gateway,
    scorer: createPortfolioScorer(DEFAULT_SCORING_MODEL),
    modelVersion: DEFAULT_SCORING_MODEL.version,
    now: NOW,
    scope: { kind: 'all' },
    target: 'bench',
    // journaled like `kam sync`, so a kill could be resumed: its cost is part of the run
    checkpoint: journal,
  });
  const seconds = (Date.now() - started) / 1000;
  const journalBytes = journal.bytesWritten;
  const finishedJournalBytes = statSync(journal.path).size;

  const bound = {
    'company reads': Math.ceil(companies / 100),
    'association reads': TYPES.length * Math.ceil(companies / 1000),
    'record reads': TYPES.reduce((sum, type) => sum + Math.ceil(unique[type] / 100), 0),
    writes: Math.ceil(summary.companiesChanged / 100),
    // the plan object's type, one listing of every plan record, one batch read of the current ones
    'plan reads': 1 + Math.ceil(planRecords / 100) + Math.ceil(plannedCompanies.length / 100),
  };
  const boundTotal = Object.values(bound).reduce((a, b) => a + b, 0);
  const calls = summary.calls.calls;
  const ours = {
    'company reads': calls['GET /crm/v3/objects/companies'] ?? 0,
    'association reads': TYPES.reduce(
      (s, t) => s + (calls[`POST /crm/v4/associations/companies/${t}/batch/read`] ?? 0),
      0,
    ),
    'record reads': TYPES.reduce((s, t) => s + (calls[`POST /crm/v3/objects/${t}/batch/read`] ?? 0), 0),
    writes: calls['POST /crm/v3/objects/companies/batch/update'] ?? 0,
    'plan reads': Object.entries(calls)
      .filter(
        ([endpoint]) =>
          endpoint === 'GET /crm/v3/schemas' ||
          endpoint.includes('kam_account_plan') ||
          /objects\/2-\d+/.test(endpoint),
      )
      .reduce((sum, [, count]) => sum + count, 0),
  };

  line(
    `\n== ${companies.toLocaleString('en-US')} companies (${Object.entries(unique)
      .map(([t, n]) => `${n} ${t}`)
      .join(
        ', ',
      )}, ${plannedCompanies.length} plans in ${planRecords} plan records), latency ${LATENCY_MS} ms, limit ${PORTAL_LIMIT_PER_10S}/10 s`,
  );
  line(`  ${'calls'.padEnd(20)} ${'keystone'.padStart(9)} ${'bound'.padStart(9)} ${'ratio'.padStart(7)}`);
  for (const key of Object.keys(bound) as (keyof typeof bound)[]) {
    line(
      `  ${key.padEnd(20)} ${String(ours[key]).padStart(9)} ${String(bound[key]).padStart(9)} ${(ours[key] / Math.max(1, bound[key])).toFixed(3).padStart(7)}`,
    );
  }
  line(
    `  ${'total'.padEnd(20)} ${String(summary.calls.totalCalls).padStart(9)} ${String(boundTotal).padStart(9)} ${(summary.calls.totalCalls / boundTotal).toFixed(3).padStart(7)}`,
  );
  const boundSeconds = rateBound(boundTotal);
  const dependentSeconds = dependentBound(
    minimalSyncCalls({
      companies,
      associatedTypes: TYPES.length,
      recordReads: bound['record reads'],
      writes: bound.writes,
    }),
    WINDOW,
  );
  line(
    `  wall time ${seconds.toFixed(1)} s; rate-limit bound for the minimal calls ${boundSeconds.toFixed(1)} s → ratio ${(seconds / Math.max(boundSeconds, 0.001)).toFixed(3)}`,
  );
  line(
    `  with the reads' order kept (pages one after another, then associations, records, writes; no server time): ${dependentSeconds.toFixed(1)} s → ratio ${(seconds / Math.max(dependentSeconds, 0.001)).toFixed(3)}`,
  );
  line(
    `  phases: reading until ${phaseAt.score?.toFixed(1)} s, scoring until ${phaseAt.write?.toFixed(1) ?? '-'} s (first write landed), done at ${seconds.toFixed(1)} s`,
  );
  line(
    `  journal (for --resume) ${(journalBytes / 1e6).toFixed(1)} MB written, ${(finishedJournalBytes / 1e3).toFixed(1)} KB kept once finished`,
  );
  line(
    `  429s seen ${summary.calls.rateLimited} (all absorbed: the run completed), retries ${summary.calls.retries}, window margin at the end ${summary.calls.safetyMarginMs} ms`,
  );
  line(
    `  properties written ${summary.propertiesWritten.toLocaleString('en-US')} on ${summary.companiesChanged} companies`,
  );

  // The naive client: one call per record, measured on a sample, projected at the rate limit.
  await emulator.close();
  const sample = snapshot.companies.slice(0, Math.min(100, companies));
  // Counted on a portal without limits or latency: only the number of calls is measured here.
  const naivePortal = await startEmulator({ token: TOKEN, rateLimit: { perTenSeconds: 1_000_000 } });
  await ensureKamProperties(createGateway({ accessToken: TOKEN, basePath: naivePortal.url }));
  naivePortal.loadSnapshot({ ...snapshot, companies: sample });
  naivePortal.requestLog.clear();
  const client = new Client({ accessToken: TOKEN, basePath: naivePortal.url });
  for (const company of sample) {
    await client.crm.companies.basicApi.getById(company.id, [...COMPANY_READ_PROPERTIES]);
    for (const type of TYPES) {
      const page = await client.crm.associations.v4.basicApi.getPage(
        'companies',
        company.id,
        type,
        undefined,
        500,
      );
      for (const associated of page.results)
        await client.crm.objects.basicApi.getById(type, String(associated.toObjectId));
    }
    await client.crm.companies.basicApi.update(company.id, { properties: { kam_model_version: 'naive' } });
  }
  const naiveSampleCalls = naivePortal.requestLog.total();
  const naiveCalls = Math.round((naiveSampleCalls / sample.length) * companies);
  line(
    `  naive client: ${(naiveSampleCalls / sample.length).toFixed(1)} calls per company → ${naiveCalls.toLocaleString('en-US')} calls, ` +
      `≥ ${(rateBound(naiveCalls) / 60).toFixed(1)} min at the rate limit (keystone: ${summary.calls.totalCalls} calls, ${seconds.toFixed(1)} s; ${(naiveCalls / summary.calls.totalCalls).toFixed(0)}× fewer calls)`,
  );
  await naivePortal.close();
}

const checkpointDir = mkdtempSync(join(tmpdir(), 'kam-sync-bench-'));

async function main(): Promise<void> {
  line(`kam sync benchmark — node ${process.version}`);
  try {
    for (const size of sizes) await benchOne(size);
  } finally {
    rmSync(checkpointDir, { recursive: true, force: true });
  }
}

void main();
