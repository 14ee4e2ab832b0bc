/**
 * The webhooks and workflow-action components are JSON that HubSpot reads; these tests tie them to
 * the code: subscriptions to the score's inputs (never Keystone's outputs), output fields to the
 * enumerations, and each target URL to the endpoint function that serves it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RISK_LEVELS, TIERS } from '../core/enums';
import { KAM_OUTPUT_PROPERTY_NAMES } from '../hubspot/kam-properties';
import { planRescoring } from './coalesce';
import { FUNCTION_ENDPOINT_PATHS, PROFILE_VARIABLES, publicUrlsFor } from './profile-variables';
import { OBJECT_TYPE_DESCRIPTORS, type IncrementalObjectType } from './object-types';
import { createWebhookEvent } from './test-utils/fixtures';
import { toIncrementalEvent, webhookEventSchema } from './webhook-events';
import { WORKFLOW_OUTPUT_FIELDS } from './workflow-action';

const APP_DIR = path.resolve(__dirname, '../../app');
const readJson = <T>(relative: string): T =>
  JSON.parse(readFileSync(path.join(APP_DIR, relative), 'utf8')) as T;

type Subscription = { subscriptionType: string; propertyName?: string; objectType?: string; active: boolean };
type WebhooksMeta = {
  uid: string;
  type: string;
  config: {
    settings: { targetUrl: string; maxConcurrentRequests: number };
    subscriptions: {
      crmObjects: Subscription[];
      legacyCrmObjects: Subscription[];
      hubEvents: Subscription[];
    };
  };
};
type TypeDefinition = {
  name: string;
  type: string;
  fieldType: string;
  options?: { value: string; label: string }[];
};
type ActionMeta = {
  uid: string;
  type: string;
  config: {
    actionUrl: string;
    objectTypes: string[];
    outputFields: { typeDefinition: TypeDefinition }[];
    labels: { en: { outputFieldLabels: Record<string, string> } };
  };
};

const webhooks = readJson<WebhooksMeta>('webhooks/webhooks-hsmeta.json');
const action = readJson<ActionMeta>('workflow-actions/recalculate-score-hsmeta.json');
const subscriptions = [
  ...webhooks.config.subscriptions.crmObjects,
  ...webhooks.config.subscriptions.legacyCrmObjects,
  ...webhooks.config.subscriptions.hubEvents,
];

/** What an event of this subscription looks like once parsed, to check Keystone would act on it. */
function eventFor(subscription: Subscription) {
  const raw = createWebhookEvent({
    subscriptionType: subscription.subscriptionType,
    propertyName: subscription.propertyName,
    associationType: subscription.subscriptionType.endsWith('associationChange')
      ? 'COMPANY_TO_DEAL'
      : undefined,
    fromObjectId: 1,
    toObjectId: 2,
  });
  return toIncrementalEvent(webhookEventSchema.parse(raw));
}

describe('webhooks component', () => {
  test('subscribes to no Keystone output property', () => {
    const outputs = new Set<string>(KAM_OUTPUT_PROPERTY_NAMES);
    const offending = subscriptions.filter(
      (s) => s.propertyName !== undefined && outputs.has(s.propertyName),
    );
    expect(offending).toEqual([]);
  });

  test('does not subscribe to hs_lastmodifieddate, which Keystone’s own writes change', () => {
    expect(subscriptions.map((s) => s.propertyName)).not.toContain('hs_lastmodifieddate');
  });

  test('every subscription is active, unique, and leads to a rescore when its event arrives', () => {
    const keys = subscriptions.map((s) => `${s.subscriptionType}:${s.propertyName ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const subscription of subscriptions) {
      expect({ subscription, active: subscription.active }).toEqual({ subscription, active: true });
      const plan = planRescoring([eventFor(subscription)]);
      expect({ subscription, dropped: plan.dropped }).toEqual({ subscription, dropped: [] });
    }
  });

  test.each(['company', 'deal', 'ticket', 'contact'] satisfies IncrementalObjectType[])(
    'subscribes to exactly the %s properties that trigger a rescore',
    (objectType) => {
      const subscribed = subscriptions
        .filter((s) => s.subscriptionType === `${objectType}.propertyChange`)
        .map((s) => s.propertyName)
        .sort();
      expect(subscribed).toEqual([...OBJECT_TYPE_DESCRIPTORS[objectType].triggerProperties].sort());
    },
  );

  test('covers the deal, ticket and association events the score depends on', () => {
    const types = new Set(subscriptions.map((s) => s.subscriptionType));
    for (const type of ['deal.creation', 'deal.deletion', 'ticket.creation', 'company.associationChange']) {
      expect(types).toContain(type);
    }
  });

  test('keeps concurrent deliveries low to leave the portal’s API budget to the rest (HubSpot minimum 5)', () => {
    expect(webhooks.config.settings.maxConcurrentRequests).toBeGreaterThanOrEqual(5);
    expect(webhooks.config.settings.maxConcurrentRequests).toBeLessThanOrEqual(10);
  });

  test('takes its target URL from the project profile, never from a value in the repository', () => {
    expect(webhooks.config.settings.targetUrl).toBe(`\${${PROFILE_VARIABLES.webhookUrl}}`);
  });
});

describe('workflow action component', () => {
  test('is for company workflows', () => {
    expect(action.config.objectTypes).toEqual(['COMPANY']);
  });

  test('declares exactly the output fields the endpoint returns, each with a label', () => {
    const names = action.config.outputFields.map((field) => field.typeDefinition.name);
    expect(names).toEqual([...WORKFLOW_OUTPUT_FIELDS]);
    expect(Object.keys(action.config.labels.en.outputFieldLabels).sort()).toEqual([...names].sort());
  });

  test('offers the tier and risk options the engine writes, so later steps can branch on them', () => {
    const optionsOf = (name: string) =>
      action.config.outputFields
        .find((field) => field.typeDefinition.name === name)
        ?.typeDefinition.options?.map((o) => o.value);
    expect(optionsOf('kam_tier')).toEqual([...TIERS]);
    expect(optionsOf('kam_risk_level')).toEqual([...RISK_LEVELS]);
  });

  test('takes its action URL from the project profile, never from a value in the repository', () => {
    expect(action.config.actionUrl).toBe(`\${${PROFILE_VARIABLES.actionUrl}}`);
  });
});

type FunctionMeta = {
  uid: string;
  type: string;
  config: { entrypoint: string; endpoint: { path: string; methods: string[] }; secretKeys: string[] };
};

const functionsProfile = publicUrlsFor('functions', 'https://www.acme-industries.com');
describe.each([
  ['webhooks', 'functions/webhook-rescore-hsmeta.json', functionsProfile.webhookUrl, 'webhook'],
  [
    'workflow action',
    'functions/workflow-action-recalculate-hsmeta.json',
    functionsProfile.actionUrl,
    'action',
  ],
] as const)('the %s endpoint function', (_label, metaFile, publicUrl, key) => {
  const meta = readJson<FunctionMeta>(metaFile);

  test('is the public URL `kam configure --target functions` gives the component', () => {
    expect(meta.config.endpoint.path).toBe(FUNCTION_ENDPOINT_PATHS[key]);
    expect(publicUrl).toBe(`https://www.acme-industries.com/hs/serverless/${meta.config.endpoint.path}`);
  });

  test('accepts POST only and reads the client secret from its secrets', () => {
    expect(meta.config.endpoint.methods).toEqual(['POST']);
    expect(meta.config.secretKeys).toContain('KEYSTONE_CLIENT_SECRET');
  });

  test('is built from a handler of the same name (decision 0001)', () => {
    const name = /^\/app\/functions\/dist\/([a-z0-9-]+)\.js$/.exec(meta.config.entrypoint)?.[1];
    expect(name).toBeDefined();
    expect(() => readFileSync(path.join(APP_DIR, 'functions', 'handlers', `${name}.ts`))).not.toThrow();
  });
});
