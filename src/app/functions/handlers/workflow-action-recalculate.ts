/**
 * Endpoint app function `keystone_workflow_action_recalculate`, the action URL of the custom
 * workflow action "Recalculate key-account score": verifies HubSpot's v2 (and v3) signature,
 * rescores the enrolled company and answers the tier, score and risk level as output fields
 * (src/engine/incremental/workflow-action.ts, docs/workflows.md). Bundled into
 * dist/workflow-action-recalculate.js by scripts/build-app.ts (decision 0001).
 */
import actionMeta from '../../workflow-actions/recalculate-score-hsmeta.json';
import {
  createKeystoneEngine,
  createProcessLogger,
  createWorkflowActionFunction,
  type EndpointFunction,
  type Logger,
  type ProfileVariables,
} from '../../../engine/incremental';
import { resolvedMetaValue } from '../lib/profile';

export type WorkflowActionRecalculateDeps = {
  env: Readonly<Record<string, string | undefined>>;
  /** HubSpot's API; the emulator in tests. */
  basePath?: string;
  now?: () => Date;
  logger?: Logger;
  /** The project profile's variables; default: the ones the bundle was built with. */
  profileVariables?: ProfileVariables;
};

export function workflowActionRecalculate(deps: WorkflowActionRecalculateDeps): EndpointFunction {
  const now = deps.now ?? (() => new Date());
  return createWorkflowActionFunction({
    // HubSpot signs the URL it calls: the action URL configured in the workflow-action component
    publicUrl: resolvedMetaValue(actionMeta.config.actionUrl, deps.profileVariables),
    env: deps.env,
    logger: deps.logger ?? createProcessLogger(),
    nowMs: () => now().getTime(),
    createEngine: (accessToken) => createKeystoneEngine({ accessToken, basePath: deps.basePath, now }),
  });
}

export const main = workflowActionRecalculate({ env: process.env });
