/**
 * `keystone_set_contact_kam` end to end: `main(context)` as the card's organisation map calls it,
 * against the emulator with the real @hubspot/api-client. It writes a person's influence,
 * attitude and career only for a contact of the card's own company, and rescores that company.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { main as setContactKam } from '../../../src/app/functions/handlers/set-contact-kam';
import { explanationSchema } from '../../../src/engine/hubspot/explanation-schema';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { rescoreCompany } from '../../../src/engine/sync/rescore-company';
import { fillPortal, gatewayFor, portalWithPortfolio, TOKEN } from '../../support/portal';
import { useFunctionEnv } from './function-env';

const CONTACT_TO_COMPANY = 279;
const WRITES = [
  'POST /crm/v3/objects/{objectType}/batch/update',
  'PATCH /crm/v3/objects/{objectType}/{objectId}',
];

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(3);
});
beforeEach(() => fillPortal(emulator, 3));
afterAll(() => emulator.close());

useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

const onRecord = (companyId: string, parameters: Record<string, unknown>) => ({
  propertiesToSend: { hs_object_id: companyId },
  parameters,
});

/** A scored company with a champion and an end user, and another company with one person. */
async function twoCompanies() {
  const gateway = gatewayFor(emulator);
  const [mapped, other] = await gateway.batchCreate('companies', [
    { properties: { name: 'Mapped Ltd' } },
    { properties: { name: 'Other plc' } },
  ]);
  const [champion, opponent, outsider] = await gateway.batchCreate('contacts', [
    {
      properties: { email: 'champion@mapped.example', hs_buying_role: 'CHAMPION', kam_career: 'steady' },
      associations: [{ toId: mapped!.id, typeId: CONTACT_TO_COMPANY }],
    },
    {
      properties: { email: 'opponent@mapped.example', hs_buying_role: 'END_USER' },
      associations: [{ toId: mapped!.id, typeId: CONTACT_TO_COMPANY }],
    },
    {
      properties: { email: 'someone@other.example', kam_attitude: 'neutral' },
      associations: [{ toId: other!.id, typeId: CONTACT_TO_COMPANY }],
    },
  ]);
  // on the clock the function uses, so a rescoring with nothing new changes nothing
  await rescoreCompany({ gateway, companyId: mapped!.id, model: DEFAULT_SCORING_MODEL, now: new Date() });
  emulator.requestLog.clear();
  return { companyId: mapped!.id, champion: champion!.id, opponent: opponent!.id, outsider: outsider!.id };
}

async function contactValues(contactId: string) {
  const contact = await gatewayFor(emulator).client.crm.contacts.basicApi.getById(contactId, [
    'kam_influence',
    'kam_attitude',
    'kam_career',
  ]);
  const { kam_influence, kam_attitude, kam_career } = contact.properties;
  return {
    kam_influence: kam_influence || null,
    kam_attitude: kam_attitude || null,
    kam_career: kam_career || null,
  };
}

async function storedSignals(companyId: string) {
  const company = await gatewayFor(emulator).client.crm.companies.basicApi.getById(companyId, [
    'kam_explanation',
  ]);
  return explanationSchema
    .parse(JSON.parse(company.properties.kam_explanation ?? 'null'))
    .risk.signals.map((signal) => signal.id);
}

const writesMade = () =>
  WRITES.reduce((sum, endpoint) => sum + (emulator.requestLog.counts()[endpoint] ?? 0), 0);

describe('keystone_set_contact_kam', () => {
  test('sets an associated contact’s values and rescores the company with them', async () => {
    const { companyId, opponent } = await twoCompanies();
    expect(await storedSignals(companyId)).not.toContain('blocker_in_buying_centre');

    const result = await setContactKam(
      onRecord(companyId, { contactId: opponent, attitude: 'anti_sponsor', influence: 'high' }),
    );

    expect(result).toMatchObject({
      ok: true,
      companyId,
      contactId: opponent,
      contactChanges: [
        { field: 'influence', from: null, to: 'high' },
        { field: 'attitude', from: null, to: 'anti_sponsor' },
      ],
      contact: { influence: 'high', attitude: 'anti_sponsor', career: null },
    });
    if (!result.ok) return;
    expect(result.changedProperties).toEqual(expect.arrayContaining(['kam_explanation']));
    expect(await contactValues(opponent)).toEqual({
      kam_influence: 'high',
      kam_attitude: 'anti_sponsor',
      kam_career: null,
    });
    expect(await storedSignals(companyId)).toContain('blocker_in_buying_centre');
  });

  test('a save stays a handful of requests inside the 15 s budget', async () => {
    const { companyId, opponent } = await twoCompanies();
    // the first call of a warm instance also checks the installation; measure a later one
    await setContactKam(onRecord(companyId, { contactId: opponent, career: 'steady' }));
    emulator.requestLog.clear();

    await expect(
      setContactKam(onRecord(companyId, { contactId: opponent, attitude: 'critic' })),
    ).resolves.toMatchObject({ ok: true });

    // 11 today: contact, its companies, the model store (2), the write, the rescoring (6)
    expect(emulator.requestLog.total()).toBeLessThanOrEqual(15);
  });

  test('clears a value with an empty string and leaves the fields not sent alone', async () => {
    const { companyId, champion } = await twoCompanies();
    await setContactKam(onRecord(companyId, { contactId: champion, attitude: 'sponsor' }));

    const result = await setContactKam({
      parameters: { companyId, contactId: champion, career: '' },
    });

    expect(result).toMatchObject({
      ok: true,
      contactChanges: [{ field: 'career', from: 'steady', to: null }],
      contact: { influence: null, attitude: 'sponsor', career: null },
    });
    expect(await contactValues(champion)).toEqual({
      kam_influence: null,
      kam_attitude: 'sponsor',
      kam_career: null,
    });
  });

  test('writes nothing to the contact when every value sent is already stored', async () => {
    const { companyId, champion } = await twoCompanies();

    const result = await setContactKam(onRecord(companyId, { contactId: champion, career: 'steady' }));

    expect(result).toMatchObject({ ok: true, contactChanges: [], changedProperties: [] });
    expect(writesMade()).toBe(0);
  });

  test('refuses a contact of another company and writes nothing', async () => {
    const { companyId, outsider } = await twoCompanies();

    const result = await setContactKam(onRecord(companyId, { contactId: outsider, attitude: 'sponsor' }));

    expect(result).toMatchObject({ ok: false, error: { code: 'auth.not_associated' } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      `contact ${outsider} is not associated with company ${companyId}: the card edits only the people of its own company`,
    );
    expect(writesMade()).toBe(0);
    expect(await contactValues(outsider)).toEqual({
      kam_influence: null,
      kam_attitude: 'neutral',
      kam_career: null,
    });
  });

  test('refuses a contact associated with no company at all', async () => {
    const { companyId } = await twoCompanies();
    const [loner] = await gatewayFor(emulator).batchCreate('contacts', [
      { properties: { email: 'loner@nowhere.example' } },
    ]);

    await expect(
      setContactKam(onRecord(companyId, { contactId: loner!.id, influence: 'low' })),
    ).resolves.toMatchObject({ ok: false, error: { code: 'auth.not_associated' } });
    expect(await contactValues(loner!.id)).toEqual({
      kam_influence: null,
      kam_attitude: null,
      kam_career: null,
    });
  });

  test('answers not found for a contact HubSpot does not know', async () => {
    const { companyId } = await twoCompanies();

    const result = await setContactKam(onRecord(companyId, { contactId: '987654321', attitude: 'critic' }));

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'hubspot.not_found', message: 'contact 987654321 does not exist or was deleted' },
    });
    expect(writesMade()).toBe(0);
  });

  test.each([
    [
      'an option the property does not have',
      { attitude: 'friend' },
      'attitude',
      "must be one of sponsor, supporter, neutral, critic, anti_sponsor, or '' to clear",
    ],
    [
      'a career option in the wrong field',
      { influence: 'rising_star' },
      'influence',
      "must be one of high, medium, low, or '' to clear",
    ],
    ['no value to set', {}, '', 'set at least one of influence, attitude, career'],
    [
      'a malformed contact id',
      { contactId: 'ceo', career: 'steady' },
      'contactId',
      'must be a HubSpot record id',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_label, fields, path, message) => {
    const { companyId, champion } = await twoCompanies();

    const result = await setContactKam(onRecord(companyId, { contactId: champion, ...fields }));

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'input.invalid', issues: [{ path, message }] },
    });
    if (result.ok) return;
    expect(result.error.message).toContain(`${path || '(parameters)'}: ${message}`);
    expect(emulator.requestLog.total()).toBe(0);
    expect(await contactValues(champion)).toEqual({
      kam_influence: null,
      kam_attitude: null,
      kam_career: 'steady',
    });
  });
});
