/**
 * The custom workflow action "Recalculate key-account score": HubSpot POSTs the enrolled company
 * (developers.hubspot.com/docs/apps/developer-platform/add-features/custom-workflow-actions),
 * Keystone rescores it and answers with output fields later steps can branch on.
 *
 * Signatures: HubSpot signs action requests with v2 (`X-HubSpot-Signature`, no timestamp) and v3
 * where present; every one present must verify. A v2-only request carries no timestamp, so it can
 * be replayed; the damage is bounded to an idempotent rescore (see replay-guard.ts).
 *
 * Answers: 200 with `outputFields` (and `hs_execution_state`), 401/409/400 without side effects,
 * 503 when a retry can help (HubSpot retries action requests on 5xx).
 */
import { z } from 'zod';
import { silentLogger, type IncrementalEngine, type Logger, type RescoreOutcome } from './engine-port';
import { jsonResponse, type HttpResponse } from './http-response';
import type { ReplayGuard } from './replay-guard';
import { classifyRescoreFailure } from './rescore-companies';
import { readHeader, SIGNATURE_HEADERS, verifyHubSpotSignature, type SignedRequest } from './signature';

const idSchema = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);

export const workflowActionRequestSchema = z.object({
  callbackId: z.string().min(1),
  origin: z.object({
    portalId: idSchema,
    actionDefinitionId: idSchema.optional(),
    actionDefinitionVersion: z.number().int().optional(),
  }),
  context: z.object({ source: z.string().optional(), workflowId: idSchema.optional() }).optional(),
  object: z.object({ objectId: idSchema, objectType: z.string().min(1) }),
  inputFields: z.record(z.string(), z.unknown()).optional(),
});
export type WorkflowActionRequest = z.infer<typeof workflowActionRequestSchema>;

/** The output field names; the workflow-action hsmeta declares the same (a test keeps them equal). */
export const WORKFLOW_OUTPUT_FIELDS = ['kam_tier', 'kam_score', 'kam_risk_level'] as const;
export type WorkflowOutputField = (typeof WORKFLOW_OUTPUT_FIELDS)[number];

/** HubSpot's reserved output that tells the workflow how the action went. */
export const EXECUTION_STATES = ['SUCCESS', 'FAIL_CONTINUE'] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

export type WorkflowActionResponseBody = {
  outputFields: Partial<Record<WorkflowOutputField, string | number>> & {
    hs_execution_state: ExecutionState;
  };
};

// HubSpot sends the object type by name; company workflows only (the hsmeta's objectTypes)
const COMPANY_OBJECT_TYPES: ReadonlySet<string> = new Set(['COMPANY', 'COMPANIES', '0-2']);

export function outputFieldsOf(outcome: RescoreOutcome): WorkflowActionResponseBody {
  const outputFields: WorkflowActionResponseBody['outputFields'] = { hs_execution_state: 'SUCCESS' };
  if (outcome.tier !== null) outputFields.kam_tier = outcome.tier;
  if (outcome.score !== null) outputFields.kam_score = outcome.score;
  if (outcome.riskLevel !== null) outputFields.kam_risk_level = outcome.riskLevel;
  return { outputFields };
}

export type WorkflowActionHandlerOptions = {
  clientSecret: string;
  createEngine: () => IncrementalEngine;
  replayGuard: ReplayGuard;
  nowMs: () => number;
  logger?: Logger;
};

/**
 * Handles one workflow action execution request.
 * @example await handleWorkflowActionRequest(signedRequest, { clientSecret, createEngine, replayGuard, nowMs: Date.now })
 */
export async function handleWorkflowActionRequest(
  request: SignedRequest,
  options: WorkflowActionHandlerOptions,
): Promise<HttpResponse> {
  const logger = options.logger ?? silentLogger;
  const nowMs = options.nowMs();
  if (request.method !== 'POST') return jsonResponse(405, { error: 'method_not_allowed' }, { Allow: 'POST' });

  const check = verifyHubSpotSignature(request, {
    clientSecret: options.clientSecret,
    nowMs,
    accept: ['v3', 'v2'],
  });
  if (!check.ok) {
    logger.warn('workflow action rejected: signature', { reason: check.reason, version: check.version });
    return jsonResponse(401, { error: 'invalid_signature', reason: check.reason });
  }
  // only v3 is unique per delivery; a v2 signature repeats on HubSpot's own retries
  const v3 = check.versions.includes('v3') ? readHeader(request.headers, SIGNATURE_HEADERS.v3) : undefined;
  if (v3 !== undefined && options.replayGuard.seen(`v3:${v3}`, nowMs)) {
    logger.warn('workflow action rejected: replayed request');
    return jsonResponse(409, { error: 'replayed_request' });
  }

  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return jsonResponse(400, {
      error: 'malformed_body',
      issues: [{ path: '(body)', message: 'not valid JSON' }],
    });
  }
  const parsed = workflowActionRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return jsonResponse(400, { error: 'malformed_body', issues });
  }
  const { object, callbackId } = parsed.data;
  if (!COMPANY_OBJECT_TYPES.has(object.objectType.toUpperCase())) {
    return jsonResponse(400, {
      error: 'malformed_body',
      issues: [{ path: 'object.objectType', message: `expected COMPANY, got ${object.objectType}` }],
    });
  }

  try {
    const outcome = await options.createEngine().rescoreCompany(object.objectId);
    logger.info('workflow action: rescored', {
      companyId: object.objectId,
      callbackId,
      changed: outcome.changedProperties,
    });
    return jsonResponse(200, outputFieldsOf(outcome));
  } catch (error) {
    const verdict = classifyRescoreFailure(error);
    if (verdict.kind === 'failed' && verdict.retryable) {
      logger.warn('workflow action: transient failure, HubSpot will retry', {
        companyId: object.objectId,
        code: verdict.code,
      });
      return jsonResponse(503, { error: verdict.code });
    }
    logger.error('workflow action: rescore failed', { companyId: object.objectId, callbackId, verdict });
    const failed: WorkflowActionResponseBody = { outputFields: { hs_execution_state: 'FAIL_CONTINUE' } };
    return jsonResponse(200, failed);
  }
}
