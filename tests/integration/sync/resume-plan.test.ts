/**
 * A killed run's plan is not journaled: `--resume` scores the journaled reads again at the
 * journaled `now` and must get the same plan, or refuse before writing anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { RunningEmulator } from '../../../emulator';
import { DEFAULT_SCORING_MODEL, modelFingerprint } from '../../../src/engine/settings';
import { FileCheckpoint } from '../../../src/engine/sync/checkpoint';
import { createPortfolioScorer } from '../../../src/engine/sync/portfolio-scorer';
import type { PortfolioScorer, SyncOptions } from '../../../src/engine/sync/sync-run';
import {
  fillPortal,
  gatewayFor,
  outputsOf,
  portalWithPortfolio,
  sync,
  tempCheckpoint,
} from '../../support/portal';

// three write batches of 100
const COMPANIES = 250;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(async () => fillPortal(emulator, COMPANIES));
afterAll(() => emulator.close());

const writeCalls = () => emulator.requestLog.counts()['POST /crm/v3/objects/{objectType}/batch/update'] ?? 0;

/** The end state of an uninterrupted first sync, with the portal filled again afterwards. */
async function cleanOutputs() {
  await sync(gatewayFor(emulator));
  const outputs = await outputsOf(emulator);
  await fillPortal(emulator, COMPANIES);
  return outputs;
}

/** A first sync stopped after its first write batch landed; returns its journal. */
async function interruptedAfterOneBatch(overrides: Partial<SyncOptions> = {}): Promise<FileCheckpoint> {
  const checkpoint = tempCheckpoint();
  const controller = new AbortController();
  await expect(
    sync(gatewayFor(emulator, { writeConcurrency: 1 }), {
      checkpoint,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'write') controller.abort();
      },
      ...overrides,
    }),
  ).rejects.toMatchObject({ code: 'sync.aborted' });
  return new FileCheckpoint(checkpoint.path);
}

function journalLines(checkpoint: FileCheckpoint): Record<string, unknown>[] {
  return readFileSync(checkpoint.path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('resuming after the plan', () => {
  test('the journal holds how many companies the plan writes, not the plan; the resume writes the rest to the same end state', async () => {
    const clean = await cleanOutputs();
    const checkpoint = await interruptedAfterOneBatch();
    const planned = journalLines(checkpoint).find((line) => line.type === 'planned');
    expect(planned).toMatchObject({ writeCount: COMPANIES });
    expect(planned).not.toHaveProperty('writes');

    emulator.requestLog.clear();
    const resumed = await sync(gatewayFor(emulator), { checkpoint, resume: true });
    expect(writeCalls()).toBe(2);
    expect(resumed.summary.companiesChanged).toBe(COMPANIES);
    expect(resumed.summary.tierChanges.new).toBe(COMPANIES);
    expect(await outputsOf(emulator)).toEqual(clean);
  });

  test('reads that no longer give the journaled plan are refused before anything is written', async () => {
    const checkpoint = await interruptedAfterOneBatch();
    const scoreAll = createPortfolioScorer(DEFAULT_SCORING_MODEL);
    // scoring that changed since the kill: one company fewer to write
    const changed: PortfolioScorer = (options) => {
      const scoring = scoreAll(options);
      return {
        add: (companies) => scoring.add(companies),
        finish: () => {
          const result = scoring.finish();
          return { ...result, scored: result.scored.slice(1) };
        },
      };
    };
    emulator.requestLog.clear();
    await expect(
      sync(gatewayFor(emulator), { checkpoint, resume: true, scorer: changed }),
    ).rejects.toMatchObject({ code: 'sync.checkpoint_mismatch' });
    expect(writeCalls()).toBe(0);
  });

  test('a model edited under the same version is refused, even where the plan would not show it', async () => {
    const edited = structuredClone(DEFAULT_SCORING_MODEL);
    edited.weights.strength.tenure += 5;
    const checkpoint = await interruptedAfterOneBatch({
      modelFingerprint: modelFingerprint(DEFAULT_SCORING_MODEL),
    });
    // the scorer is left unchanged, so only the fingerprint can tell
    await expect(
      sync(gatewayFor(emulator), { checkpoint, resume: true, modelFingerprint: modelFingerprint(edited) }),
    ).rejects.toMatchObject({ code: 'sync.checkpoint_mismatch' });
  });

  test('a journal written before, which carries its plan, is resumed from that plan without scoring', async () => {
    const clean = await cleanOutputs();
    const { writes } = await sync(gatewayFor(emulator), { dryRun: true });
    const checkpoint = await interruptedAfterOneBatch();
    const lines = journalLines(checkpoint).map((line) => {
      if (line.type !== 'planned') return line;
      const { writeCount: _dropped, ...older } = line;
      return { ...older, writes };
    });
    writeFileSync(checkpoint.path, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const refuseToScore: PortfolioScorer = () => {
      throw new Error('a journaled plan must not be scored again');
    };
    await sync(gatewayFor(emulator), { checkpoint, resume: true, scorer: refuseToScore });
    expect(await outputsOf(emulator)).toEqual(clean);
  });
});
