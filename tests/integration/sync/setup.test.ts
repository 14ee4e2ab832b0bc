import { startEmulator, type RunningEmulator } from '../../../emulator';
import { createGateway } from '../../../src/engine/hubspot/gateway';
import { KAM_PROPERTIES } from '../../../src/engine/hubspot/kam-properties';
import { ensureKamProperties } from '../../../src/engine/hubspot/property-setup';

const TOKEN = 'setup-test-token';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ token: TOKEN });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const gateway = () => createGateway({ accessToken: TOKEN, basePath: emulator.url });

describe('kam setup', () => {
  test('creates the group and every kam_* property, then changes nothing on a re-run', async () => {
    const first = await ensureKamProperties(gateway());
    expect(first.groupCreated).toBe(true);
    expect(first.created.sort()).toEqual(KAM_PROPERTIES.map((p) => p.name).sort());

    const second = await ensureKamProperties(gateway());
    expect(second).toMatchObject({ groupCreated: false, created: [], updated: [], conflicts: [] });
    expect(second.unchanged).toHaveLength(KAM_PROPERTIES.length);

    const tier = await gateway().client.crm.properties.coreApi.getByName('companies', 'kam_tier');
    expect(tier.type).toBe('enumeration');
    expect(tier.options.map((o) => o.value)).toEqual(['key', 'important', 'regular']);
    const score = await gateway().client.crm.properties.coreApi.getByName('companies', 'kam_score');
    expect([score.type, score.fieldType]).toEqual(['number', 'number']);
  });

  test('a property of the same name and another type is reported, not clobbered', async () => {
    await gateway().client.crm.properties.coreApi.create('companies', {
      name: 'kam_score',
      label: 'Someone else’s score',
      type: 'string' as never,
      fieldType: 'text' as never,
      groupName: 'companyinformation',
    });
    const report = await ensureKamProperties(gateway());
    expect(report.conflicts).toEqual([{ name: 'kam_score', expectedType: 'number', actualType: 'string' }]);
    const kept = await gateway().client.crm.properties.coreApi.getByName('companies', 'kam_score');
    expect(kept.label).toBe('Someone else’s score');
  });

  test('a missing enumeration option is added back, options the admin added are kept', async () => {
    await ensureKamProperties(gateway());
    await gateway().client.crm.properties.coreApi.update('companies', 'kam_loss_reason', {
      options: [
        { value: 'closure', label: 'Closure', displayOrder: 0, hidden: false },
        { value: 'merger', label: 'Merger', displayOrder: 1, hidden: false },
      ],
    });
    const report = await ensureKamProperties(gateway());
    expect(report.updated).toEqual(['kam_loss_reason']);
    const property = await gateway().client.crm.properties.coreApi.getByName('companies', 'kam_loss_reason');
    expect(property.options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['merger', 'switched_supplier', 'staff_attitude']),
    );
  });
});
