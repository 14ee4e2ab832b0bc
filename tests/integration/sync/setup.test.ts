import type { RunningEmulator } from '../../../emulator';
import { runCli } from '../../../cli/program';
import { captureIo } from '../../support/cli';
import { useEmulator, useEmulatorPerTest } from '../../support/emulator';
import * as setupCommand from '../../../cli/commands/setup';
import { createGateway } from '../../../src/engine/hubspot/gateway';
import { KAM_CONTACT_PROPERTIES, KAM_PROPERTIES } from '../../../src/engine/hubspot/kam-properties';
import { ensureKamProperties } from '../../../src/engine/hubspot/property-setup';

const TOKEN = 'setup-test-token';
const harness = useEmulator({ token: TOKEN });

const gateway = () => createGateway({ accessToken: TOKEN, basePath: harness.emulator.url });

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

  test('a re-run keeps the order and hidden flags an admin gave the kam_* options', async () => {
    await ensureKamProperties(gateway());
    const client = gateway().client;
    const before = await client.crm.properties.coreApi.getByName('companies', 'kam_loss_reason');
    // The admin reverses the order, hides two options and drops one Keystone needs.
    const adminOptions = [...before.options]
      .reverse()
      .filter((option) => option.value !== 'staff_attitude')
      .map((option, index) => ({
        label: option.label,
        value: option.value,
        displayOrder: index,
        hidden: option.value === 'closure' || option.value === 'other',
      }));
    await client.crm.properties.coreApi.update('companies', 'kam_loss_reason', { options: adminOptions });

    const report = await ensureKamProperties(gateway());
    expect(report.updated).toEqual(['kam_loss_reason']);
    const after = await client.crm.properties.coreApi.getByName('companies', 'kam_loss_reason');
    expect(after.options.map((o) => [o.value, o.hidden])).toEqual([
      ...adminOptions.map((o) => [o.value, o.hidden]),
      ['staff_attitude', false],
    ]);

    // Nothing missing: the next run changes nothing, so the admin's choices stay as they are.
    const again = await ensureKamProperties(gateway());
    expect(again.updated).toEqual([]);
    const still = await client.crm.properties.coreApi.getByName('companies', 'kam_loss_reason');
    expect(still.options.map((o) => [o.value, o.hidden])).toEqual(
      after.options.map((o) => [o.value, o.hidden]),
    );
  });
});

describe('kam setup on portals that answer 207 or 403', () => {
  const start = useEmulatorPerTest();
  const gatewayOf = (running: RunningEmulator) =>
    createGateway({ accessToken: TOKEN, basePath: running.url });
  const kamNames = async (running: RunningEmulator) =>
    (await gatewayOf(running).client.crm.properties.coreApi.getAll('companies')).results
      .map((property) => property.name)
      .filter((name) => name.startsWith('kam_'));

  test('every input failing: each property is reported by name with HubSpot’s message, none as created', async () => {
    const failing = (await start({ token: TOKEN, batchFailureRate: 1 })).emulator;
    const report = await ensureKamProperties(gatewayOf(failing));
    expect(report.created).toEqual([]);
    expect(report.failed.map((failure) => failure.name)).toEqual(KAM_PROPERTIES.map((p) => p.name));
    expect(report.failed[0]).toMatchObject({
      category: 'INTERNAL_ERROR',
      message: expect.stringContaining('could not be created'),
    });
    expect(await kamNames(failing)).toEqual([]);
  });

  test('some inputs failing: retried, and exactly the ones still missing are reported', async () => {
    const failing = (await start({ token: TOKEN, batchFailureRate: 0.6, seed: 4 })).emulator;
    const report = await ensureKamProperties(gatewayOf(failing));
    const failed = report.failed.map((failure) => failure.name);
    expect(failed.length).toBeGreaterThan(0);
    expect(report.created.length).toBeGreaterThan(0);
    expect([...report.created, ...failed].sort()).toEqual(KAM_PROPERTIES.map((p) => p.name).sort());
    expect((await kamNames(failing)).sort()).toEqual([...report.created].sort());
  });

  test('kam setup names the failed properties and exits non-zero; a re-run finishes the job', async () => {
    const failing = (await start({ token: TOKEN, batchFailureRate: 1 })).emulator;
    const io = captureIo({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: failing.url });
    const { stdout: out, stderr: err } = io;
    const code = await runCli(['setup'], io, [setupCommand]);
    expect(code).not.toBe(0);
    expect(out.join('\n')).toContain('FAILED kam_tier: INTERNAL_ERROR');
    // company and contact properties (the organisation map's) together
    const all = KAM_PROPERTIES.length + KAM_CONTACT_PROPERTIES.length;
    expect(err.join('\n')).toContain(`${all} of ${all} new properties were not created`);

    failing.setBatchFailureRate(0);
    out.length = 0;
    expect(await runCli(['setup'], io, [setupCommand])).toBe(0);
    expect(out.join('\n')).toContain(`properties created: ${KAM_PROPERTIES.length}`);
  });

  test('on a Professional portal kam setup makes the properties and says the model store is not available', async () => {
    const failing = (await start({ token: TOKEN, tier: 'professional' })).emulator;
    const io = captureIo({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: failing.url });
    const { stdout: out } = io;
    expect(await runCli(['setup'], io, [setupCommand])).toBe(0);
    expect(out.join('\n')).toContain(`properties created: ${KAM_PROPERTIES.length}`);
    expect(out.join('\n')).toMatch(/scoring-model store: NOT AVAILABLE — .*Enterprise subscription/);
  });
});

describe('kam setup on contacts (organisation map)', () => {
  test('creates kam_influence, kam_attitude and kam_career on contacts, in the Keystone group, then changes nothing', async () => {
    const first = await ensureKamProperties(gateway());
    expect(first.contacts.groupCreated).toBe(true);
    expect(first.contacts.created).toEqual(['kam_influence', 'kam_attitude', 'kam_career']);
    const properties = gateway().client.crm.properties.coreApi;
    const attitude = await properties.getByName('contacts', 'kam_attitude');
    expect([attitude.type, attitude.groupName]).toEqual(['enumeration', 'key_account_management']);
    expect(attitude.options.map((option) => option.value)).toEqual([
      'sponsor',
      'supporter',
      'neutral',
      'critic',
      'anti_sponsor',
    ]);
    // contact properties are not company properties
    await expect(properties.getByName('companies', 'kam_attitude')).rejects.toMatchObject({ code: 404 });
    const second = await ensureKamProperties(gateway());
    expect(second.contacts).toMatchObject({ groupCreated: false, created: [], updated: [], conflicts: [] });
    expect(second.contacts.unchanged).toHaveLength(KAM_CONTACT_PROPERTIES.length);
  });
});
