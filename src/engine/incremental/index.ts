export {
  computeV1Signature,
  computeV2Signature,
  computeV3Signature,
  MAX_SIGNATURE_AGE_MS,
  normaliseV3Uri,
  SIGNATURE_HEADERS,
  verifyHubSpotSignature,
  type SignatureCheck,
  type SignatureFailure,
  type SignatureVersion,
  type SignedRequest,
} from './signature';
export { createMemoryReplayGuard, type ReplayGuard } from './replay-guard';
export {
  parseWebhookBody,
  webhookBodySchema,
  webhookEventSchema,
  type IncrementalEvent,
  type ObjectRef,
  type WebhookEvent,
} from './webhook-events';
export {
  INCREMENTAL_OBJECT_TYPES,
  NON_TRIGGER_COMPANY_PROPERTIES,
  OBJECT_TYPE_DESCRIPTORS,
  type IncrementalObjectType,
} from './object-types';
export { isOwnAppChange, loopDropReason } from './loop-safety';
export { planRescoring, type DropReason, type RescorePlan } from './coalesce';
export { rescoreCompanies, type CompanyResult } from './rescore-companies';
export { silentLogger, type IncrementalEngine, type Logger, type RescoreOutcome } from './engine-port';
export { handleWebhookRequest, type WebhookSummary } from './webhook-handler';
export {
  handleWorkflowActionRequest,
  WORKFLOW_OUTPUT_FIELDS,
  workflowActionRequestSchema,
  type WorkflowActionResponseBody,
} from './workflow-action';
export { toSignedRequest } from './function-request';
export { associatedCompanyIds } from './associated-companies';
export type { HttpResponse } from './http-response';
export {
  ACCESS_TOKEN_ENV,
  CLIENT_SECRET_ENV,
  createJsonLineLogger,
  createProcessLogger,
  createWebhookFunction,
  createWorkflowActionFunction,
  type EndpointFunction,
} from './function-entry';
export { createKeystoneEngine, type KeystoneEngineOptions } from './keystone-engine';
export { listHsProfiles, readHsProfile, writeHsProfile } from './profile-file';
export {
  PROFILE_VARIABLES,
  SERVE_PATHS,
  hsProfileFilename,
  publicUrlsFor,
  resolveProfileTemplate,
  type EndpointTarget,
  type HsProfile,
  type ProfileVariables,
} from './profile-variables';
export { ensureKeystoneInstalled, instanceKeyOf, logInstallation } from './self-install';
