/**
 * Endpoint app function `keystone_webhook_rescore`, the webhooks component's target: verifies
 * HubSpot's v3 signature, then rescores each company the delivered events touch, once
 * (src/engine/incremental/webhook-handler.ts, docs/workflows.md). Bundled into
 * dist/webhook-rescore.js by scripts/build-app.ts (decision 0001).
 */
import webhooksMeta from '../../webhooks/webhooks-hsmeta.json';
import {
  createKeystoneEngine,
  createProcessLogger,
  createWebhookFunction,
  type EndpointFunction,
  type Logger,
  type ProfileVariables,
} from '../../../engine/incremental';
import { resolvedMetaValue } from '../lib/profile';

export type WebhookRescoreDeps = {
  env: Readonly<Record<string, string | undefined>>;
  /** HubSpot's API; the emulator in tests. */
  basePath?: string;
  now?: () => Date;
  logger?: Logger;
  /** The project profile's variables; default: the ones the bundle was built with. */
  profileVariables?: ProfileVariables;
};

export function webhookRescore(deps: WebhookRescoreDeps): EndpointFunction {
  const now = deps.now ?? (() => new Date());
  return createWebhookFunction({
    // HubSpot signs the URL it calls: the target URL configured in the webhooks component
    publicUrl: resolvedMetaValue(webhooksMeta.config.settings.targetUrl, deps.profileVariables),
    env: deps.env,
    logger: deps.logger ?? createProcessLogger(),
    nowMs: () => now().getTime(),
    createEngine: (accessToken) => createKeystoneEngine({ accessToken, basePath: deps.basePath, now }),
  });
}

export const main = webhookRescore({ env: process.env });
