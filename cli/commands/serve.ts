import type { Command } from 'commander';
import path from 'node:path';
import { KeystoneError } from '../../src/engine/errors';
import { createJsonLineLogger } from '../../src/engine/incremental/function-entry';
import { readHsProfile } from '../../src/engine/incremental/profile-file';
import { PROFILE_VARIABLES, publicUrlsFor } from '../../src/engine/incremental/profile-variables';
import { RUN_KINDS, type RunKind } from '../../src/engine/service/portfolio-runner';
import { DEFAULT_SCHEDULES, type Schedule } from '../../src/engine/service/scheduler';
import { startService, type RunningService } from '../../src/engine/service/service';
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
};

export const CLIENT_SECRET_ENV = 'KEYSTONE_CLIENT_SECRET';

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
  });
}

/** `kam serve`: the long-running production runner (docs/deploy.md). */
export function register(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'run Keystone as a service: scheduled syncs, HubSpot webhooks and workflow actions, /healthz and /metrics',
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
