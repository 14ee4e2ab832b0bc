/**
 * A journal the sync wrote before its entries were typed (commit 5e59795: a first sync of 120
 * companies stopped after its first write batch) still resumes: the reads, plan size and summary
 * parse, scoring the journaled reads again gives the journaled plan, and only the rest is written.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import {
  fillPortal,
  gatewayFor,
  outputsOf,
  portalWithPortfolio,
  sync,
  tempCheckpoint,
} from '../../support/portal';

const COMPANIES = 120;
const JOURNAL = join(__dirname, 'journals', 'interrupted-after-one-batch-5e59795.jsonl');

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
afterAll(() => emulator.close());

const writeCalls = () => emulator.requestLog.counts()['POST /crm/v3/objects/{objectType}/batch/update'] ?? 0;

/** The ids the interrupted run journaled as written. */
function landedIds(): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(JOURNAL, 'utf8').split('\n')) {
    if (line === '') continue;
    const entry = JSON.parse(line) as { type: string; ids?: string[] };
    if (entry.type === 'written') for (const id of entry.ids ?? []) ids.add(id);
  }
  return ids;
}

test('a journal written by the sync before typed entries resumes to the end state of an uninterrupted run', async () => {
  await fillPortal(emulator, COMPANIES);
  await sync(gatewayFor(emulator));
  const clean = await outputsOf(emulator);

  // the portal as the interrupted run left it: its first batch landed, nothing else
  await fillPortal(emulator, COMPANIES);
  const landed = landedIds();
  expect(landed.size).toBe(100);
  const { writes } = await sync(gatewayFor(emulator), { dryRun: true });
  await gatewayFor(emulator).batchUpdate(
    'companies',
    writes.filter((write) => landed.has(write.id)),
  );
  const checkpoint = tempCheckpoint();
  copyFileSync(JOURNAL, checkpoint.path);

  emulator.requestLog.clear();
  const resumed = await sync(gatewayFor(emulator), { checkpoint, resume: true });
  expect(writeCalls()).toBe(1);
  expect(resumed.summary).toMatchObject({
    resumed: true,
    companiesRead: COMPANIES,
    companiesScored: COMPANIES,
    companiesChanged: COMPANIES,
    unknownCompanyIds: [],
    missingRecords: 0,
    truncated: 0,
    writeFailures: [],
  });
  expect(resumed.summary.tierChanges.new).toBe(COMPANIES);
  // this journal's contact reads predate contacts' notes_last_contacted, so the companies scored
  // from them see every decision maker as not contacted: kam_buying_centre_gaps (issue #21) can
  // differ there by that one gap, and everything else is the uninterrupted run's end state
  const resumedOutputs = await outputsOf(emulator);
  const withoutDecisionMakerContact = (gaps: string | null | undefined) =>
    (gaps ?? '')
      .split(';')
      .filter((gap) => gap !== '' && gap !== 'decision_maker_not_contacted')
      .join(';');
  for (const [id, outputs] of Object.entries(resumedOutputs)) {
    expect(withoutDecisionMakerContact(outputs.kam_buying_centre_gaps)).toBe(
      withoutDecisionMakerContact(clean[id]?.kam_buying_centre_gaps),
    );
  }
  const withoutGaps = (all: typeof clean) =>
    Object.fromEntries(
      Object.entries(all).map(([id, { kam_buying_centre_gaps: _gaps, ...rest }]) => [id, rest]),
    );
  expect(withoutGaps(resumedOutputs)).toEqual(withoutGaps(clean));
  expect(() => checkpoint.load()).not.toThrow();
  expect(checkpoint.load().done).toBe(true);
});
