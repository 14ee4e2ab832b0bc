/**
 * `kam report --from --to` end to end against the emulator, which records property history on
 * every write: kam_tier / kam_score written at controlled times, then read back with
 * `propertiesWithHistory` (50 companies a call) into the movement-between-dates section.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as report from '../../../cli/commands/report';
import { useEmulator } from '../../support/emulator';
import { ensureKamProperties } from '../../../src/engine/hubspot/property-setup';
import type { PortfolioAnalysis } from '../../../src/engine/portfolio';
import { TOKEN, gatewayFor } from '../../support/portal';
import { runKam } from '../../support/cli';

const START = Date.parse('2026-01-05T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const FILLER = 58; // with the named four: 62 scored companies, two history reads of up to 50
let clock = START;
const harness = useEmulator({ token: TOKEN, now: () => clock }, { resetEachTest: false });
let dir: string;

const company = (id: string, name: string) => ({
  id,
  properties: { name },
  deals: [],
  tickets: [],
  meetings: [],
  contacts: [],
});

async function writeOnDay(day: number, updates: [string, Record<string, string>][]): Promise<void> {
  clock = START + day * DAY;
  await gatewayFor(harness.emulator).batchUpdate(
    'companies',
    updates.map(([id, properties]) => ({ id, properties })),
  );
}
const dayIso = (day: number) => new Date(START + day * DAY).toISOString();

beforeAll(async () => {
  await ensureKamProperties(gatewayFor(harness.emulator));
  const fillers = Array.from({ length: FILLER }, (_, index) =>
    company(`93000${100 + index}`, `Filler ${index}`),
  );
  harness.emulator.loadSnapshot({
    schemaVersion: 1,
    companies: [
      company('9300000001', 'Climber'),
      company('9300000002', 'Faller'),
      company('9300000003', 'Steady'),
      company('9300000004', 'Newcomer'),
      ...fillers,
    ],
  });
  await writeOnDay(1, [
    ['9300000001', { kam_score: '35', kam_tier: 'regular' }],
    ['9300000002', { kam_score: '82', kam_tier: 'key' }],
    ['9300000003', { kam_score: '78', kam_tier: 'key' }],
    ...fillers.map(({ id }): [string, Record<string, string>] => [
      id,
      { kam_score: '20', kam_tier: 'regular' },
    ]),
  ]);
  await writeOnDay(20, [['9300000003', { kam_score: '79' }]]); // score moved, tier kept
  await writeOnDay(40, [
    ['9300000001', { kam_score: '64', kam_tier: 'important' }],
    ['9300000002', { kam_score: '61', kam_tier: 'important' }],
  ]);
  await writeOnDay(50, [['9300000004', { kam_score: '58', kam_tier: 'important' }]]); // created after --from
  await writeOnDay(70, [['9300000001', { kam_score: '85', kam_tier: 'key' }]]);
  await writeOnDay(100, [['9300000002', { kam_score: '30', kam_tier: 'regular' }]]); // after --to
  clock = START + 120 * DAY;
  dir = mkdtempSync(join(tmpdir(), 'kam-movement-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

const kam = (argv: string[]) =>
  runKam([report], argv, { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: harness.emulator.url });

test('--from --to --json adds the tier transition matrix and the companies that moved', async () => {
  harness.emulator.requestLog.clear();
  const htmlFile = join(dir, 'report.html');
  const result = await kam([
    'report',
    '--json',
    '--no-progress',
    '--from',
    dayIso(10),
    '--to',
    dayIso(80),
    '--out',
    htmlFile,
  ]);
  expect(result.code).toBe(0);
  const analysis = JSON.parse(result.out) as PortfolioAnalysis;
  const movement = analysis.betweenDates;
  expect(movement).toMatchObject({ from: dayIso(10), to: dayIso(80), companies: FILLER + 4 });
  expect(movement?.matrix.regular.regular).toBe(FILLER);
  expect(movement?.matrix.regular.key).toBe(1);
  expect(movement?.matrix.key.key).toBe(1);
  expect(movement?.matrix.key.important).toBe(1);
  expect(movement?.matrix.none.important).toBe(1);
  expect(movement?.moved).toEqual([
    { id: '9300000001', name: 'Climber', fromTier: 'regular', toTier: 'key', fromScore: 35, toScore: 85 },
    { id: '9300000002', name: 'Faller', fromTier: 'key', toTier: 'important', fromScore: 82, toScore: 61 },
    {
      id: '9300000004',
      name: 'Newcomer',
      fromTier: 'none',
      toTier: 'important',
      fromScore: null,
      toScore: 58,
    },
  ]);
  // history is read 50 companies a call
  const historyReads = Object.entries(harness.emulator.requestLog.counts())
    .filter(([key]) => /batch\/read/.test(key))
    .reduce((sum, [, count]) => sum + count, 0);
  expect(historyReads).toBe(2);

  const html = readFileSync(htmlFile, 'utf8');
  expect(html).toContain(`Movement between ${dayIso(10).slice(0, 10)} and ${dayIso(80).slice(0, 10)}`);
  expect(html).toContain('Climber');
  expect(html).toContain('Newcomer');
});

test('without --from/--to the analysis has no movement section', async () => {
  const result = await kam(['report', '--json', '--no-progress']);
  expect(result.code).toBe(0);
  expect((JSON.parse(result.out) as PortfolioAnalysis).betweenDates).toBeUndefined();
});
