import type { Command } from 'commander';
import { startEmulator } from '../../emulator';
import { generatePortfolio } from '../../emulator/generator';
import { KeystoneError } from '../../src/engine/errors';
import { accountPlanSchema } from '../../src/engine/core';
import {
  createAccountPlanStore,
  createGateway,
  type CrmGateway,
  ensureAccountPlanSchema,
  ensureKamProperties,
} from '../../src/engine/hubspot';
import { runSync, type SyncResult, createPortfolioScorer } from '../../src/engine/sync';
import { DEFAULT_SCORING_MODEL } from '../../src/engine/settings';
import type { CliIo } from '../output';
import { formatPortfolio, formatTierChanges } from '../portfolio-view';
import { simulateActivity } from '../demo-activity';

type DemoFlags = { companies: string; seed: string; json?: boolean };

const DEMO_TOKEN = 'demo-private-app-token';
const DAY_MS = 86_400_000;

function positiveInt(name: string, value: string, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new KeystoneError(
      'input.invalid',
      `${name} must be a whole number from 1 to ${max}, got "${value}"`,
    );
  }
  return parsed;
}

/**
 * The main job on the embedded default: a local CRM emulator filled with a generated portfolio,
 * `kam setup` and `kam sync` through the real @hubspot/api-client, then a day of simulated
 * CRM activity and a second sync that shows tier changes as workflows would see them.
 */
export async function runDemo(
  io: CliIo,
  flags: DemoFlags,
): Promise<{ first: SyncResult; second: SyncResult }> {
  const companies = positiveInt('--companies', flags.companies, 20_000);
  const seed = positiveInt('--seed', flags.seed, 2 ** 31 - 1);
  const now = new Date(Date.UTC(2026, 10, 1));
  const say = (line: string) => {
    if (!flags.json) io.out(line);
  };

  const emulator = await startEmulator({ token: DEMO_TOKEN });
  try {
    say(`Keystone demo — local HubSpot CRM emulator at ${emulator.url} (no account needed)`);
    const gateway: CrmGateway = createGateway({ accessToken: DEMO_TOKEN, basePath: emulator.url });
    const setup = await ensureKamProperties(gateway);
    await ensureAccountPlanSchema(gateway);
    say(
      `1. kam setup: ${setup.created.length} kam_* company properties created in group key_account_management, and the kam_account_plan object`,
    );

    const { snapshot, groundTruth } = generatePortfolio({ companies, seed, now });
    emulator.loadSnapshot(snapshot);
    const planted = Object.values(groundTruth.archetypes).filter((a) => a !== 'ordinary').length;
    say(
      `2. generated portfolio (seed ${seed}): ${companies} companies, 4 years of deals, tickets, meetings, buying roles; ${planted} planted archetypes`,
    );

    const model = DEFAULT_SCORING_MODEL;
    const scorer = createPortfolioScorer(model);
    const syncAt = (at: Date) =>
      runSync({
        gateway,
        scorer,
        modelVersion: model.version,
        now: at,
        scope: { kind: 'all' },
        target: 'demo',
      });
    const first = await syncAt(now);
    say(
      `3. kam sync: ${first.summary.companiesScored} companies scored, ${first.summary.propertiesWritten} properties written, ` +
        `${first.summary.calls.totalCalls} API calls, ${(first.summary.durationMs / 1000).toFixed(1)} s`,
    );
    say('');
    say(formatPortfolio(first.scored));

    const later = new Date(now.getTime() + DAY_MS);
    const activity = await simulateActivity(gateway, first.scored, later, model.homeCurrency);
    say('');
    say(
      `4. the next day (${later.toISOString().slice(0, 10)}) the team logs new activity: ${activity.description}`,
    );
    const plan = await writeDemoPlan(gateway, first.scored, later);
    if (plan) say(`   and the manager of ${plan.name} writes its account development plan: ${plan.goal}`);
    const second = await syncAt(later);
    say(
      `5. kam sync again: ${second.summary.companiesChanged} companies changed, ${second.summary.propertiesWritten} properties written, ` +
        `${second.summary.calls.totalCalls} API calls`,
    );
    say(formatTierChanges(second.summary.tierChanges.list, second.scored));
    const planned = plan && second.scored.find((company) => company.id === plan.id);
    if (planned) {
      const {
        kam_plan_status: status,
        kam_plan_next_review: review,
        kam_plan_progress: progress,
      } = planned.desired;
      say(
        `Account plan of ${planned.name}: ${status}, next review ${review}, ${progress === '' ? 'no measured goal' : `${progress}% of measured goals on track`}; ` +
          `top recommendation now: ${planned.topRecommendation ?? 'none'}`,
      );
    }
    const third = await syncAt(later);
    say(
      `6. kam sync on unchanged data: ${third.summary.propertiesWritten} properties written (nothing changed, nothing sent)`,
    );
    if (flags.json) {
      io.out(JSON.stringify({ first: first.summary, second: second.summary, third: third.summary }, null, 2));
    }
    return { first, second };
  } finally {
    await emulator.close();
  }
}

/**
 * The demo's account plan (methodology §10): the best key account's manager sets a goal of 20%
 * more won revenue in six months, measured from CRM data at every sync, with a quarterly review.
 */
async function writeDemoPlan(
  gateway: CrmGateway,
  scored: SyncResult['scored'],
  at: Date,
): Promise<{ id: string; name: string; goal: string } | null> {
  const best = scored
    .filter((company) => company.tier === 'key')
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))[0];
  const revenue = Number(best?.desired.kam_won_revenue_12m);
  if (!best || !(revenue > 0)) return null;
  const day = (offsetDays: number) => new Date(at.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
  const target = Math.ceil((revenue * 1.2) / 1000) * 1000;
  const goal = `won revenue ≥ ${target.toLocaleString('en-US')} by ${day(182)}, review on ${day(91)}`;
  await createAccountPlanStore({ gateway, now: () => at }).save(
    best.id,
    accountPlanSchema.parse({
      ownerUserId: '',
      clientGoals: 'Consolidate suppliers and secure supply for next year',
      goals: [
        {
          id: 'grow-20',
          title: 'Grow won revenue by a fifth',
          setOn: day(0),
          deadline: day(182),
          target: { metric: 'won_revenue_12m', atLeast: target },
        },
      ],
      strategy: { product: 'Bundle service with the core range' },
      tactics: 'Quarterly business review with the buying centre',
      opportunities: [],
      lastReviewedOn: day(0),
      nextReviewOn: day(91),
    }),
    { userId: '', userEmail: 'kam@example.com', note: 'first plan', baseVersionId: null },
  );
  return { id: best.id, name: best.name, goal };
}

export function register(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'run Keystone end to end on the local CRM emulator with a generated portfolio (no HubSpot account needed)',
    )
    .option('--companies <n>', 'portfolio size', '400')
    .option('--seed <n>', 'generator seed (same seed, same portfolio)', '42')
    .option('--json', 'print the run summaries as JSON')
    .action(async (flags: DemoFlags) => {
      await runDemo(io, flags);
    });
}
