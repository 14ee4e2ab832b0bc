/**
 * `keystone_score_history` end to end: `main(context)` against the emulator, which records
 * property history on every write; the function reads it back with `propertiesWithHistory`.
 */
import { useEmulator } from '../../support/emulator';
import { main as scoreHistory } from '../../../src/app/functions/handlers/score-history';
import { ensureKamProperties } from '../../../src/engine/hubspot/property-setup';
import { gatewayFor, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

const COMPANY_ID = '9200000001';
const START = Date.parse('2026-01-05T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
let clock = START;
const harness = useEmulator({ token: TOKEN, now: () => clock }, { resetEachTest: false });

beforeEach(async () => {
  harness.emulator.reset();
  clock = START;
  await ensureKamProperties(gatewayFor(harness.emulator));
  harness.emulator.loadSnapshot({
    schemaVersion: 1,
    companies: [
      {
        id: COMPANY_ID,
        properties: { name: 'Trend Co' },
        deals: [],
        tickets: [],
        meetings: [],
        contacts: [],
      },
    ],
  });
});

useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: harness.emulator.url }));

const onRecord = { propertiesToSend: { hs_object_id: COMPANY_ID }, parameters: {} };

/** One rescoring a day apart: the values written together, as the sync engine writes them. */
async function writeOnDay(day: number, properties: Record<string, string>): Promise<void> {
  clock = START + day * DAY;
  await gatewayFor(harness.emulator).batchUpdate('companies', [{ id: COMPANY_ID, properties }]);
}
const dayIso = (day: number) => new Date(START + day * DAY).toISOString();

describe('keystone_score_history', () => {
  test('a company never scored has no points', async () => {
    await expect(scoreHistory(onRecord)).resolves.toEqual({
      ok: true,
      companyId: COMPANY_ID,
      points: [],
      truncated: false,
    });
  });

  test('one rescoring gives one point', async () => {
    await writeOnDay(1, { kam_score: '61.5', kam_tier: 'important' });
    await expect(scoreHistory(onRecord)).resolves.toMatchObject({
      ok: true,
      points: [{ at: dayIso(1), score: 61.5, tier: 'important' }],
    });
  });

  test('many rescorings give the score oldest first with the tier in force each time', async () => {
    await writeOnDay(1, { kam_score: '42', kam_tier: 'regular' });
    await writeOnDay(30, { kam_score: '58' }); // score moved, tier kept
    await writeOnDay(60, { kam_score: '66', kam_tier: 'important' });
    await writeOnDay(90, { kam_score: '81', kam_tier: 'key' });

    harness.emulator.requestLog.clear();
    const result = await scoreHistory({ parameters: { companyId: COMPANY_ID } });

    expect(result).toEqual({
      ok: true,
      companyId: COMPANY_ID,
      truncated: false,
      points: [
        { at: dayIso(1), score: 42, tier: 'regular' },
        { at: dayIso(30), score: 58, tier: 'regular' },
        { at: dayIso(60), score: 66, tier: 'important' },
        { at: dayIso(90), score: 81, tier: 'key' },
      ],
    });
    expect(harness.emulator.requestLog.total()).toBe(1);
  });

  test.each([
    ['no company id', { parameters: {} }, 'input.invalid'],
    ['a company HubSpot does not know', { parameters: { companyId: '424242' } }, 'hubspot.not_found'],
  ])('answers a clear error for %s', async (_label, context, code) => {
    await expect(scoreHistory(context)).resolves.toMatchObject({ ok: false, error: { code } });
  });
});
