import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../src/app/functions/contract/common';
import { ADMIN_KEY_SECRET, ADMIN_USER_IDS_SECRET } from '../../src/app/functions/lib/admin-key';
import { ACCESS_TOKEN_ENV, BASE_URL_ENV, type AppFunction } from '../../src/app/functions/lib/app-function';
import { createTask } from '../../src/app/functions/handlers/create-task';
import { getAccountPlan } from '../../src/app/functions/handlers/get-account-plan';
import { getModel } from '../../src/app/functions/handlers/get-model';
import { pinTier } from '../../src/app/functions/handlers/pin-tier';
import { portfolioAnalysis } from '../../src/app/functions/handlers/portfolio-analysis';
import { previewModel } from '../../src/app/functions/handlers/preview-model';
import { recalculateCompany } from '../../src/app/functions/handlers/recalculate-company';
import { rollbackModel } from '../../src/app/functions/handlers/rollback-model';
import { saveAccountPlan } from '../../src/app/functions/handlers/save-account-plan';
import { saveModel } from '../../src/app/functions/handlers/save-model';
import { scoreHistory } from '../../src/app/functions/handlers/score-history';
import { KeystoneError } from '../../src/engine/errors';
import {
  createJsonLineLogger,
  readHsProfile,
  PROFILE_VARIABLES,
  publicUrlsFor,
  SERVE_PATHS,
} from '../../src/engine/incremental';
import { customObjectModelStores, MODEL_STORE_KINDS, type ModelStoreFactory } from '../../src/engine/hubspot';
import {
  parseAdminUserIds,
  type AppOperation,
  fileModelStores,
  MODEL_STORE_FILE,
  RUN_KINDS,
  type RunKind,
  DEFAULT_SCHEDULES,
  type Schedule,
  startService,
  type RunningService,
} from '../../src/engine/service';
import { hubspotFromEnv } from '../hubspot-env';
import type { CliIo } from '../output';

type ServeFlags = {
  port: string;
  host: string;
  profile?: string;
  publicUrl?: string;
  srcDir: string;
  incrementalCron: string;
  fullCron: string;
  timezone: string;
  stateDir: string;
  rateBudget: string;
  adminUserIds?: string;
  /** `custom-object` (Enterprise, the default) or `file` (a versioned JSON file under --state-dir). */
  modelStore?: string;
};

export const CLIENT_SECRET_ENV = 'KEYSTONE_CLIENT_SECRET';

/**
 * The card's, settings page's and portfolio page's calls, answered by the very app functions
 * HubSpot would run (src/app/functions/handlers), so both transports share one code path and one
 * contract.
 *
 * Who may save, roll back or pin is decided before an operation runs, by the signed HubSpot user
 * id against `--admin-user-ids` (src/engine/service/app-fetch.ts). The functions' own check wants
 * the KEYSTONE_ADMIN_KEY secret: serve gives them a random key of its own, never shown to anyone,
 * with the admin list as KEYSTONE_ADMIN_USER_IDS, and puts the signed user in `actingUser` (what
 * the model store records as `savedBy`). Whatever key or user the page typed is overwritten. Saving
 * an account plan is open to every user of the card, and records the signed user the same way.
 */
export function appOperations(options: {
  accessToken: string;
  baseUrl: string;
  adminUserIds: ReadonlySet<string>;
  modelStores?: ModelStoreFactory;
}): Record<string, AppOperation> {
  const internalKey = randomBytes(32).toString('base64url');
  const env = {
    [ACCESS_TOKEN_ENV]: options.accessToken,
    [BASE_URL_ENV]: options.baseUrl,
    [ADMIN_KEY_SECRET]: internalKey,
    // never empty here: an empty list would mean "anyone with the key" to the functions
    [ADMIN_USER_IDS_SECRET]: [...options.adminUserIds].join(',') || '0',
  };
  const deps = { env, ...(options.modelStores ? { modelStores: options.modelStores } : {}) };
  const plain = (fn: AppFunction<object>): AppOperation => ({
    admin: false,
    run: ({ parameters, propertiesToSend }) => fn({ parameters, propertiesToSend }),
  });
  // anyone who sees the card may run it; the signed user, not what the page typed, is recorded
  const asSignedUser = (fn: AppFunction<object>): AppOperation => ({
    admin: false,
    run: ({ parameters, propertiesToSend, user }) =>
      fn({
        parameters:
          typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)
            ? { ...parameters, actingUser: user }
            : parameters,
        propertiesToSend,
      }),
  });
  const admin = (fn: AppFunction<object>): AppOperation => ({
    admin: true,
    run: ({ parameters, propertiesToSend, user }) =>
      fn({
        parameters:
          typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)
            ? { ...parameters, adminKey: internalKey, actingUser: user }
            : parameters,
        propertiesToSend,
      }),
  });
  return {
    [FUNCTION_NAMES.recalculateCompany]: plain(recalculateCompany(deps)),
    [FUNCTION_NAMES.scoreHistory]: plain(scoreHistory(deps)),
    [FUNCTION_NAMES.createTask]: plain(createTask(deps)),
    [FUNCTION_NAMES.getModel]: plain(getModel(deps)),
    [FUNCTION_NAMES.previewModel]: plain(previewModel(deps)),
    [FUNCTION_NAMES.saveModel]: admin(saveModel(deps)),
    [FUNCTION_NAMES.rollbackModel]: admin(rollbackModel(deps)),
    [FUNCTION_NAMES.pinTier]: admin(pinTier(deps)),
    [FUNCTION_NAMES.getAccountPlan]: plain(getAccountPlan(deps)),
    [FUNCTION_NAMES.saveAccountPlan]: asSignedUser(saveAccountPlan(deps)),
    // the portfolio page: the same read of stored kam_* values, against serve's HubSpot base URL
    [FUNCTION_NAMES.portfolioAnalysis]: plain((context) =>
      portfolioAnalysis(context, { env, basePath: options.baseUrl }),
    ),
  };
}

/** The URLs HubSpot calls: from the project profile (as uploaded) or `--public-url`. */
function publicUrlsOf(flags: ServeFlags): { webhookUrl: string; actionUrl: string } {
  if (flags.profile && flags.publicUrl)
    throw new KeystoneError('input.invalid', 'use either --profile or --public-url, not both');
  if (flags.publicUrl) return publicUrlsFor('serve', flags.publicUrl);
  if (!flags.profile) {
    throw new KeystoneError(
      'input.invalid',
      'kam serve needs the public URLs HubSpot calls: --profile <name> (the project profile you deploy with) or --public-url https://…',
    );
  }
  const { variables } = readHsProfile(path.resolve(flags.srcDir), flags.profile);
  const webhookUrl = variables[PROFILE_VARIABLES.webhookUrl];
  const actionUrl = variables[PROFILE_VARIABLES.actionUrl];
  if (typeof webhookUrl !== 'string' || typeof actionUrl !== 'string')
    throw new KeystoneError(
      'input.invalid',
      `profile ${flags.profile} has no ${PROFILE_VARIABLES.webhookUrl} / ${PROFILE_VARIABLES.actionUrl}: run \`npx kam configure --target serve …\``,
    );
  return { webhookUrl, actionUrl };
}

/**
 * The model store serve saves to, reads and scores with (docs/decisions/0002-model-storage.md): the
 * custom object, or below Enterprise a versioned JSON file in the state directory.
 */
export function modelStoresOf(flags: Pick<ServeFlags, 'modelStore' | 'stateDir'>): ModelStoreFactory {
  const kind = flags.modelStore ?? 'custom-object';
  if (kind === 'custom-object') return customObjectModelStores;
  if (kind === 'file') return fileModelStores(path.join(path.resolve(flags.stateDir), MODEL_STORE_FILE));
  throw new KeystoneError(
    'input.invalid',
    `--model-store takes ${MODEL_STORE_KINDS.join(' or ')}, got "${kind}"`,
  );
}

function schedulesOf(flags: ServeFlags): Schedule[] {
  const crons: Record<RunKind, string> = { incremental: flags.incrementalCron, full: flags.fullCron };
  return RUN_KINDS.filter((kind) => crons[kind].trim().toLowerCase() !== 'off').map((kind) => ({
    kind,
    cron: crons[kind].trim(),
  }));
}

export async function serveCommand(io: CliIo, flags: ServeFlags): Promise<RunningService> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new KeystoneError('input.invalid', `--port must be 0–65535, got "${flags.port}"`);
  const budget = Number(flags.rateBudget);
  if (!Number.isInteger(budget) || budget < 1 || budget > 190)
    throw new KeystoneError(
      'input.invalid',
      `--rate-budget must be 1–190 requests per 10 s, got "${flags.rateBudget}"`,
    );
  const clientSecret = io.env[CLIENT_SECRET_ENV]?.trim() ?? '';
  if (clientSecret === '')
    throw new KeystoneError(
      'auth.not_configured',
      `${CLIENT_SECRET_ENV} is not set: export the app's client secret (HubSpot › the app › Auth), which HubSpot signs its calls with`,
    );
  const publicUrls = publicUrlsOf(flags);
  const { baseUrl, targetId } = hubspotFromEnv(io);
  const accessToken = io.env.HUBSPOT_ACCESS_TOKEN?.trim() ?? '';
  const logger = createJsonLineLogger((stream, line) => (stream === 'out' ? io.out(line) : io.err(line)));
  const adminUserIds = parseAdminUserIds(flags.adminUserIds ?? '');
  const modelStores = modelStoresOf(flags);
  // serve's public base URL: what the webhook URL is under (publicUrlsFor('serve', base))
  const publicBaseUrl = publicUrls.webhookUrl.endsWith(SERVE_PATHS.webhook)
    ? publicUrls.webhookUrl.slice(0, -SERVE_PATHS.webhook.length)
    : null;
  return startService({
    port,
    host: flags.host,
    publicUrls,
    clientSecret,
    accessToken,
    basePath: baseUrl,
    createGateway: () => hubspotFromEnv(io, { requestsPerTenSeconds: budget }).gateway,
    target: targetId,
    stateDir: path.resolve(flags.stateDir),
    schedules: schedulesOf(flags),
    timezone: flags.timezone,
    logger,
    modelStores,
    ...(publicBaseUrl === null
      ? {}
      : {
          app: {
            publicBaseUrl,
            clientSecret,
            adminUserIds,
            ...(flags.profile
              ? { portalId: String(readHsProfile(path.resolve(flags.srcDir), flags.profile).accountId) }
              : {}),
            operations: appOperations({ accessToken, baseUrl, adminUserIds, modelStores }),
          },
        }),
  });
}

/** `kam serve`: the long-running production runner (docs/deploy.md). */
export function register(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      "run Keystone as a service: scheduled syncs, HubSpot webhooks and workflow actions, the app's hubspot.fetch calls, /healthz and /metrics",
    )
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on', '0.0.0.0')
    .option(
      '--profile <name>',
      'project profile (src/hsprofile.<name>.json) with the public URLs HubSpot calls',
    )
    .option('--public-url <url>', "instead of --profile: kam serve's public https:// base URL")
    .option('--src-dir <dir>', "the project's srcDir, where profiles live", 'src')
    .option(
      '--incremental-cron <cron>',
      'when the incremental run starts ("off" for never)',
      DEFAULT_SCHEDULES.incremental,
    )
    .option('--full-cron <cron>', 'when the full run starts ("off" for never)', DEFAULT_SCHEDULES.full)
    .option('--timezone <iana>', 'time zone of the cron expressions', 'UTC')
    .option('--state-dir <dir>', 'journal and state of the runs', '.kam/serve')
    .option('--rate-budget <n>', 'requests per rolling 10 s a run may use', '150')
    .option(
      '--admin-user-ids <ids>',
      'HubSpot user ids (comma-separated) who may save/roll back the model and pin, over hubspot.fetch',
      '',
    )
    .option(
      '--model-store <kind>',
      'where scoring models are saved: custom-object (Enterprise) or file (<state-dir>/scoring-models.json, any tier)',
      'custom-object',
    )
    .addHelpText(
      'after',
      '\nEnvironment: HUBSPOT_ACCESS_TOKEN and KEYSTONE_CLIENT_SECRET (required), HUBSPOT_BASE_URL (default https://api.hubapi.com)',
    )
    .action(async (flags: ServeFlags) => {
      const service = await serveCommand(io, flags);
      const stop = () => {
        void service.stop();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      try {
        await service.stopped;
      } finally {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
      }
    });
}
