/**
 * Fixtures for the incremental tests. Use the `createX(overrides)` factories when a test is
 * about one field; use `signedWebhookRequest` / `signedActionRequest` for requests HubSpot would
 * send, signed with `TEST_CLIENT_SECRET` at `TEST_NOW_MS`. `FakeEngine` records every call.
 */
import type { IncrementalEngine, RescoreOutcome } from '../engine-port';
import { computeV2Signature, computeV3Signature, type SignedRequest } from '../signature';
import type { ObjectRef, WebhookEvent } from '../webhook-events';

export const TEST_CLIENT_SECRET = 'test-client-secret-0000-0000';
export const TEST_APP_ID = 4242;
export const TEST_PORTAL_ID = 62515;
export const TEST_NOW_MS = Date.UTC(2026, 4, 4, 9, 30);
export const WEBHOOK_URL = 'https://keystone.example.com/hs/serverless/keystone/webhook';
export const ACTION_URL = 'https://keystone.example.com/hs/serverless/keystone/recalculate';
/** The project profile the tests' functions are "built" with: the URLs above. */
export const TEST_PROFILE_VARIABLES = { KEYSTONE_WEBHOOK_URL: WEBHOOK_URL, KEYSTONE_ACTION_URL: ACTION_URL };

let nextEventId = 1000;

/** A raw HubSpot webhook event (JSON shape); `eventId` is unique unless given. */
export function createWebhookEvent(
  overrides: Partial<Record<keyof WebhookEvent, unknown>> = {},
): Record<string, unknown> {
  nextEventId += 1;
  return {
    eventId: nextEventId,
    subscriptionId: 77,
    portalId: TEST_PORTAL_ID,
    appId: TEST_APP_ID,
    occurredAt: TEST_NOW_MS - 2_000,
    subscriptionType: 'deal.propertyChange',
    attemptNumber: 0,
    objectId: 9001,
    propertyName: 'amount',
    propertyValue: '1000',
    changeSource: 'CRM_UI',
    sourceId: 'userId:5',
    ...overrides,
  };
}

export const dealChange = (dealId: number, propertyName = 'amount', extra: Record<string, unknown> = {}) =>
  createWebhookEvent({ subscriptionType: 'deal.propertyChange', objectId: dealId, propertyName, ...extra });

export const companyChange = (
  companyId: number,
  propertyName = 'annualrevenue',
  extra: Record<string, unknown> = {},
) =>
  createWebhookEvent({
    subscriptionType: 'company.propertyChange',
    objectId: companyId,
    propertyName,
    ...extra,
  });

export const ticketCreated = (ticketId: number) =>
  createWebhookEvent({
    subscriptionType: 'ticket.creation',
    objectId: ticketId,
    propertyName: undefined,
    propertyValue: undefined,
  });

export const companyAssociation = (
  companyId: number,
  otherType: 'DEAL' | 'TICKET' | 'CONTACT',
  otherId: number,
  removed = false,
) =>
  createWebhookEvent({
    subscriptionType: 'company.associationChange',
    objectId: undefined,
    propertyName: undefined,
    propertyValue: undefined,
    associationType: `COMPANY_TO_${otherType}`,
    fromObjectId: companyId,
    toObjectId: otherId,
    associationRemoved: removed,
    isPrimaryAssociation: false,
  });

/** Signs `body` as HubSpot signs a webhook delivery (v3). */
export function signedWebhookRequest(
  body: string,
  { timestampMs = TEST_NOW_MS - 1_000, secret = TEST_CLIENT_SECRET, uri = WEBHOOK_URL } = {},
): SignedRequest {
  const timestamp = String(timestampMs);
  return {
    method: 'POST',
    uri,
    body,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': computeV3Signature(secret, 'POST', uri, body, timestamp),
      'x-hubspot-request-timestamp': timestamp,
    },
  };
}

/** Signs `body` as HubSpot signs a workflow action request (v2, plus v3 unless `v2Only`). */
export function signedActionRequest(
  body: string,
  { timestampMs = TEST_NOW_MS - 1_000, secret = TEST_CLIENT_SECRET, uri = ACTION_URL, v2Only = false } = {},
): SignedRequest {
  const timestamp = String(timestampMs);
  const v3 = v2Only
    ? {}
    : {
        'x-hubspot-signature-v3': computeV3Signature(secret, 'POST', uri, body, timestamp),
        'x-hubspot-request-timestamp': timestamp,
      };
  return {
    method: 'POST',
    uri,
    body,
    headers: {
      'x-hubspot-signature': computeV2Signature(secret, 'POST', uri, body),
      'x-hubspot-signature-version': 'v2',
      ...v3,
    },
  };
}

export function createActionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    callbackId: 'ap-62515-1234-5-0',
    origin: { portalId: TEST_PORTAL_ID, actionDefinitionId: 5, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: 31 },
    object: { objectId: 501, objectType: 'COMPANY' },
    inputFields: {},
    ...overrides,
  };
}

export function createOutcome(overrides: Partial<RescoreOutcome> = {}): RescoreOutcome {
  return {
    companyId: '501',
    changedProperties: [],
    score: 72.5,
    tier: 'key',
    riskLevel: 'watch',
    ...overrides,
  };
}

/** An {@link IncrementalEngine} over a fixed association map that records every call. */
export class FakeEngine implements IncrementalEngine {
  readonly resolveCalls: ObjectRef[][] = [];
  readonly rescoreCalls: string[] = [];
  constructor(
    private readonly companiesByObject: Record<string, string[]> = {},
    private readonly rescore: (companyId: string) => Promise<RescoreOutcome> = async (companyId) =>
      createOutcome({ companyId }),
  ) {}

  async resolveCompanyIds(objects: readonly ObjectRef[]): Promise<string[]> {
    this.resolveCalls.push([...objects]);
    return [
      ...new Set(objects.flatMap((ref) => this.companiesByObject[`${ref.objectType}:${ref.objectId}`] ?? [])),
    ];
  }

  async rescoreCompany(companyId: string): Promise<RescoreOutcome> {
    this.rescoreCalls.push(companyId);
    return this.rescore(companyId);
  }
}
