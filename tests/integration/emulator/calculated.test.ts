import { failureOf, useEmulator } from '../../support/emulator';

describe('emulator: properties HubSpot calculates', () => {
  const harness = useEmulator({ rateLimit: { perTenSeconds: 100_000 } });
  const read = async (id: string) =>
    await harness.client.crm.deals.basicApi.getById(
      id,
      ['hs_is_closed_won', 'hs_is_closed', 'amount_in_home_currency'],
      ['hs_is_closed_won'],
    );

  test('hs_is_closed_won and hs_is_closed follow the stage of the default pipeline', async () => {
    const { id } = await harness.client.crm.deals.basicApi.create({
      properties: { dealstage: 'closedwon', pipeline: 'default', amount: '1000' },
      associations: [],
    });
    expect((await read(id)).properties).toMatchObject({
      hs_is_closed_won: 'true',
      hs_is_closed: 'true',
      amount_in_home_currency: '1000',
    });
    await harness.client.crm.deals.basicApi.update(id, { properties: { dealstage: 'contractsent' } });
    const reopened = await read(id);
    expect(reopened.properties).toMatchObject({ hs_is_closed_won: 'false', hs_is_closed: 'false' });
    expect(
      reopened.propertiesWithHistory?.hs_is_closed_won?.map((entry) => [entry.value, entry.sourceType]),
    ).toEqual([
      ['false', 'CALCULATED'],
      ['true', 'CALCULATED'],
    ]);
  });

  test('they cannot be written', async () => {
    const { id } = await harness.client.crm.deals.basicApi.create({
      properties: { dealname: 'x' },
      associations: [],
    });
    const failure = await failureOf(
      harness.client.crm.deals.basicApi.update(id, { properties: { hs_is_closed_won: 'true' } }),
    );
    expect(failure.code).toBe(400);
  });

  test('stages, home currency and exchange rates are learned from a loaded snapshot', async () => {
    harness.emulator.loadSnapshot({
      schemaVersion: 1,
      homeCurrency: 'EUR',
      companies: [
        {
          id: '1',
          properties: { name: 'Loaded' },
          deals: [
            {
              id: '2',
              properties: {
                pipeline: 'renewals',
                dealstage: 'renewal_closed_won',
                hs_is_closed: 'true',
                hs_is_closed_won: 'true',
                amount: '100',
                deal_currency_code: 'USD',
                amount_in_home_currency: '92.5',
              },
            },
          ],
        },
      ],
    });
    const created = await harness.client.crm.deals.basicApi.create({
      properties: {
        pipeline: 'renewals',
        dealstage: 'renewal_closed_won',
        amount: '200',
        deal_currency_code: 'USD',
      },
      associations: [],
    });
    expect((await read(created.id)).properties).toMatchObject({
      hs_is_closed_won: 'true',
      hs_is_closed: 'true',
      amount_in_home_currency: '185',
    });
    const inEuro = await harness.client.crm.deals.basicApi.create({
      properties: { amount: '300', deal_currency_code: 'EUR' },
      associations: [],
    });
    expect((await read(inEuro.id)).properties.amount_in_home_currency).toBe('300');
  });
});
